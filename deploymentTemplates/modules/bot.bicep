// The Azure Bot resource: ConcernBot's registration with the Bot Framework, and its Microsoft Teams channel.

@description('Globally unique bot handle.')
param name string

@description('The name people see for the bot.')
param displayName string

@description('https://<host>/api/messages')
param messagingEndpoint string

@description('UserAssignedMSI: the bot signs in as the managed identity (no secret anywhere). SingleTenant: an Entra app registration in this tenant.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string

@description('The bot\'s app id: the managed identity\'s client id, or the app registration\'s application (client) id.')
param appId string

@description('Resource id of the managed identity (UserAssignedMSI only).')
param identityId string

@description('The Entra tenant the bot\'s identity lives in.')
param tenantId string

@description('F0 is free; Teams is a standard channel and costs nothing on either SKU.')
@allowed([
  'F0'
  'S1'
])
param skuName string = 'F0'

param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: appId
    msaAppType: appType
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
output appId string = bot.properties.msaAppId
