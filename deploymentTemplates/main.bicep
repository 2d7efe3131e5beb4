// ConcernBot on Azure: everything one organisation needs, in one resource group.
// Build the ARM template beside it with: bicep build main.bicep --outfile azuredeploy.json
targetScope = 'resourceGroup'

@description('Short name the resource names start with (3-12 lowercase letters, digits or hyphens).')
@minLength(3)
@maxLength(12)
param baseName string = 'concernbot'

@description('Azure region for everything but the bot registration, which is global.')
param location string = resourceGroup().location

@description('The name people see for the bot in Teams.')
param botDisplayName string = 'ConcernBot'

@description('UserAssignedMSI (recommended): the bot signs in as a managed identity, with no secret anywhere. SingleTenant: an Entra app registration you create first (see docs/deploy.md).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s application (client) id.')
param appRegistrationClientId string = ''

@description('SingleTenant only: the name of the Key Vault secret you put the app registration\'s client secret in.')
param appRegistrationSecretName string = 'MicrosoftAppPassword'

@description('App Service plan SKU (Linux).')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('How many instances of the app run side by side. Several instances share one storage account safely.')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('Storage replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Prefixed to every table name (letters and digits), so several deployments can share an account.')
param tablePrefix string = 'ConcernBot'

@description('The tables the app uses, without the prefix (src/ConcernBot/Storage/AzureTables; the app also creates any that are missing).')
param tableNames array = [
  'Concerns'
  'Conversations'
  'Index'
  'Outbox'
  'Teams'
  'Settings'
  'ReplyRoutes'
]

@description('Days logs and telemetry are kept.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('More app settings, e.g. the designated leads by Entra object id. Identifiers only: never put a secret here.')
param additionalAppSettings object = {}

@description('Tags for every resource.')
param tags object = {
  application: 'ConcernBot'
}

var suffix = uniqueString(resourceGroup().id, baseName)
var compactBase = toLower(replace(baseName, '-', ''))
var usesManagedIdentityForBot = appType == 'UserAssignedMSI'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${baseName}-${suffix}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-${baseName}-${suffix}'
    appInsightsName: 'appi-${baseName}-${suffix}'
    location: location
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${compactBase}${suffix}', 24)
    location: location
    skuName: storageSku
    tableNames: [for table in tableNames: '${tablePrefix}${table}']
    principalId: identity.outputs.principalId
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    name: take('kv-${compactBase}-${suffix}', 24)
    location: location
    principalId: identity.outputs.principalId
    tags: tags
  }
}

var botAppId = usesManagedIdentityForBot ? identity.outputs.clientId : appRegistrationClientId

var productSettings = {
  MicrosoftAppType: appType
  MicrosoftAppId: botAppId
  MicrosoftAppTenantId: tenant().tenantId
  // Azure.Identity's DefaultAzureCredential picks the user-assigned identity by this client id.
  AZURE_CLIENT_ID: identity.outputs.clientId
  Storage__Provider: 'AzureTables'
  Storage__AzureTables__AccountUrl: storage.outputs.tableEndpoint
  Storage__AzureTables__ManagedIdentityClientId: identity.outputs.clientId
  Storage__AzureTables__TablePrefix: tablePrefix
  Storage__Evidence__Provider: 'AzureBlobs'
  Storage__Evidence__AccountUrl: storage.outputs.blobEndpoint
  Storage__Evidence__ManagedIdentityClientId: identity.outputs.clientId
  Storage__Evidence__Container: storage.outputs.evidenceContainerName
  DataProtection__KeyVaultUri: keyVault.outputs.uri
  DataProtection__KeyName: keyVault.outputs.keyName
  // Until the key ring lives in Key Vault, keep it on /home: it survives deployments and every instance shares it.
  DataProtection__KeyFolder: '/home/data/keys'
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
  ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'true'
  // The web page's concerns belong to this tenant, so the leads see them beside the ones raised in Teams.
  DirectLine__OrganisationId: tenant().tenantId
}

// SingleTenant: App Service resolves this Key Vault reference with the managed identity; the secret stays in the vault.
var appRegistrationSettings = usesManagedIdentityForBot
  ? {}
  : {
      MicrosoftAppPassword: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${appRegistrationSecretName})'
    }

module webApp 'modules/webapp.bicep' = {
  name: 'webApp'
  params: {
    planName: 'asp-${baseName}-${suffix}'
    name: '${baseName}-${suffix}'
    location: location
    skuName: appServicePlanSku
    instanceCount: instanceCount
    identityId: identity.outputs.id
    appSettings: union(additionalAppSettings, productSettings, appRegistrationSettings)
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

var messagingEndpoint = 'https://${webApp.outputs.hostName}/api/messages'

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${baseName}-bot-${suffix}'
    displayName: botDisplayName
    messagingEndpoint: messagingEndpoint
    appType: appType
    appId: botAppId
    identityId: identity.outputs.id
    tenantId: tenant().tenantId
    tags: tags
  }
}

@description('Where Teams sends messages; already set on the bot.')
output messagingEndpoint string = messagingEndpoint

@description('The web app to deploy the code to (az webapp deploy --name ...).')
output webAppName string = webApp.outputs.name

@description('The domain for the Teams app package (scripts/package-app.sh --domain ...).')
output webAppHostName string = webApp.outputs.hostName

@description('The bot\'s app id for the Teams app package (scripts/package-app.sh --app-id ...).')
output botAppId string = bot.outputs.appId

output botName string = bot.outputs.name
output keyVaultName string = keyVault.outputs.name
output storageAccountName string = storage.outputs.name
output managedIdentityClientId string = identity.outputs.clientId
