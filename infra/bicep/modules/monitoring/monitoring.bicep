import { roleAssignmentType } from '../role-assignment-type.bicep'

metadata name = 'Log Analytics and Application Insights'
metadata description = 'A workspace-based Application Insights with local (instrumentation-key) auth disabled: telemetry is accepted only from principals holding Monitoring Metrics Publisher.'

@description('Required. Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Required. Name of the Application Insights component.')
param applicationInsightsName string

@description('Required. Location of both.')
param location string

@description('Optional. Tags of both.')
param tags object = {}

@description('Optional. Days the workspace keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Optional. Role assignments on the Application Insights component.')
param roleAssignments roleAssignmentType[] = []

var builtInRoleNames = {
  'Monitoring Metrics Publisher': '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      disableLocalAuth: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

resource componentRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in roleAssignments: {
    name: guid(applicationInsights.id, assignment.principalId, builtInRoleNames[assignment.roleDefinitionIdOrName])
    scope: applicationInsights
    properties: {
      principalId: assignment.principalId
      principalType: assignment.principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoleNames[assignment.roleDefinitionIdOrName])
    }
  }
]

@description('The resource id of the Application Insights component (the scope of the alert rules and the workbook).')
output applicationInsightsId string = applicationInsights.id

@description('The name of the Application Insights component.')
output applicationInsightsName string = applicationInsights.name

@description('The connection string of the component (an ingestion address and the instrumentation key, not a secret on its own with local auth disabled).')
output connectionString string = applicationInsights.properties.ConnectionString

@description('The resource id of the Log Analytics workspace.')
output logAnalyticsId string = workspace.id
