metadata name = 'Role assignment type'
metadata description = 'The role assignment shape every local module takes (AVM style): a built-in role by name, granted to one principal on the module\'s resource.'

@export()
@description('A role assignment on the module\'s resource.')
type roleAssignmentType = {
  @description('Required. The built-in role, by name (the module maps it to its role definition id).')
  roleDefinitionIdOrName: string

  @description('Required. The principal (object) id that gets the role.')
  principalId: string

  @description('Required. The type of the principal.')
  principalType: 'ServicePrincipal' | 'User' | 'Group'
}
