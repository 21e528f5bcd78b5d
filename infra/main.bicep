// MassCampaign on Azure: the host as a Container App whose replicas form one Orleans cluster through Redis,
// PostgreSQL Flexible Server as the system of record, Azure Cache for Redis, and Key Vault for every secret, all on
// one VNet. Only the host's HTTP ingress is public (Vonage must reach its webhooks); the databases, Key Vault and the
// Orleans silo and gateway ports are reachable from the VNet alone. docs/deploy.md walks through a deployment.
targetScope = 'resourceGroup'

@description('Name prefix for every resource; also the Orleans cluster and service id.')
@minLength(3)
@maxLength(12)
param prefix string = 'masscampaign'

param location string = resourceGroup().location

@description('Container image of MassCampaign.Host, e.g. myregistry.azurecr.io/masscampaign-host:1.')
param image string

@description('Name of an Azure Container Registry in this resource group that holds the image; empty for a public image.')
param registryName string = ''

@description('Replicas that always run; two or more keep a campaign going when one is lost.')
@minValue(1)
param minReplicas int = 2

@minValue(1)
param maxReplicas int = 6

@description('HTTP requests in flight per replica above which another replica is added.')
param concurrentRequests int = 100

@description('CPU use (percent) per replica above which another replica is added.')
param cpuUtilization int = 70

param cpu string = '2.0'
param memory string = '4Gi'

@description('True keeps the environment off the internet (a private ingress): Vonage then needs a path in of your own.')
param internalOnly bool = false

param postgresSkuName string = 'Standard_D4ds_v5'
param postgresSkuTier string = 'GeneralPurpose'
param postgresStorageSizeGB int = 256
param postgresHighAvailability bool = true
param postgresAdminLogin string = 'masscampaign'

@secure()
param postgresAdminPassword string

@allowed(['Standard', 'Premium'])
param redisSkuName string = 'Standard'
param redisCapacity int = 1

@secure()
@description('The API key clients send as x-functions-key.')
param functionKey string

@secure()
param vonageApiKey string

@secure()
param vonageApiSecret string

@secure()
@description('Vonage signature secret: webhooks are checked against it.')
param vonageSignatureSecret string

@allowed(['md5hash', 'md5', 'sha1', 'sha256', 'sha512'])
param vonageSignatureMethod string = 'md5hash'

@description('Vonage Voice application id; empty leaves calls off.')
param vonageApplicationId string = ''

@secure()
@description('PEM of the Vonage Voice application\'s private key; needed with vonageApplicationId.')
param vonagePrivateKey string = ''

@description('Encrypt and mutually authenticate silo-to-silo traffic with TLS (Orleans:Tls:Enabled).')
param siloTlsEnabled bool = false

@secure()
@description('PEM of the silo certificate and its private key, shared by every replica; needed with siloTlsEnabled.')
param siloTlsPem string = ''

var suffix = uniqueString(resourceGroup().id)
var voice = !empty(vonageApplicationId)

module network 'modules/network.bicep' = {
  name: 'network'
  params: { prefix: prefix, location: location }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { name: '${prefix}-logs', location: location }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${prefix}-host-id'
  location: location
}

module vault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: take('${prefix}kv${suffix}', 24)
    location: location
    vnetId: network.outputs.vnetId
    endpointsSubnetId: network.outputs.endpointsSubnetId
    readerPrincipalId: identity.properties.principalId
    secrets: {
      'function-key': functionKey
      'vonage-api-key': vonageApiKey
      'vonage-api-secret': vonageApiSecret
      'vonage-signature-secret': vonageSignatureSecret
      'vonage-private-key': vonagePrivateKey
      'orleans-tls-pem': siloTlsPem
    }
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: '${prefix}-pg-${suffix}'
    location: location
    vnetId: network.outputs.vnetId
    subnetId: network.outputs.postgresSubnetId
    vaultName: vault.outputs.name
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    highAvailability: postgresHighAvailability
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
  }
}

module redis 'modules/redis.bicep' = {
  name: 'redis'
  params: {
    name: '${prefix}-redis-${suffix}'
    location: location
    vnetId: network.outputs.vnetId
    endpointsSubnetId: network.outputs.endpointsSubnetId
    vaultName: vault.outputs.name
    skuName: redisSkuName
    capacity: redisCapacity
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (!empty(registryName)) {
  name: registryName
}

// Built-in role "AcrPull": the host's identity pulls the image, so the registry needs no admin user.
resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(registryName)) {
  scope: registry
  name: guid(registry.id, identity.id, 'AcrPull')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

module apps 'modules/container-apps.bicep' = {
  name: 'container-apps'
  dependsOn: [postgres, redis, acrPull]
  params: {
    prefix: prefix
    location: location
    appsSubnetId: network.outputs.appsSubnetId
    logsName: monitoring.outputs.name
    identityId: identity.id
    vaultUri: vault.outputs.uri
    image: image
    registryServer: empty(registryName) ? '' : '${registryName}${environment().suffixes.acrLoginServer}'
    internalOnly: internalOnly
    cpu: cpu
    memory: memory
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    concurrentRequests: concurrentRequests
    cpuUtilization: cpuUtilization
    siloTls: siloTlsEnabled
    voice: voice
    vonageApplicationId: vonageApplicationId
    vonageSignatureMethod: vonageSignatureMethod
  }
}

@description('Where the API answers: append /api/... (health at /health/ready).')
output appUrl string = 'https://${apps.outputs.fqdn}'

@description('Give Vonage these webhook URLs (SMS delivery receipts and inbound).')
output webhookBaseUrl string = apps.outputs.publicBaseUrl
