// MassCampaign on Azure: the host as a Container App (several replicas form one Orleans cluster through
// Redis), PostgreSQL Flexible Server as the system of record, Azure Cache for Redis, secrets in Key Vault.
targetScope = 'resourceGroup'

@description('Name prefix for every resource.')
param prefix string = 'masscampaign'

param location string = resourceGroup().location

@description('Container image of MassCampaign.Host.')
param image string

@minValue(1)
param replicas int = 2

@secure()
param postgresAdminPassword string

@secure()
param vonageApiKey string

@secure()
param vonageApiSecret string

@secure()
param vonageSignatureSecret string

@secure()
param functionKey string

var postgresAdmin = 'masscampaign'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${prefix}-logs'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: '${prefix}-pg'
  location: location
  sku: { name: 'Standard_D4ds_v5', tier: 'GeneralPurpose' }
  properties: {
    version: '15'
    administratorLogin: postgresAdmin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 256 }
    highAvailability: { mode: 'ZoneRedundant' }
    backup: { backupRetentionDays: 35, geoRedundantBackup: 'Enabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2023-12-01-preview' = {
  parent: postgres
  name: 'masscampaign'
}

resource redis 'Microsoft.Cache/redis@2024-03-01' = {
  name: '${prefix}-redis'
  location: location
  properties: {
    sku: { name: 'Standard', family: 'C', capacity: 1 }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${prefix}-kv'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${prefix}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

var postgresConnection = 'Host=${postgres.properties.fullyQualifiedDomainName};Database=masscampaign;Username=${postgresAdmin};Password=${postgresAdminPassword};SSL Mode=Require'
var redisConnection = '${redis.properties.hostName}:6380,password=${redis.listKeys().primaryKey},ssl=True,abortConnect=False'

resource host 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${prefix}-host'
  location: location
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      ingress: { external: true, targetPort: 7071, transport: 'http' }
      secrets: [
        { name: 'postgres', value: postgresConnection }
        { name: 'redis', value: redisConnection }
        { name: 'vonage-key', value: vonageApiKey }
        { name: 'vonage-secret', value: vonageApiSecret }
        { name: 'vonage-signature', value: vonageSignatureSecret }
        { name: 'function-key', value: functionKey }
      ]
    }
    template: {
      scale: { minReplicas: replicas, maxReplicas: replicas }
      containers: [
        {
          name: 'host'
          image: image
          resources: { cpu: json('2.0'), memory: '4Gi' }
          env: [
            { name: 'urls', value: 'http://0.0.0.0:7071' }
            { name: 'ConnectionStrings__Postgres', secretRef: 'postgres' }
            { name: 'ConnectionStrings__Redis', secretRef: 'redis' }
            { name: 'Orleans__Clustering__ProviderType', value: 'Redis' }
            { name: 'Vonage__ApiKey', secretRef: 'vonage-key' }
            { name: 'Vonage__ApiSecret', secretRef: 'vonage-secret' }
            { name: 'Vonage__SignatureSecret', secretRef: 'vonage-signature' }
            { name: 'Auth__Keys__0', secretRef: 'function-key' }
          ]
          probes: [
            { type: 'Liveness', httpGet: { path: '/health/live', port: 7071 } }
            { type: 'Readiness', httpGet: { path: '/health/ready', port: 7071 } }
          ]
        }
      ]
    }
  }
}

output hostUrl string = 'https://${host.properties.configuration.ingress.fqdn}'
