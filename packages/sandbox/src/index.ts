export * from './gmail/index';
// Graph names that would collide with Gmail's are re-exported under Graph-prefixed names.
export {
  createGraphSandbox,
  DEFAULT_SCOPE as GRAPH_DEFAULT_SCOPE,
  type DelaySpec as GraphDelaySpec,
  type DeliverOptions as GraphDeliverOptions,
  type FaultSpec as GraphFaultSpec,
  type GraphSandbox,
  type GraphSandboxAdmin,
  type GraphSandboxOptions,
  httpNotificationTarget,
  type MailboxStats as GraphMailboxStats,
  type NotificationRecord,
  type SandboxMessageView,
} from './graph/index';
export { createSandboxCertificate, ensureSandboxCertificateFile, readSandboxCertificate } from './tls/certificate';
