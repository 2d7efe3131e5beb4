// The Linux App Service plan and the .NET 10 web app that runs ConcernBot.

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; its host name is <name>.azurewebsites.net.')
param name string

@description('Azure region.')
param location string

@description('App Service plan SKU. B1 suits a small organisation; P0v3 or above for zone redundancy and more instances.')
param skuName string

@description('How many instances run side by side (App Service scale-out on one storage account).')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('Resource id of the user-assigned managed identity attached to the app.')
param identityId string

@description('App settings. Values are never secrets: only identifiers, endpoints and Key Vault references.')
param appSettings object

@description('Resource id of the Log Analytics workspace that receives the app\'s console and application logs.')
param workspaceId string

param tags object = {}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Teams may send a turn to any instance: no sticky sessions.
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        for setting in items(appSettings): {
          name: setting.key
          value: setting.value
        }
      ]
    }
  }
}

// Publishing with a user name and password is off: deploy with an Entra sign-in (az webapp deploy).
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Console (the app's own log, already free of message text, names and ids) and platform logs only:
// no HTTP access logs, so no client addresses are kept.
// The only GA version of this type (2016-09-01) predates App Service log categories; the preview is the documented one.
#disable-next-line use-recent-api-versions
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostName
