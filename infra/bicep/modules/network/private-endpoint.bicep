metadata name = 'Private endpoint'
metadata description = 'A private endpoint for one sub-resource of a service, registered in its private DNS zone.'

@description('Required. Name of the private endpoint.')
param name string

@description('Required. Location of the endpoint.')
param location string

@description('Optional. Tags of the endpoint.')
param tags object = {}

@description('Required. Subnet the endpoint gets its address in.')
param subnetId string

@description('Required. Resource id of the service the endpoint reaches.')
param targetResourceId string

@description('Required. Sub-resource (group id), e.g. blob, queue, table, account.')
param groupId string

@description('Required. Private DNS zone the endpoint registers its address in.')
param dnsZoneId string

resource endpoint 'Microsoft.Network/privateEndpoints@2026-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: targetResourceId
          groupIds: [groupId]
        }
      }
    ]
  }
}

resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2026-03-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: groupId
        properties: {
          privateDnsZoneId: dnsZoneId
        }
      }
    ]
  }
}

@description('The resource id of the private endpoint.')
output resourceId string = endpoint.id
