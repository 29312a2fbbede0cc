import type { EncryptionKeys } from '@firmly/config';
import { type Clock, systemClock } from '@firmly/core';
import type { Database } from '@firmly/db';
import { createNormalisePool, type MailSettings, type NormalisePool, oauthProviders } from '@firmly/mail';
import type { QueueBackend } from '@firmly/queue';
import type { Logger } from 'pino';
import { createMailRuntime } from './mail/providers';
import type { ProcessorDeps } from './processors/index';

/** Everything the processors need, built once per process from the parsed configuration. */
export function processorDeps(options: {
  config: MailSettings & { FIRMLY_ENCRYPTION_KEY: EncryptionKeys; GMAIL_PUBSUB_TOPIC?: string | undefined; HOST?: string; PORT?: number };
  db: Database;
  queues: QueueBackend;
  log: Logger;
  clock?: Clock;
}): ProcessorDeps {
  const clock = options.clock ?? systemClock;
  const { config } = options;
  const publicUrl = config.PUBLIC_URL ?? `http://${config.HOST ?? '127.0.0.1'}:${config.PORT ?? 3000}`;
  return {
    db: options.db,
    log: options.log,
    clock,
    queues: options.queues,
    coordination: options.queues.coordination,
    backfillDays: config.MAIL_BACKFILL_DAYS,
    push: { publicUrl, gmailTopic: config.GMAIL_PUBSUB_TOPIC },
    parsing: lazyNormalisePool(),
    mail: createMailRuntime({
      db: options.db,
      coordination: options.queues.coordination,
      keys: config.FIRMLY_ENCRYPTION_KEY,
      clock,
      config: {
        gmailApiUrl: config.GMAIL_API_URL,
        graphApiUrl: config.GRAPH_API_URL,
        gmailUnitsPerSecond: config.GMAIL_QUOTA_UNITS_PER_SECOND,
        oauth: oauthProviders(config, publicUrl),
      },
    }),
  };
}

/** Threads start on first use, so a process (or test) that never syncs never starts them. */
function lazyNormalisePool(): NormalisePool {
  let pool: NormalisePool | undefined;
  return {
    normalise: (message, mailbox) => {
      pool ??= createNormalisePool();
      return pool.normalise(message, mailbox);
    },
    close: async () => {
      await pool?.close();
    },
  };
}
