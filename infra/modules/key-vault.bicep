// Key Vault holding every secret the host reads (Vonage's keys, the API key, connection strings, the silo
// certificate). RBAC only, no public network access: the host's identity reads secrets through the private endpoint,
// and deployments write them through Azure Resource Manager.
param name string
param location string
param vnetId string
param endpointsSubnetId string

@description('Principal that reads the secrets: the host\'s user-assigned identity.')
param readerPrincipalId string

@secure()
@description('Secrets to store, by name; an empty value stores nothing (an optional secret left out).')
param secrets object

// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var secretsUserRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
    publicNetworkAccess: 'Disabled'
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' }
  }
}

resource stored 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [
  for secret in items(secrets): if (!empty(secret.value)) {
    parent: vault
    name: secret.key
    properties: { value: secret.value }
  }
]

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  properties: {
    roleDefinitionId: secretsUserRoleId
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

module zone 'private-dns-zone.bicep' = {
  name: 'zone-vault'
  params: { zoneName: 'privatelink.vaultcore.azure.net', vnetId: vnetId }
}

module endpoint 'private-endpoint.bicep' = {
  name: 'endpoint-vault'
  params: {
    name: '${name}-pe'
    location: location
    subnetId: endpointsSubnetId
    serviceId: vault.id
    groupId: 'vault'
    zoneId: zone.outputs.zoneId
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
