import type { ApiChanges } from './changes';
import type { MailboxConnectionDeps } from './mailbox-connection';

/** What /v1 routes get: the database, the queues, the clock, where the API is reached, and what changed. */
export type ApiDeps = MailboxConnectionDeps & { publicUrl?: string; changes?: ApiChanges };
