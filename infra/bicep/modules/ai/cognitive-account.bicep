import { roleAssignmentType } from '../role-assignment-type.bicep'

metadata name = 'Azure AI services account'
metadata description = 'One Azure AI services account (Azure OpenAI, Speech or Content Safety) with a custom subdomain and local (key) auth disabled, so only Microsoft Entra tokens are accepted.'

@description('Required. Name of the account; also its custom subdomain.')
param name string

@description('Required. Location of the account.')
param location string

@description('Optional. Tags of the account.')
param tags object = {}

@description('Required. Kind of the account.')
@allowed(['OpenAI', 'SpeechServices', 'ContentSafety'])
param kind string

@description('Optional. SKU of the account.')
param skuName string = 'S0'

@description('Optional. Model deployments (Azure OpenAI only).')
param deployments { name: string, modelName: string, modelVersion: string, skuName: string, capacity: int }[] = []

@description('Optional. Disable public network access (the private-network variant reaches the account through a private endpoint).')
param disablePublicNetworkAccess bool = false

@description('Optional. Role assignments on the account.')
param roleAssignments roleAssignmentType[] = []

var builtInRoleNames = {
  'Cognitive Services OpenAI User': '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
  'Cognitive Services User': 'a97b65f3-24c7-4388-baec-2e87135dc908'
}

resource account 'Microsoft.CognitiveServices/accounts@2026-09-01' = {
  name: name
  location: location
  tags: tags
  kind: kind
  sku: {
    name: skuName
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: disablePublicNetworkAccess ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: disablePublicNetworkAccess ? 'Deny' : 'Allow'
    }
  }
}

@batchSize(1)
resource modelDeployments 'Microsoft.CognitiveServices/accounts/deployments@2026-09-01' = [
  for deployment in deployments: {
    parent: account
    name: deployment.name
    sku: {
      name: deployment.skuName
      capacity: deployment.capacity
    }
    properties: {
      model: {
        format: 'OpenAI'
        name: deployment.modelName
        version: deployment.modelVersion
      }
    }
  }
]

resource accountRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in roleAssignments: {
    name: guid(account.id, assignment.principalId, builtInRoleNames[assignment.roleDefinitionIdOrName])
    scope: account
    properties: {
      principalId: assignment.principalId
      principalType: assignment.principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoleNames[assignment.roleDefinitionIdOrName])
    }
  }
]

@description('The resource id of the account.')
output resourceId string = account.id

@description('The name of the account.')
output name string = account.name

@description('The custom-subdomain endpoint, e.g. https://{name}.cognitiveservices.azure.com/ (https://{name}.openai.azure.com/ for Azure OpenAI).')
output endpoint string = account.properties.endpoint

@description('The OpenAI v1 base URL, https://{name}.openai.azure.com/openai/v1/ (empty for other kinds).')
output openAiV1Endpoint string = kind == 'OpenAI' ? '${account.properties.endpoint}openai/v1/' : ''

@description('The location of the account (the Speech region).')
output location string = account.location
