import { generateEncryptionKey, parseEncryptionKeys } from '@firmly/config';
import type { Clock } from '@firmly/core';
import { systemClock } from '@firmly/core';
import { type Database, schema } from '@firmly/db';
import { composeMime, type MailSettings, sealGrant } from '@firmly/mail';
import type { JobData, JobName, QueueBackend, QueueName } from '@firmly/queue';
import { defaultProcessors, type ProcessorDeps, processorDeps } from '@firmly/worker';
import type { Job } from 'bullmq';
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';

export const testKeys = parseEncryptionKeys(generateEncryptionKey('v1'));
export const OAUTH_CLIENT = {
  clientId: 'firmly-test-client',
  clientSecret: 'firmly-test-secret',
  redirectUris: ['http://127.0.0.1:3000/v1/oauth/callback/gmail', 'http://127.0.0.1:3000/v1/oauth/callback/graph'],
};

/** Mail settings pointing every provider URL at the sandboxes. */
export function sandboxSettings(
  urls: { gmail?: string; graph?: string; microsoftLogin?: string; publicUrl?: string },
  gmailUnitsPerSecond = 0,
): MailSettings {
  return {
    MAIL_BACKFILL_DAYS: 180,
    GMAIL_API_URL: urls.gmail ?? 'http://127.0.0.1:9',
    GMAIL_QUOTA_UNITS_PER_SECOND: gmailUnitsPerSecond,
    GOOGLE_OAUTH_URL: urls.gmail ?? 'http://127.0.0.1:9',
    GOOGLE_CLIENT_ID: OAUTH_CLIENT.clientId,
    GOOGLE_CLIENT_SECRET: OAUTH_CLIENT.clientSecret,
    GRAPH_API_URL: urls.graph ?? 'https://localhost:9',
    MICROSOFT_LOGIN_URL: urls.microsoftLogin ?? urls.graph ?? 'https://localhost:9',
    MICROSOFT_TENANT: 'common',
    MICROSOFT_CLIENT_ID: OAUTH_CLIENT.clientId,
    MICROSOFT_CLIENT_SECRET: OAUTH_CLIENT.clientSecret,
    PUBLIC_URL: urls.publicUrl ?? 'http://127.0.0.1:3000',
  };
}

export function workerDeps(options: {
  db: Database;
  queues: QueueBackend;
  log: Logger;
  settings: MailSettings;
  clock?: Clock;
  gmailTopic?: string;
}) {
  return processorDeps({
    config: { ...options.settings, FIRMLY_ENCRYPTION_KEY: testKeys, GMAIL_PUBSUB_TOPIC: options.gmailTopic },
    db: options.db,
    queues: options.queues,
    log: options.log,
    clock: options.clock ?? systemClock,
  });
}

/** A workspace with one client (contact + domain) and a connected mailbox holding a sealed grant. */
export async function connectedMailbox(
  db: Database,
  options: { slug: string; provider: 'gmail' | 'graph'; address: string; refreshToken: string; scope: string },
) {
  const [ws] = await db.insert(schema.workspaces).values({ slug: options.slug, name: options.slug }).returning();
  if (!ws) throw new Error('no workspace');
  const [client] = await db.insert(schema.clients).values({ workspaceId: ws.id, name: 'Northwind', timezone: 'Europe/London' }).returning();
  if (!client) throw new Error('no client');
  await db.insert(schema.clientDomains).values({ workspaceId: ws.id, clientId: client.id, domain: 'northwind.example' });
  const [mailbox] = await db
    .insert(schema.mailboxes)
    .values({ workspaceId: ws.id, provider: options.provider, address: options.address })
    .returning();
  if (!mailbox) throw new Error('no mailbox');
  const sealed = sealGrant(testKeys, { provider: options.provider, refreshToken: options.refreshToken, scope: options.scope }, mailbox.id);
  await db.update(schema.mailboxes).set({ encryptedGrant: sealed }).where(eq(schema.mailboxes.id, mailbox.id));
  return { workspace: ws, client, mailbox: { ...mailbox, encryptedGrant: sealed } };
}

let counter = 0;
/** A realistic client email as raw RFC 5322 bytes. */
export async function clientEmail(options: {
  from: string;
  to: string;
  subject?: string;
  body?: string;
  date?: Date;
  inReplyTo?: string;
  messageId?: string;
}) {
  counter += 1;
  const messageId = options.messageId ?? `m${counter}.${Date.now()}@northwind.example`;
  const raw = await composeMime({
    from: { address: options.from },
    to: [{ address: options.to }],
    subject: options.subject ?? `Content calendar week ${counter}`,
    text: options.body ?? `Hi, here is feedback number ${counter}. Could you send the next draft?`,
    html: `<p>${options.body ?? `Hi, here is feedback number ${counter}.`}</p>`,
    messageId,
    ...(options.inReplyTo ? { inReplyTo: options.inReplyTo, references: [options.inReplyTo] } : {}),
    date: options.date ?? new Date(),
  });
  return { raw, messageId };
}

/**
 * Runs one job's handler as the worker would (parsed payload, same processors),
 * without going through a queue: for tests that drive a step and then look at the
 * result. Tests of the queue itself enqueue for real.
 */
export function runJob<Q extends QueueName, N extends JobName<Q>>(
  deps: ProcessorDeps,
  queue: Q,
  name: N,
  data: JobData<Q, N>,
): Promise<unknown> {
  const processor = defaultProcessors(deps)[queue];
  if (!processor) throw new Error(`no processor for queue ${queue}`);
  // queueProcessor reads only the job's name and data.
  return processor({ name, data } as unknown as Job);
}
