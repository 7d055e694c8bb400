targetScope = 'subscription'

metadata name = 'VoiceMemory on Azure'
metadata description = 'The Azure host of VoiceMemory: a Flex Consumption Function App behind App Service Authentication, its storage, Azure OpenAI, Speech and Content Safety, Application Insights with alert rules and the ops workbook. Keyless throughout: one user-assigned identity holds exactly the roles the code needs.'

@minLength(1)
@maxLength(40)
@description('Name of the azd environment; names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Location of every resource (a region that offers Flex Consumption, Azure OpenAI with the chat model, Speech and Content Safety).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Client id of the Microsoft Entra app registration that callers get tokens for (App Service Authentication validates them; unauthenticated calls get 401).')
param authClientId string

@description('E-mail address the alert rules notify.')
param alertEmail string

@description('Optional. Name of the resource group; default rg-{environmentName}.')
param resourceGroupName string = ''

@description('Chat model deployed in Azure OpenAI (the VoiceMemory__Llm__Model deployment).')
param chatModelName string = 'gpt-4.1-mini'

@description('Version of the chat model.')
param chatModelVersion string = '2025-04-14'

@description('Deployment type (SKU) of the chat model.')
@allowed(['GlobalStandard', 'DataZoneStandard', 'Standard'])
param chatDeploymentType string = 'GlobalStandard'

@description('Capacity of the chat deployment, in thousands of tokens per minute.')
@minValue(1)
param chatDeploymentCapacity int = 30

@description('Memory of each Function App instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Most instances the Function App scales out to (bounds the load on the Speech and OpenAI quotas).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Durable Functions task hub name (letters and digits; host.json reads it from the VoiceMemoryTaskHub setting).')
param taskHubName string = 'voicememory'

@description('Private-network variant: the app integrates with a virtual network and reaches storage and the AI services through private endpoints; their public access is disabled.')
param privateNetworking bool = false

@description('Lifecycle rule: recordings (audio/input/) are deleted this many days after their last change, whatever the app\'s retention did (it keeps them 30 days by default).')
@minValue(1)
param inputAudioLifecycleDays int = 35

@description('Lifecycle rule: spoken replies (audio/reply/) are deleted this many days after their last change (the app keeps them 7 days by default).')
@minValue(1)
param replyAudioLifecycleDays int = 14

@description('Lifecycle rule: backup blobs are deleted this many days after their last change (the app keeps 30 days by default).')
@minValue(1)
param backupLifecycleDays int = 35

@description('Alert: failed turns, as a percentage of finished turns in 15 minutes.')
param turnFailureRatePercent int = 10

@description('Alert: 95th percentile of turn duration (ms) over 30 minutes.')
param turnDurationP95Ms int = 15000

@description('Alert: fallback replies, as a percentage of completed turns in 15 minutes.')
param fallbackRatePercent int = 25

@description('Alert: 5xx responses, as a percentage of requests in 15 minutes.')
param http5xxRatePercent int = 5

@description('Alert: the last successful backup is older than this many hours.')
param backupMaxAgeHours int = 26

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 8)}'
var chatDeploymentName = 'chat'

// The containers and tables the app uses (src/Functions: AzureStorageNames for the stores, HostTables for the host's
// own); the app also creates missing ones, creating them here makes a fresh deployment complete before the first request.
var appContainers = ['audio', 'journal', 'backups']
var appTables = ['turns', 'facts', 'health', 'ratelimits', 'pendingturns', 'healthreports', 'pendingpurges']

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: empty(resourceGroupName) ? '${abbrs.resourcesResourceGroups}${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module network 'modules/network/virtual-network.bicep' = if (privateNetworking) {
  name: 'network'
  scope: rg
  params: {
    name: '${abbrs.networkVirtualNetworks}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containers: concat([deploymentContainerName], appContainers)
    tables: appTables
    deleteAfterDays: [
      { prefix: 'audio/input/', days: inputAudioLifecycleDays }
      { prefix: 'audio/reply/', days: replyAudioLifecycleDays }
      { prefix: 'backups/', days: backupLifecycleDays }
    ]
    disablePublicNetworkAccess: privateNetworking
    roleAssignments: [
      // The Functions host (AzureWebJobsStorage: leases, timers, Durable) and the app's blobs (audio, journal,
      // backups, user-delegation SAS for reply audio).
      { roleDefinitionIdOrName: 'Storage Blob Data Owner', principalId: identity.outputs.principalId, principalType: 'ServicePrincipal' }
      // Durable Functions' work-item and control queues.
      { roleDefinitionIdOrName: 'Storage Queue Data Contributor', principalId: identity.outputs.principalId, principalType: 'ServicePrincipal' }
      // Durable Functions' history and instance tables, and the app's tables.
      { roleDefinitionIdOrName: 'Storage Table Data Contributor', principalId: identity.outputs.principalId, principalType: 'ServicePrincipal' }
    ]
  }
}

module monitoring 'modules/monitoring/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    roleAssignments: [
      // Telemetry ingestion with the identity (local auth is disabled).
      { roleDefinitionIdOrName: 'Monitoring Metrics Publisher', principalId: identity.outputs.principalId, principalType: 'ServicePrincipal' }
    ]
  }
}

module openAi 'modules/ai/cognitive-account.bicep' = {
  name: 'openai'
  scope: rg
  params: {
    name: openAiName
    location: location
    tags: tags
    kind: 'OpenAI'
    deployments: [
      { name: chatDeploymentName, modelName: chatModelName, modelVersion: chatModelVersion, skuName: chatDeploymentType, capacity: chatDeploymentCapacity }
    ]
    disablePublicNetworkAccess: privateNetworking
    roleAssignments: [
      { roleDefinitionIdOrName: 'Cognitive Services OpenAI User', principalId: identity.outputs.principalId, principalType: 'ServicePrincipal' }
    ]
  }
}

module speech 'modules/ai/cognitive-account.bicep' = {
  name: 'speech'
  scope: rg
  params: {
    name: speechName
    location: location
    tags: tags
    kind: 'SpeechServices'
    // Text to speech accepts Microsoft Entra tokens only while the resource allows all networks (Speech private-link
    // documentation), so Speech keeps public access in the private variant: local auth stays off, and the app's own
    // traffic still resolves to the private endpoint inside the virtual network.
    disablePublicNetworkAccess: false
    roleAssignments: [
      { roleDefinitionIdOrName: 'Cognitive Services User', principalId: identity.outputs.principalId, principalType: 'ServicePrincipal' }
    ]
  }
}

module contentSafety 'modules/ai/cognitive-account.bicep' = {
  name: 'content-safety'
  scope: rg
  params: {
    name: contentSafetyName
    location: location
    tags: tags
    kind: 'ContentSafety'
    disablePublicNetworkAccess: privateNetworking
    roleAssignments: [
      { roleDefinitionIdOrName: 'Cognitive Services User', principalId: identity.outputs.principalId, principalType: 'ServicePrincipal' }
    ]
  }
}

// Private endpoints (private-network variant): storage blob/queue/table and the three AI accounts. Targets are named
// here (not taken from module outputs) because a loop's items must be known when the deployment starts.
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var openAiName = '${abbrs.cognitiveServicesOpenAI}${resourceToken}'
var speechName = '${abbrs.cognitiveServicesSpeech}${resourceToken}'
var contentSafetyName = '${abbrs.cognitiveServicesContentSafety}${resourceToken}'
var privateEndpoints = privateNetworking
  ? [
      { name: 'storage-blob', type: 'Microsoft.Storage/storageAccounts', target: storageAccountName, groupId: 'blob', zone: 'blob' }
      { name: 'storage-queue', type: 'Microsoft.Storage/storageAccounts', target: storageAccountName, groupId: 'queue', zone: 'queue' }
      { name: 'storage-table', type: 'Microsoft.Storage/storageAccounts', target: storageAccountName, groupId: 'table', zone: 'table' }
      { name: 'openai', type: 'Microsoft.CognitiveServices/accounts', target: openAiName, groupId: 'account', zone: 'openai' }
      { name: 'speech', type: 'Microsoft.CognitiveServices/accounts', target: speechName, groupId: 'account', zone: 'cognitiveservices' }
      { name: 'content-safety', type: 'Microsoft.CognitiveServices/accounts', target: contentSafetyName, groupId: 'account', zone: 'cognitiveservices' }
    ]
  : []

module endpoints 'modules/network/private-endpoint.bicep' = [
  for endpoint in privateEndpoints: {
    name: 'pep-${endpoint.name}'
    scope: rg
    dependsOn: [storage, openAi, speech, contentSafety]
    params: {
      name: '${abbrs.networkPrivateEndpoints}${endpoint.name}-${resourceToken}'
      location: location
      tags: tags
      subnetId: network!.outputs.privateEndpointSubnetId
      targetResourceId: resourceId(subscription().subscriptionId, rg.name, endpoint.type, endpoint.target)
      groupId: endpoint.groupId
      dnsZoneId: network!.outputs.dnsZoneIds[endpoint.zone]
    }
  }
]

// Every setting the code reads, under the exact names it binds (tests/VoiceMemory.Infrastructure.Tests checks them
// against the options classes and their validators).
var appSettings = {
  AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
  AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
  AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.outputs.clientId
  VoiceMemoryTaskHub: taskHubName
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
  VoiceMemory__Identity__ManagedIdentityClientId: identity.outputs.clientId
  VoiceMemory__Storage__BlobServiceUri: storage.outputs.blobEndpoint
  VoiceMemory__Storage__TableServiceUri: storage.outputs.tableEndpoint
  VoiceMemory__Speech__Provider: 'Azure'
  VoiceMemory__Speech__Endpoint: speech.outputs.endpoint
  VoiceMemory__Speech__Region: speech.outputs.location
  VoiceMemory__Speech__ResourceId: speech.outputs.resourceId
  VoiceMemory__Llm__Endpoint: openAi.outputs.openAiV1Endpoint
  VoiceMemory__Llm__Model: chatDeploymentName
  VoiceMemory__Safety__Provider: 'Azure'
  VoiceMemory__Safety__Endpoint: contentSafety.outputs.endpoint
}

module api 'modules/host/function-app.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.resourceId
    deploymentContainerUrl: '${storage.outputs.blobEndpoint}${deploymentContainerName}'
    runtimeName: 'dotnet-isolated'
    runtimeVersion: '10.0'
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    appSettings: appSettings
    authClientId: authClientId
    virtualNetworkSubnetId: privateNetworking ? network!.outputs.appSubnetId : ''
  }
}

module alerts 'modules/monitoring/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    location: location
    tags: tags
    actionGroupName: '${abbrs.insightsActionGroups}${resourceToken}'
    alertEmail: alertEmail
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    storageAccountId: storage.outputs.resourceId
    turnFailureRatePercent: turnFailureRatePercent
    turnDurationP95Ms: turnDurationP95Ms
    fallbackRatePercent: fallbackRatePercent
    http5xxRatePercent: http5xxRatePercent
    backupMaxAgeHours: backupMaxAgeHours
  }
}

module workbook 'modules/monitoring/workbook.bicep' = {
  name: 'workbook'
  scope: rg
  params: {
    location: location
    tags: tags
    displayName: 'VoiceMemory operations (${environmentName})'
    applicationInsightsId: monitoring.outputs.applicationInsightsId
  }
}

@description('The resource group everything is in.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('The location of every resource.')
output AZURE_LOCATION string = location

@description('The tenant the app registration and the identity live in.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('The Function App azd deploys the api service to.')
output AZURE_FUNCTION_APP_NAME string = api.outputs.name

@description('The base URL of the HTTP API.')
output SERVICE_API_URI string = 'https://${api.outputs.defaultHostName}'

@description('The Application Insights component (alerts and the workbook read it).')
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName

@description('The storage account (audio, journal, backups, turns, facts).')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
