metadata name = 'Virtual network and private DNS zones'
metadata description = 'The private-network variant: a subnet the Function App integrates with (delegated to Microsoft.App/environments, as Flex Consumption requires), a subnet for private endpoints, and the private DNS zones those endpoints register in.'

@description('Required. Name of the virtual network.')
param name string

@description('Required. Location of the network.')
param location string

@description('Optional. Tags of the network and zones.')
param tags object = {}

@description('Optional. Address space of the network.')
param addressPrefix string = '10.40.0.0/16'

@description('Optional. Prefix of the Function App integration subnet.')
param appSubnetPrefix string = '10.40.1.0/24'

@description('Optional. Prefix of the private endpoint subnet.')
param privateEndpointSubnetPrefix string = '10.40.2.0/24'

// Blob, queue and table for storage; Azure OpenAI and the other AI services have zones of their own.
var dnsZoneNames = [
  'privatelink.blob.${environment().suffixes.storage}'
  'privatelink.queue.${environment().suffixes.storage}'
  'privatelink.table.${environment().suffixes.storage}'
  'privatelink.openai.azure.com'
  'privatelink.cognitiveservices.azure.com'
]

resource vnet 'Microsoft.Network/virtualNetworks@2026-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [addressPrefix]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zoneName in dnsZoneNames: {
    name: zoneName
    location: 'global'
    tags: tags
  }
]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zoneName, i) in dnsZoneNames: {
    parent: zones[i]
    name: '${name}-link'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

@description('The resource id of the Function App integration subnet.')
output appSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'app')

@description('The resource id of the private endpoint subnet.')
output privateEndpointSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'private-endpoints')

@description('Private DNS zone ids by service: blob, queue, table, openai, cognitiveservices.')
output dnsZoneIds object = {
  blob: zones[0].id
  queue: zones[1].id
  table: zones[2].id
  openai: zones[3].id
  cognitiveservices: zones[4].id
}
