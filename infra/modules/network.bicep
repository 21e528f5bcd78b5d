// The private network every part of MassCampaign talks over: the Container Apps environment's own subnet (its
// replicas reach one another's Orleans silo ports here and nowhere else), PostgreSQL's delegated subnet and a subnet
// for the private endpoints of Redis and Key Vault.
param prefix string
param location string
param addressSpace string = '10.40.0.0/16'

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${prefix}-vnet'
  location: location
  properties: {
    addressSpace: { addressPrefixes: [addressSpace] }
    subnets: [
      {
        // A workload-profiles environment needs the subnet delegated to it; /23 leaves room for many replicas.
        name: 'apps'
        properties: {
          addressPrefix: cidrSubnet(addressSpace, 23, 0)
          delegations: [{ name: 'apps', properties: { serviceName: 'Microsoft.App/environments' } }]
        }
      }
      {
        name: 'postgres'
        properties: {
          addressPrefix: cidrSubnet(addressSpace, 24, 2)
          delegations: [{ name: 'postgres', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }]
        }
      }
      {
        name: 'endpoints'
        properties: {
          addressPrefix: cidrSubnet(addressSpace, 24, 3)
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

output vnetId string = vnet.id
output appsSubnetId string = vnet.properties.subnets[0].id
output postgresSubnetId string = vnet.properties.subnets[1].id
output endpointsSubnetId string = vnet.properties.subnets[2].id
