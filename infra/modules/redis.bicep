// Azure Cache for Redis: Orleans membership and reminders, the contact cache. TLS only, no public network access;
// reached through a private endpoint. Its connection string goes straight into Key Vault.
param name string
param location string
param vnetId string
param endpointsSubnetId string
param vaultName string
param skuName string
param capacity int

resource redis 'Microsoft.Cache/redis@2024-11-01' = {
  name: name
  location: location
  properties: {
    sku: { name: skuName, family: skuName == 'Premium' ? 'P' : 'C', capacity: capacity }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
  }
}

module zone 'private-dns-zone.bicep' = {
  name: 'zone-redis'
  params: { zoneName: 'privatelink.redis.cache.windows.net', vnetId: vnetId }
}

module endpoint 'private-endpoint.bicep' = {
  name: 'endpoint-redis'
  params: {
    name: '${name}-pe'
    location: location
    subnetId: endpointsSubnetId
    serviceId: redis.id
    groupId: 'redisCache'
    zoneId: zone.outputs.zoneId
  }
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: vaultName
}

resource connection 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'redis-connection'
  properties: {
    value: '${redis.properties.hostName}:${redis.properties.sslPort},password=${redis.listKeys().primaryKey},ssl=True,abortConnect=False'
  }
}

output hostName string = redis.properties.hostName
