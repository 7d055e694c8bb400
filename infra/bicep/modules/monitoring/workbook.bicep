metadata name = 'Ops workbook'
metadata description = 'The VoiceMemory operations workbook (Azure Monitor workbook over Application Insights); its panels are in workbook.json beside this file.'

@description('Required. Location of the workbook.')
param location string

@description('Optional. Tags of the workbook.')
param tags object = {}

@description('Required. Display name of the workbook.')
param displayName string

@description('Required. Resource id of the Application Insights component the panels query.')
param applicationInsightsId string

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, 'voicememory-ops')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: applicationInsightsId
    version: 'Notebook/1.0'
    serializedData: loadTextContent('workbook.json')
  }
}

@description('The resource id of the workbook.')
output resourceId string = workbook.id
