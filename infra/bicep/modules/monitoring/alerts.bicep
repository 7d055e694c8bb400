metadata name = 'Alert rules'
metadata description = 'One action group (e-mail) and the alert rules on what VoiceMemory emits (customMetrics from the VoiceMemory meter, requests from the Functions host), plus a platform metric alert on storage availability.'

@description('Required. Location of the scheduled query rules.')
param location string

@description('Optional. Tags of every rule.')
param tags object = {}

@description('Required. Name of the action group.')
param actionGroupName string

@description('Required. E-mail address the action group notifies.')
param alertEmail string

@description('Required. Resource id of the Application Insights component the queries run against.')
param applicationInsightsId string

@description('Required. Resource id of the storage account (platform availability metric).')
param storageAccountId string

@description('Optional. Failed turns, % of finished turns in 15 minutes.')
param turnFailureRatePercent int = 10

@description('Optional. 95th percentile of turn duration (ms) over 30 minutes.')
param turnDurationP95Ms int = 15000

@description('Optional. Fallback replies, % of completed turns in 15 minutes.')
param fallbackRatePercent int = 25

@description('Optional. 5xx responses, % of requests in 15 minutes.')
param http5xxRatePercent int = 5

@description('Optional. Hours since the last successful backup.')
param backupMaxAgeHours int = 26

// Metric counters arrive in customMetrics as one row per export interval and tag set (valueSum = the delta), so
// counts add valueSum. Requests are sampled, so counts add itemCount. Each query returns one numeric column that
// the rule compares with its threshold; "at least N" guards keep a single failure at 3 a.m. from paging anyone.
var rules = [
  {
    name: 'turn-failure-rate'
    displayName: 'VoiceMemory: turn failure rate'
    severity: 1
    description: 'More than ${turnFailureRatePercent}% of finished turns failed in 15 minutes (voicememory.turns, outcome=failed). First check the workbook\'s "Failure codes" panel: provider_* codes point at Speech or OpenAI (see the provider health panel), storage_* at the storage account, step_failed at the Functions host logs (traces, severity >= 2). Then check recent deployments.'
    query: 'customMetrics\n| where name == "voicememory.turns"\n| extend outcome = tostring(customDimensions.outcome)\n| summarize failed = sumif(valueSum, outcome == "failed"), finished = sum(valueSum)\n| where finished >= 5\n| project failureRatePercent = 100.0 * failed / finished'
    measure: 'failureRatePercent'
    threshold: turnFailureRatePercent
    operator: 'GreaterThan'
    frequency: 'PT5M'
    window: 'PT15M'
    dimensions: []
  }
  {
    name: 'turn-duration-p95'
    displayName: 'VoiceMemory: slow spoken turns (P95 duration)'
    severity: 3
    description: 'The 95th percentile of spoken-turn duration (voicememory.turn.duration, input=audio, acceptance to completion) exceeded ${turnDurationP95Ms} ms over 30 minutes. First check the workbook\'s "Stage duration" panel for the slow stage: transcribe/speak = Speech, reply = OpenAI (throttling shows as fallback replies too), remember/recall = storage. Then check the Function App\'s instance count against maximumInstanceCount, and Durable queue backlog.'
    query: 'customMetrics\n| where name == "voicememory.turn.duration"\n| where tostring(customDimensions.input) == "audio" and valueCount > 0\n| summarize turns = sum(valueCount), p95Ms = percentilew(valueSum / valueCount, toint(valueCount), 95)\n| where turns >= 5\n| project p95Ms'
    measure: 'p95Ms'
    threshold: turnDurationP95Ms
    operator: 'GreaterThan'
    frequency: 'PT5M'
    window: 'PT30M'
    dimensions: []
  }
  {
    name: 'fallback-reply-rate'
    displayName: 'VoiceMemory: LLM down or throttled (fallback replies)'
    severity: 2
    description: 'More than ${fallbackRatePercent}% of completed turns were answered by the fallback responder in 15 minutes (voicememory.replies.fallback): Azure OpenAI is down, throttled or refusing. First check the workbook\'s "Fallback reasons" panel: throttled = raise the deployment capacity or lower maximumInstanceCount; unauthorized = the identity lost Cognitive Services OpenAI User; timeout/unavailable/circuit_open = Azure OpenAI service health. Users still get honest memory-aware replies meanwhile.'
    query: 'customMetrics\n| where name in ("voicememory.replies.fallback", "voicememory.turns")\n| summarize fallback = sumif(valueSum, name == "voicememory.replies.fallback"), completed = sumif(valueSum, name == "voicememory.turns" and tostring(customDimensions.outcome) == "completed")\n| where completed >= 5\n| project fallbackRatePercent = 100.0 * fallback / completed'
    measure: 'fallbackRatePercent'
    threshold: fallbackRatePercent
    operator: 'GreaterThan'
    frequency: 'PT5M'
    window: 'PT15M'
    dimensions: []
  }
  {
    name: 'critical-dependency-unhealthy'
    displayName: 'VoiceMemory: critical dependency unhealthy (speech, storage)'
    severity: 1
    description: 'The health probe reported a critical dependency (critical=true: speech-stt, speech-tts, storage, tables) unhealthy for most of 15 minutes (voicememory.health.status = 0; the dependency is in the alert\'s dimensions). Turns cannot be transcribed, spoken or stored. First check /api/health (anonymous) for the failing check\'s detail; then check the resource\'s service health and that the identity still holds its role (Cognitive Services User on Speech; Storage Blob/Queue/Table roles on storage); in the private-network variant, check the private endpoint and DNS.'
    query: 'customMetrics\n| where name == "voicememory.health.status"\n| where tostring(customDimensions.critical) == "true"\n| extend dependency = tostring(customDimensions.dependency)\n| summarize healthyShare = avg(value) by dependency'
    measure: 'healthyShare'
    threshold: json('0.5')
    operator: 'LessThan'
    frequency: 'PT5M'
    window: 'PT15M'
    dimensions: ['dependency']
  }
  {
    name: 'content-safety-unhealthy'
    displayName: 'VoiceMemory: Content Safety down (safety net degraded)'
    severity: 1
    description: 'The health probe reported content-safety unhealthy for most of 15 minutes (voicememory.health.status, dependency=content-safety). Turns still complete and the built-in crisis lexicon still screens every transcript and reply, but Azure AI Content Safety is not: abuse and subtle self-harm may go unflagged. First check /api/health for the check\'s detail; then check Content Safety service health and that the identity holds Cognitive Services User on the Content Safety account; then check its throttling (429s in dependencies).'
    query: 'customMetrics\n| where name == "voicememory.health.status"\n| extend dependency = tostring(customDimensions.dependency)\n| where dependency == "content-safety"\n| summarize healthyShare = avg(value)'
    measure: 'healthyShare'
    threshold: json('0.5')
    operator: 'LessThan'
    frequency: 'PT5M'
    window: 'PT15M'
    dimensions: []
  }
  {
    name: 'backup-stale'
    displayName: 'VoiceMemory: no successful backup for ${backupMaxAgeHours} hours'
    severity: 2
    description: 'The newest successful backup any instance reported (voicememory.backup.last_success) is older than ${backupMaxAgeHours} hours, or none was reported in two days. First check the workbook\'s "Backup and retention" panel for failed runs (voicememory.backup.runs, outcome=failure) and the backup timer\'s logs (traces, category containing Backup); then check the backups container is writable by the identity (Storage Blob Data Owner) and has space; then run a backup by hand (docs/operations.md).'
    query: 'customMetrics\n| where name == "voicememory.backup.last_success"\n| where value > 0\n| summarize lastSuccess = max(value)\n| extend ageHours = iff(isnull(lastSuccess), 9999.0, (datetime_diff("second", now(), unixtime_seconds_todatetime(tolong(lastSuccess)))) / 3600.0)\n| project ageHours'
    measure: 'ageHours'
    threshold: backupMaxAgeHours
    operator: 'GreaterThan'
    frequency: 'PT1H'
    window: 'P2D'
    dimensions: []
  }
  {
    name: 'turns-stuck-queued'
    displayName: 'VoiceMemory: turns stuck queued (re-scheduled)'
    severity: 2
    description: 'The queued-turn sweeper found accepted turns without a running orchestration and scheduled them again (voicememory.turns.rescheduled) in the last 15 minutes. A few after a crash or deployment are expected and harmless; a steady stream means orchestrations are not starting. First check Durable Functions: the task hub\'s control queues (storage queues named after VoiceMemoryTaskHub) for a backlog and the host logs for orchestration start failures; then the storage account\'s health; then the instance count.'
    query: 'customMetrics\n| where name == "voicememory.turns.rescheduled"\n| summarize rescheduled = sum(valueSum)'
    measure: 'rescheduled'
    threshold: 0
    operator: 'GreaterThan'
    frequency: 'PT5M'
    window: 'PT15M'
    dimensions: []
  }
  {
    name: 'http-5xx-rate'
    displayName: 'VoiceMemory: 5xx responses'
    severity: 2
    description: 'More than ${http5xxRatePercent}% of HTTP requests answered 5xx in 15 minutes. First check which route and code (requests, resultCode >= 500, grouped by name); 507 storage_full / 503 storage_unavailable point at the storage account, 500 at an exception (exceptions table by problemId). Then check the last deployment and the Function App\'s platform health.'
    query: 'requests\n| summarize total = sum(itemCount), failed = sumif(itemCount, toint(resultCode) >= 500)\n| where total >= 20\n| project http5xxRatePercent = 100.0 * failed / total'
    measure: 'http5xxRatePercent'
    threshold: http5xxRatePercent
    operator: 'GreaterThan'
    frequency: 'PT5M'
    window: 'PT15M'
    dimensions: []
  }
]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'voicememory'
    enabled: true
    emailReceivers: [
      {
        name: 'on-call'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

resource queryRules 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for rule in rules: {
    name: 'voicememory-${rule.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [applicationInsightsId]
      evaluationFrequency: rule.frequency
      windowSize: rule.window
      autoMitigate: true
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Maximum'
            metricMeasureColumn: rule.measure
            operator: rule.operator
            threshold: rule.threshold
            dimensions: [
              for dimension in rule.dimensions: {
                name: dimension
                operator: 'Include'
                values: ['*']
              }
            ]
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: [actionGroup.id]
      }
    }
  }
]

// Platform side of the most critical dependency: the storage service's own availability, independent of the app.
resource storageAvailability 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: 'voicememory-storage-availability'
  location: 'global'
  tags: tags
  properties: {
    description: 'The storage account\'s availability (platform metric) fell below 99% over 15 minutes: turns, audio, Durable Functions and backups all depend on it. First check Azure service health for Storage in the region; then the account\'s Insights blade for throttling (ServerBusy) or network errors; then the private endpoints in the private-network variant.'
    severity: 1
    enabled: true
    scopes: [storageAccountId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'availability'
          metricNamespace: 'Microsoft.Storage/storageAccounts'
          metricName: 'Availability'
          operator: 'LessThan'
          threshold: 99
          timeAggregation: 'Average'
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

@description('The resource id of the action group.')
output actionGroupId string = actionGroup.id

@description('The names of the scheduled query rules.')
output ruleNames string[] = [for rule in rules: 'voicememory-${rule.name}']
