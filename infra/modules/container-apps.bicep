// The Container Apps environment on the VNet and the host app. Only the HTTP port is published through ingress;
// the Orleans silo and gateway ports are internal port mappings of the environment, and silos dial each other at
// their replica addresses on the private subnet.
param prefix string
param location string
param appsSubnetId string
param logsName string
param identityId string
param vaultUri string
param image string
param registryServer string
param internalOnly bool
param cpu string
param memory string
param minReplicas int
param maxReplicas int
param concurrentRequests int
param cpuUtilization int
param siloTls bool
param voice bool
param vonageApplicationId string
param vonageSignatureMethod string

// Fixed by Orleans' defaults and the host's configuration (Orleans:SiloPort, Orleans:GatewayPort).
var httpPort = 8080
var siloPort = 11111
var gatewayPort = 30000
var appName = '${prefix}-host'
var secretsMount = '/mnt/secrets'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logsName
}

resource environment 'Microsoft.App/managedEnvironments@2025-01-01' = {
  name: '${prefix}-env'
  location: location
  properties: {
    vnetConfiguration: {
      infrastructureSubnetId: appsSubnetId
      internal: internalOnly
    }
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }]
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

// Every secret is a Key Vault reference read with the host's identity: no secret value passes through the app.
var fileSecrets = concat(voice ? ['vonage-private-key'] : [], siloTls ? ['orleans-tls-pem'] : [])
var secretNames = concat(
  ['postgres-connection', 'redis-connection', 'function-key', 'vonage-api-key', 'vonage-api-secret', 'vonage-signature-secret'],
  fileSecrets
)

var publicBaseUrl = 'https://${appName}.${environment.properties.defaultDomain}'
var baseEnv = [
  { name: 'ASPNETCORE_URLS', value: 'http://+:${httpPort}' }
  { name: 'ConnectionStrings__Postgres', secretRef: 'postgres-connection' }
  { name: 'ConnectionStrings__Redis', secretRef: 'redis-connection' }
  { name: 'Auth__Keys__0', secretRef: 'function-key' }
  { name: 'Host__PublicBaseUrl', value: publicBaseUrl }
  { name: 'Vonage__ApiKey', secretRef: 'vonage-api-key' }
  { name: 'Vonage__ApiSecret', secretRef: 'vonage-api-secret' }
  { name: 'Vonage__SignatureSecret', secretRef: 'vonage-signature-secret' }
  { name: 'Vonage__SignatureMethod', value: vonageSignatureMethod }
  { name: 'Orleans__Clustering__ProviderType', value: 'Redis' }
  { name: 'Orleans__ClusterId', value: prefix }
  { name: 'Orleans__ServiceId', value: prefix }
  { name: 'Orleans__SiloPort', value: string(siloPort) }
  { name: 'Orleans__GatewayPort', value: string(gatewayPort) }
  { name: 'Orleans__Tls__Enabled', value: string(siloTls) }
]
var voiceEnv = voice
  ? [
      { name: 'Vonage__ApplicationId', value: vonageApplicationId }
      { name: 'Vonage__PrivateKeyPath', value: '${secretsMount}/vonage-private-key' }
    ]
  : []
var tlsEnv = siloTls ? [{ name: 'Orleans__Tls__CertificatePath', value: '${secretsMount}/orleans-tls-pem' }] : []

resource host 'Microsoft.App/containerApps@2025-01-01' = {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: httpPort
        transport: 'http'
        allowInsecure: false
        // Never external: reachable only from inside the environment, and the host listens on them for its peers.
        additionalPortMappings: [
          { external: false, targetPort: siloPort, exposedPort: siloPort }
          { external: false, targetPort: gatewayPort, exposedPort: gatewayPort }
        ]
      }
      registries: empty(registryServer) ? [] : [{ server: registryServer, identity: identityId }]
      secrets: map(secretNames, secret => { name: secret, keyVaultUrl: '${vaultUri}secrets/${secret}', identity: identityId })
    }
    template: {
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          { name: 'http-concurrency', http: { metadata: { concurrentRequests: string(concurrentRequests) } } }
          { name: 'cpu', custom: { type: 'cpu', metadata: { type: 'Utilization', value: string(cpuUtilization) } } }
        ]
      }
      volumes: empty(fileSecrets)
        ? []
        : [
            {
              name: 'secrets'
              storageType: 'Secret'
              secrets: map(fileSecrets, secret => { secretRef: secret, path: secret })
            }
          ]
      containers: [
        {
          name: 'host'
          image: image
          resources: { cpu: json(cpu), memory: memory }
          env: concat(baseEnv, voiceEnv, tlsEnv)
          volumeMounts: empty(fileSecrets) ? [] : [{ volumeName: 'secrets', mountPath: secretsMount }]
          probes: [
            // Migrations run before the host listens: the first start of a new schema may take a while.
            {
              type: 'Startup'
              httpGet: { path: '/health/live', port: httpPort }
              initialDelaySeconds: 10
              periodSeconds: 10
              failureThreshold: 10
            }
            { type: 'Liveness', httpGet: { path: '/health/live', port: httpPort }, periodSeconds: 10 }
            { type: 'Readiness', httpGet: { path: '/health/ready', port: httpPort }, periodSeconds: 10 }
          ]
        }
      ]
    }
  }
}

output fqdn string = host.properties.configuration.ingress.fqdn
output publicBaseUrl string = publicBaseUrl
