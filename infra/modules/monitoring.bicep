// Log Analytics: the Container Apps environment sends every replica's console output and system events here.
param name string
param location string
param retentionInDays int = 30

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: name
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: retentionInDays }
}

output name string = logs.name
