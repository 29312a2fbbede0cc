import { createLogger } from '@firmly/config';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { createGraphSandbox, type GraphSandbox, readSandboxCertificate } from '@firmly/sandbox';
import type { ProcessorDeps } from '@firmly/worker';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEmail, connectedMailbox, runJob, sandboxSettings, workerDeps } from '../support/mail-harness';

const t = useTestDatabase();
const log = createLogger('test', 'silent');
const tlsDir = process.env.FIRMLY_SANDBOX_TLS_DIR;
const SCOPE = 'offline_access User.Read Mail.ReadWrite Mail.Send';

describe.skipIf(!tlsDir)(`Microsoft Graph sync through the sandbox${tlsDir ? '' : ' (skipped: FIRMLY_SANDBOX_TLS_DIR not set)'}`, () => {
  let sandbox: GraphSandbox;
  let queues: QueueBackend;
  let deps: ProcessorDeps;

  beforeAll(async () => {
    sandbox = await createGraphSandbox({ tls: await readSandboxCertificate(tlsDir ?? '') });
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    deps = workerDeps({ db: t.db, queues, log, settings: sandboxSettings({ graph: sandbox.url }) });
  });
  afterAll(async () => {
    await queues?.close();
    await sandbox?.close();
  });

  const sync = (workspaceId: string, mailboxId: string) =>
    runJob(deps, 'sync', 'mailbox.sync', { workspaceId, mailboxId, reason: 'manual' }) as Promise<{
      status: string;
      stored: number;
    }>;

  async function storedIds(mailboxId: string) {
    const rows = await t.db
      .select({ id: schema.messages.providerMessageId })
      .from(schema.messages)
      .where(eq(schema.messages.mailboxId, mailboxId));
    return rows.map((r) => r.id).sort();
  }
  const sandboxIds = (address: string) =>
    sandbox.admin
      .messages(address)
      .map((m) => m.id)
      .sort();

  it('back-fills Inbox and Sent Items through delta pages, then follows the delta link', async () => {
    const address = 'backfill@agency.example';
    sandbox.admin.createUser(address);
    for (let i = 0; i < 60; i++) {
      const inbound = i % 3 !== 0;
      const { raw } = await clientEmail({
        from: inbound ? 'anna@northwind.example' : address,
        to: inbound ? address : 'anna@northwind.example',
      });
      sandbox.admin.deliver(address, raw, { folder: inbound ? 'inbox' : 'sentitems' });
    }
    const { workspace, mailbox } = await connectedMailbox(t.db, {
      slug: 'graph-backfill',
      provider: 'graph',
      address,
      refreshToken: sandbox.admin.grant(address, SCOPE),
      scope: SCOPE,
    });
    const first = await sync(workspace.id, mailbox.id);
    expect(first.stored).toBe(60);
    expect(await storedIds(mailbox.id)).toEqual(sandboxIds(address));
    const directions = await t.db
      .select({ d: schema.messages.direction })
      .from(schema.messages)
      .where(eq(schema.messages.mailboxId, mailbox.id));
    expect(directions.filter((r) => r.d === 'outbound')).toHaveLength(20);
    sandbox.admin.deliver(address, (await clientEmail({ from: 'anna@northwind.example', to: address })).raw);
    expect((await sync(workspace.id, mailbox.id)).stored).toBe(1);
    expect((await sync(workspace.id, mailbox.id)).stored).toBe(0);
  });

  it('re-lists by receivedDateTime when the delta token has expired, losing nothing', async () => {
    const address = 'relist@agency.example';
    sandbox.admin.createUser(address);
    sandbox.admin.deliver(address, (await clientEmail({ from: 'anna@northwind.example', to: address })).raw);
    const { workspace, mailbox } = await connectedMailbox(t.db, {
      slug: 'graph-relist',
      provider: 'graph',
      address,
      refreshToken: sandbox.admin.grant(address, SCOPE),
      scope: SCOPE,
    });
    await sync(workspace.id, mailbox.id);
    for (let i = 0; i < 4; i++) sandbox.admin.deliver(address, (await clientEmail({ from: 'anna@northwind.example', to: address })).raw);
    sandbox.admin.expireDeltaTokens(address);
    expect((await sync(workspace.id, mailbox.id)).stored).toBe(4);
    expect(await storedIds(mailbox.id)).toEqual(sandboxIds(address));
  });

  it('gives needs_reauth when Microsoft asks for consent again', async () => {
    const address = 'consent@agency.example';
    sandbox.admin.createUser(address);
    const { workspace, mailbox } = await connectedMailbox(t.db, {
      slug: 'graph-consent',
      provider: 'graph',
      address,
      refreshToken: sandbox.admin.grant(address, SCOPE),
      scope: SCOPE,
    });
    sandbox.admin.requireConsent(address);
    await expect(sync(workspace.id, mailbox.id)).rejects.toThrow();
    const [row] = await t.db.select().from(schema.mailboxes).where(eq(schema.mailboxes.id, mailbox.id));
    expect(row?.status).toBe('needs_reauth');
    expect(row?.statusReason).toMatch(/AADSTS65001|consent/i);
  });
});
