import type { EncryptionKeys } from '@firmly/config';
import { type Clock, systemClock } from '@firmly/core';
import type { Database } from '@firmly/db';
import { createTokenClient, type MailSettings, oauthProviders } from '@firmly/mail';
import type { QueueBackend } from '@firmly/queue';
import type { MailboxConnectionDeps } from './mailbox-connection';

/** The api's public base URL: PUBLIC_URL, else where it listens. */
export function publicUrlOf(config: { PUBLIC_URL: string | undefined; HOST: string; PORT: number }): string {
  return config.PUBLIC_URL ?? `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${config.PORT}`;
}

export function mailboxDeps(options: {
  db: Database;
  queues: QueueBackend;
  config: MailSettings & { FIRMLY_ENCRYPTION_KEY: EncryptionKeys };
  publicUrl: string;
  clock?: Clock;
}): MailboxConnectionDeps {
  const clock = options.clock ?? systemClock;
  return {
    db: options.db,
    queues: options.queues,
    clock,
    keys: options.config.FIRMLY_ENCRYPTION_KEY,
    tokenClient: createTokenClient({ clock }),
    oauth: oauthProviders(options.config, options.publicUrl),
    gmailApiUrl: options.config.GMAIL_API_URL,
    graphApiUrl: options.config.GRAPH_API_URL,
  };
}
