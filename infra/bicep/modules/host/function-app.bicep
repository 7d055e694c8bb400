metadata name = 'Function App on Flex Consumption'
metadata description = 'A Flex Consumption plan and a Linux Function App (dotnet-isolated) that runs as a user-assigned identity, deploys from a blob container with that identity, and sits behind App Service Authentication (Microsoft Entra ID, unauthenticated callers get 401).'

@description('Required. Name of the Function App.')
param name string

@description('Required. Name of the Flex Consumption plan.')
param planName string

@description('Required. Location of both.')
param location string

@description('Optional. Tags of both (the app also gets azd-service-name).')
param tags object = {}

@description('Optional. The azd service name the app is tagged with (azure.yaml).')
param serviceName string = 'api'

@description('Required. Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Required. Blob container URL the deployment package is read from, e.g. https://{account}.blob.core.windows.net/{container}.')
param deploymentContainerUrl string

@description('Optional. Runtime stack.')
param runtimeName string = 'dotnet-isolated'

@description('Optional. Runtime version.')
param runtimeVersion string = '10.0'

@description('Optional. Memory of each instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Optional. Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Required. Application settings (names exactly as the code binds them).')
param appSettings object

@description('Required. Client id of the Microsoft Entra app registration callers get tokens for (App Service Authentication).')
param authClientId string

@description('Optional. Extra audiences accepted in tokens besides api://{authClientId} and the client id.')
param authAllowedAudiences string[] = []

@description('Optional. Paths served without authentication (the health probe is anonymous by contract).')
param anonymousPaths string[] = ['/api/health']

@description('Optional. Subnet the app is integrated with (private-network variant); empty for none.')
param virtualNetworkSubnetId string = ''

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
}

// Basic-auth publishing credentials off: deployments use Microsoft Entra tokens only.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource auth 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: anonymousPaths
    }
    httpSettings: {
      requireHttps: true
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: union(['api://${authClientId}', authClientId], authAllowedAudiences)
        }
      }
    }
  }
}

@description('The resource id of the Function App.')
output resourceId string = site.id

@description('The name of the Function App.')
output name string = site.name

@description('The default host name of the Function App.')
output defaultHostName string = site.properties.defaultHostName
