metadata name = 'User-assigned managed identity'
metadata description = 'The one identity the Function App runs as: storage, AI services and telemetry ingestion all accept it, so no key exists anywhere.'

@description('Required. Name of the identity.')
param name string

@description('Required. Location of the identity.')
param location string

@description('Optional. Tags of the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('The resource id of the identity.')
output resourceId string = identity.id

@description('The name of the identity.')
output name string = identity.name

@description('The principal (object) id of the identity, the subject of its role assignments.')
output principalId string = identity.properties.principalId

@description('The client id of the identity, the one the app selects it by.')
output clientId string = identity.properties.clientId
