import { roleAssignmentType } from '../role-assignment-type.bicep'

metadata name = 'Storage account'
metadata description = 'Blob, queue and table storage for the Functions host (Durable task hub, deployment package) and the app (audio, journal, backups, turns, facts), reachable only with Microsoft Entra tokens.'

@description('Required. Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Location of the account.')
param location string

@description('Optional. Tags of the account.')
param tags object = {}

@description('Optional. Blob containers to create.')
param containers string[] = []

@description('Optional. Tables to create.')
param tables string[] = []

@description('Optional. Lifecycle rules: blobs under a prefix are deleted this many days after their last change (the second line of retention behind the app\'s own).')
param deleteAfterDays { prefix: string, days: int }[] = []

@description('Optional. Disable public network access (the private-network variant reaches the account through private endpoints).')
param disablePublicNetworkAccess bool = false

@description('Optional. Role assignments on the account.')
param roleAssignments roleAssignmentType[] = []

// Built-in role definition ids of the roles this account may grant.
var builtInRoleNames = {
  'Storage Blob Data Owner': 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  'Storage Queue Data Contributor': '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  'Storage Table Data Contributor': '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource account 'Microsoft.Storage/storageAccounts@2026-09-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    dnsEndpointType: 'Standard'
    publicNetworkAccess: disablePublicNetworkAccess ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: disablePublicNetworkAccess ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-09-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-09-01' = [
  for container in containers: {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-09-01' = {
  parent: account
  name: 'default'
}

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-09-01' = [
  for table in tables: {
    parent: tableService
    name: table
  }
]

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2026-09-01' = if (!empty(deleteAfterDays)) {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        for (rule, i) in deleteAfterDays: {
          name: 'delete-${i}'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: [rule.prefix]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: rule.days
                }
              }
            }
          }
        }
      ]
    }
  }
}

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

@description('The blob service endpoint, e.g. https://{name}.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('The queue service endpoint.')
output queueEndpoint string = account.properties.primaryEndpoints.queue

@description('The table service endpoint.')
output tableEndpoint string = account.properties.primaryEndpoints.table
