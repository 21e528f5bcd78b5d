// PostgreSQL Flexible Server 15, the system of record, reachable only inside the VNet (delegated subnet and a private
// DNS zone; no public network access). Its connection string goes straight into Key Vault.
param name string
param location string
param vnetId string
param subnetId string
param vaultName string
param skuName string
param skuTier string
param storageSizeGB int
param highAvailability bool
param adminLogin string

@secure()
param adminPassword string

var databaseName = 'masscampaign'

module zone 'private-dns-zone.bicep' = {
  name: 'zone-postgres'
  params: { zoneName: '${name}.private.postgres.database.azure.com', vnetId: vnetId }
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  sku: { name: skuName, tier: skuTier }
  properties: {
    version: '15'
    administratorLogin: adminLogin
    administratorLoginPassword: adminPassword
    storage: { storageSizeGB: storageSizeGB, autoGrow: 'Enabled' }
    highAvailability: { mode: highAvailability ? 'ZoneRedundant' : 'Disabled' }
    backup: { backupRetentionDays: 35, geoRedundantBackup: 'Disabled' }
    network: {
      delegatedSubnetResourceId: subnetId
      privateDnsZoneArmResourceId: zone.outputs.zoneId
      publicNetworkAccess: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: vaultName
}

// VerifyFull: the server's certificate chains to a public root the container image trusts, and names the server.
resource connection 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'postgres-connection'
  properties: {
    value: 'Host=${server.properties.fullyQualifiedDomainName};Database=${database.name};Username=${adminLogin};Password=${adminPassword};SSL Mode=VerifyFull;Maximum Pool Size=100'
  }
}

output serverName string = server.name
