import type { MailboxConnectionDeps } from './mailbox-connection';

/** What /v1 routes get: the database, the queues, the clock, and where the API is reached. */
export type ApiDeps = MailboxConnectionDeps & { publicUrl?: string };
