// The Key Vault holding the Data Protection key ring that seals the anonymity relay's reply routes.
// Access is by Azure RBAC only; soft delete and purge protection stop the key ring (and so every reply route) being lost.

@description('Name of the Key Vault (3-24 letters, digits and hyphens, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Principal id of the managed identity that keeps the key ring.')
param principalId string

@description('Name of the RSA key that wraps (encrypts) the Data Protection keys at rest.')
param keyName string = 'dataprotection'

param tags object = {}

// Built-in roles, scoped to this vault (or narrower), never to the resource group.
// "Key Vault Secrets Officer": the key ring's XML is kept as secrets, which the app lists, reads and adds.
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
// "Key Vault Crypto User", on the wrapping key alone: wrap and unwrap with it; the key itself never leaves the vault.
var keyVaultCryptoUser = '12338af0-0e69-4776-bea7-57ae8d297424'

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource wrappingKey 'Microsoft.KeyVault/vaults/keys@2026-05-15' = {
  parent: vault
  name: keyName
  properties: {
    kty: 'RSA'
    keySize: 3072
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
  }
}

resource secretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource cryptoUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(wrappingKey.id, principalId, keyVaultCryptoUser)
  scope: wrappingKey
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCryptoUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
output keyName string = wrappingKey.name
