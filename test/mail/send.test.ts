import { randomUUID } from 'node:crypto';
import { createLogger } from '@firmly/config';
import { type Database, schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { composeMime, parseRawMessage } from '@firmly/mail';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { createGmailSandbox, createGraphSandbox, type GmailSandbox, type GraphSandbox, readSandboxCertificate } from '@firmly/sandbox';
import { sampleFor } from '@firmly/templates';
import type { ProcessorDeps } from '@firmly/worker';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEmail, connectedMailbox, OAUTH_CLIENT, runJob, sandboxSettings, workerDeps } from '../support/mail-harness';

const t = useTestDatabase();
const log = createLogger('test', 'silent');
const tlsDir = process.env.FIRMLY_SANDBOX_TLS_DIR;
const GRAPH_SCOPE = 'offline_access User.Read Mail.ReadWrite Mail.Send';

interface SentView {
  threadKey: string;
  raw: Buffer;
}

interface ProviderUnderTest {
  name: 'gmail' | 'graph';
  available: boolean;
  start(): Promise<{ deps: ProcessorDeps; close(): Promise<void> }>;
  createUser(address: string): string;
  deliver(address: string, raw: Buffer): void;
  sent(address: string): SentView[];
  /** The provider's thread key of the client's first message. */
  threadOf(address: string, messageId: string): string;
}

let gmail: GmailSandbox;
let graph: GraphSandbox;
let queues: QueueBackend;

const providers: ProviderUnderTest[] = [
  {
    name: 'gmail',
    available: true,
    async start() {
      gmail = await createGmailSandbox({ quotaUnitsPerSecond: Number.POSITIVE_INFINITY, oauthClients: [OAUTH_CLIENT] });
      return { deps: workerDeps({ db: t.db, queues, log, settings: sandboxSettings({ gmail: gmail.url }) }), close: () => gmail.close() };
    },
    createUser: (address) => {
      gmail.admin.createUser(address);
      return gmail.admin.grant(address);
    },
    deliver: (address, raw) => void gmail.admin.deliver(address, raw, { labelIds: ['INBOX'] }),
    sent: (address) =>
      gmail.admin
        .messages(address)
        .filter((m) => m.labelIds.includes('SENT'))
        .map((m) => ({ threadKey: m.threadId, raw: m.raw })),
    threadOf: (address, messageId) => gmail.admin.messages(address).find((m) => m.messageId === messageId)?.threadId ?? '',
  },
  {
    name: 'graph',
    available: Boolean(tlsDir),
    async start() {
      graph = await createGraphSandbox({ tls: await readSandboxCertificate(tlsDir ?? '') });
      return { deps: workerDeps({ db: t.db, queues, log, settings: sandboxSettings({ graph: graph.url }) }), close: () => graph.close() };
    },
    createUser: (address) => {
      graph.admin.createUser(address);
      return graph.admin.grant(address, GRAPH_SCOPE);
    },
    deliver: (address, raw) => void graph.admin.deliver(address, raw),
    sent: (address) => graph.admin.messages(address, 'sentitems').map((m) => ({ threadKey: m.conversationId, raw: m.mime })),
    threadOf: (address, messageId) =>
      graph.admin.messages(address).find((m) => m.internetMessageId.replace(/^<|>$/g, '') === messageId)?.conversationId ?? '',
  },
];

async function approvedReply(
  db: Database,
  ids: { workspaceId: string; clientId: string; mailboxId: string },
  inReplyTo: string,
  values: Partial<typeof schema.outgoingEmails.$inferInsert> = {},
) {
  const [thread] = await db
    .select()
    .from(schema.threads)
    .where(and(eq(schema.threads.workspaceId, ids.workspaceId), eq(schema.threads.mailboxId, ids.mailboxId)));
  if (!thread) throw new Error('the client thread was not synced');
  const id = randomUUID();
  const [row] = await db
    .insert(schema.outgoingEmails)
    .values({
      id,
      workspaceId: ids.workspaceId,
      clientId: ids.clientId,
      mailboxId: ids.mailboxId,
      threadId: thread.id,
      kind: 'nudge',
      locale: 'en',
      state: 'approved',
      idempotencyKey: `nudge:${id}`,
      messageId: `${id}+nudge@firmly.example`,
      inReplyTo,
      references: [inReplyTo],
      to: [{ address: 'anna@northwind.example', name: 'Anna' }],
      subject: 'Re: Content calendar',
      html: '<p>Hi Anna, a gentle reminder: the December calendar is waiting for your approval.</p>',
      text: 'Hi Anna, a gentle reminder: the December calendar is waiting for your approval.',
      ...values,
    })
    .returning();
  if (!row) throw new Error('no outgoing email');
  return row;
}

beforeAll(async () => {
  queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
});
afterAll(async () => {
  await queues?.close();
});

for (const provider of providers) {
  describe.skipIf(!provider.available)(
    `sending through ${provider.name}${provider.available ? '' : ' (skipped: FIRMLY_SANDBOX_TLS_DIR not set)'}`,
    () => {
      let deps: ProcessorDeps;
      let close: () => Promise<void>;
      beforeAll(async () => {
        ({ deps, close } = await provider.start());
      });
      afterAll(async () => {
        await close?.();
      });

      async function setup(slug: string, values: Partial<typeof schema.outgoingEmails.$inferInsert> = {}) {
        const address = `${slug}@agency.example`;
        const refreshToken = provider.createUser(address);
        const original = await clientEmail({ from: 'anna@northwind.example', to: address, subject: 'Content calendar' });
        provider.deliver(address, original.raw);
        const connected = await connectedMailbox(t.db, {
          slug,
          provider: provider.name,
          address,
          refreshToken,
          scope: provider.name === 'graph' ? GRAPH_SCOPE : '',
        });
        await runJob(deps, 'sync', 'mailbox.sync', {
          workspaceId: connected.workspace.id,
          mailboxId: connected.mailbox.id,
          reason: 'manual',
        });
        const email = await approvedReply(
          t.db,
          { workspaceId: connected.workspace.id, clientId: connected.client.id, mailboxId: connected.mailbox.id },
          original.messageId,
          values,
        );
        const send = () => runJob(deps, 'send', 'email.send', { workspaceId: connected.workspace.id, outgoingEmailId: email.id });
        return { address, original, email, send, connected };
      }

      it('replies in the original thread with our Message-ID and the threading headers, once', async () => {
        const { address, original, email, send } = await setup(`${provider.name}-reply`);
        expect(await send()).toBe('sent');
        const sent = provider.sent(address);
        expect(sent).toHaveLength(1);
        expect(sent[0]?.threadKey).toBe(provider.threadOf(address, original.messageId));
        const parsed = await parseRawMessage(sent[0]?.raw ?? Buffer.alloc(0));
        expect(parsed.messageId).toBe(email.messageId);
        expect(parsed.inReplyTo).toBe(original.messageId);
        expect(parsed.references).toEqual([original.messageId]);
        const [row] = await t.db.select().from(schema.outgoingEmails).where(eq(schema.outgoingEmails.id, email.id));
        expect(row?.state).toBe('sent');
        expect(row?.providerAcceptedAt).toBeInstanceOf(Date);
        // A duplicate job (a retry, a second worker) sends nothing more.
        expect(await send()).toBe('already_sent');
        expect(provider.sent(address)).toHaveLength(1);
      });

      it('sends the closing report with its PDF, made from the reviewed draft, attached', async () => {
        const { address, send } = await setup(`${provider.name}-report`, {
          kind: 'closing_report',
          subject: 'Re: Content calendar',
          // Stored as the worker stores template data: JSON (amounts as numbers).
          templateData: JSON.parse(
            JSON.stringify(sampleFor('closing_report'), (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value)),
          ) as Record<string, unknown>,
        });
        expect(await send()).toBe('sent');
        const parsed = await parseRawMessage(provider.sent(address)[0]?.raw ?? Buffer.alloc(0));
        expect(parsed.attachments).toEqual([expect.objectContaining({ name: 'closing-report.pdf', contentType: 'application/pdf' })]);
        expect(parsed.attachments[0]?.size).toBeGreaterThan(5_000);
      });

      it('does not send again after a worker died between the provider accepting and the row being marked', async () => {
        const { address, email, send, connected } = await setup(`${provider.name}-crash`);
        // What the dead worker did: moved the row to `sending` and handed the provider the email.
        await t.db.update(schema.outgoingEmails).set({ state: 'sending' }).where(eq(schema.outgoingEmails.id, email.id));
        const client = await deps.mail.providerFor(connected.mailbox);
        const raw = await composeMime({
          from: { address },
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: email.messageId,
          ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
          references: email.references,
          date: new Date(),
        });
        await client.send({ raw, messageId: email.messageId });
        expect(provider.sent(address)).toHaveLength(1);
        // The retry finds our Message-ID in Sent and records it instead of sending.
        expect(await send()).toBe('found_in_sent');
        expect(provider.sent(address)).toHaveLength(1);
        const [row] = await t.db.select().from(schema.outgoingEmails).where(eq(schema.outgoingEmails.id, email.id));
        expect(row?.state).toBe('sent');
      });

      it('cancels, never sends, an approved email to a client who has become a former client', async () => {
        const { address, email, send, connected } = await setup(`${provider.name}-former`);
        await t.db.update(schema.clients).set({ status: 'former' }).where(eq(schema.clients.id, connected.client.id));
        expect(await send()).toBe('cancelled');
        expect(provider.sent(address)).toHaveLength(0);
        const [row] = await t.db.select().from(schema.outgoingEmails).where(eq(schema.outgoingEmails.id, email.id));
        expect(row).toMatchObject({ state: 'cancelled', stateReason: 'the client is a former client' });
      });

      it('never sends a draft nobody approved', async () => {
        const { address, email, send } = await setup(`${provider.name}-unapproved`);
        await t.db.delete(schema.outgoingEmails).where(eq(schema.outgoingEmails.id, email.id));
        await t.db.insert(schema.outgoingEmails).values({ ...email, state: 'pending_review' });
        expect(await send()).toBe('not_sendable');
        expect(provider.sent(address)).toHaveLength(0);
      });
    },
  );
}
