export { type AppOptions, app, DEFAULT_HTTP_OPTIONS, type HttpOptions, httpOptionsFrom } from './app';
export * from './errors';
export type { MailboxConnectionDeps } from './mailbox-connection';
export { mailboxDeps, publicUrlOf } from './mailbox-deps';
export { readinessChecks } from './readiness';
export type { ReadinessCheck } from './routes/health';
export type { WebhookDeps } from './routes/webhooks';
export { buildServer, type RunningServer, startServer } from './server';
export { webhookDeps } from './webhook-deps';
