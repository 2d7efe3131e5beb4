// Log Analytics and workspace-based Application Insights. The app logs no message text, names or user ids (see docs/privacy.md).

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Azure region.')
param location string

@description('How many days logs are kept.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

param tags object = {}

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Client IP addresses are masked before they are stored.
    DisableIpMasking: false
    RetentionInDays: retentionInDays
  }
}

output workspaceId string = workspace.id
// Not a secret: it only lets telemetry be sent in, never read out.
output appInsightsConnectionString string = appInsights.properties.ConnectionString
