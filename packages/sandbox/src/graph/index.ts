/** The Microsoft Graph sandbox: an HTTPS double of Graph mail + the identity platform, for firmly's tests and demo. */
export type { DeliverOptions, GraphSandboxAdmin, SandboxMessageView } from './admin';
export { DEFAULT_SCOPE } from './admin';
export type { DelaySpec, FaultSpec } from './faults';
export type { NotificationRecord } from './notifier';
export { httpNotificationTarget } from './notifier';
export type {
  GraphSandboxOptions,
  NotificationResponse,
  NotificationTarget,
  OutgoingNotification,
  SandboxClock,
  ThrottleOptions,
} from './options';
export { createGraphSandbox, type GraphSandbox } from './server';
export type { MailboxStats } from './state';
