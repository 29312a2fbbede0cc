import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '../schema/index';
import { useTestDatabase } from '../testing/vitest';
import { type IngestMessage, ingestMessages } from './ingest';
import { advanceSyncCursor } from './mailboxes';

const t = useTestDatabase();

async function setup(slug: string) {
  const [ws] = await t.db.insert(s.workspaces).values({ slug, name: slug }).returning();
  if (!ws) throw new Error('no workspace');
  const [client] = await t.db.insert(s.clients).values({ workspaceId: ws.id, name: 'Acme', timezone: 'Europe/London' }).returning();
  if (!client) throw new Error('no client');
  await t.db.insert(s.clientContacts).values({ workspaceId: ws.id, clientId: client.id, address: 'boss@acme.example' });
  await t.db.insert(s.clientDomains).values({ workspaceId: ws.id, clientId: client.id, domain: 'acme-group.example' });
  const [mailbox] = await t.db
    .insert(s.mailboxes)
    .values({ workspaceId: ws.id, provider: 'gmail', address: 'me@studio.example' })
    .returning();
  if (!mailbox) throw new Error('no mailbox');
  return { ws, client, mailbox };
}

function msg(id: string, thread: string, from: string, to: string, at: string): IngestMessage {
  return {
    providerMessageId: id,
    providerThreadId: thread,
    internetMessageId: `${id}@mail.example`,
    references: [],
    direction: from === 'me@studio.example' ? 'outbound' : 'inbound',
    from: { address: from },
    to: [{ address: to }],
    cc: [],
    subject: 'Content calendar',
    sentAt: new Date(at),
    visibleText: 'hello',
    isAutoReply: false,
    attachments: [],
    parseStatus: 'ok',
  };
}

describe('ingesting messages', () => {
  it('stores each message once, however often a page is replayed', async () => {
    const { mailbox } = await setup('ingest-once');
    const page = [
      msg('m1', 't1', 'me@studio.example', 'boss@acme.example', '2026-11-02T09:00:00Z'),
      msg('m2', 't1', 'boss@acme.example', 'me@studio.example', '2026-11-02T11:00:00Z'),
    ];
    const first = await t.db.transaction((tx) => ingestMessages(tx, mailbox, page));
    expect(first).toMatchObject({ inserted: 2, duplicates: 0 });
    const replays = await Promise.all([1, 2, 3].map(() => t.db.transaction((tx) => ingestMessages(tx, mailbox, page))));
    expect(replays.map((r) => r.inserted)).toEqual([0, 0, 0]);
    expect(replays[0]?.touchedThreadIds).toEqual([]);
    expect(await t.db.select().from(s.messages).where(eq(s.messages.mailboxId, mailbox.id))).toHaveLength(2);
  });

  it('stores every field as given, including arrays, JSON and exact times', async () => {
    const { mailbox } = await setup('ingest-fields');
    const message: IngestMessage = {
      ...msg('f1', 't-f', 'boss@acme.example', 'me@studio.example', '2026-11-02T09:15:30.123Z'),
      from: { address: 'boss@acme.example', name: 'Bóss, "the" Client' },
      cc: [{ address: 'x@acme.example' }],
      references: ['a@x', 'b@x'],
      inReplyTo: 'b@x',
      attachments: [{ name: 'számla.pdf', contentType: 'application/pdf', size: 1234 }],
      isAutoReply: true,
      autoReplyReason: 'Auto-Submitted: auto-replied',
      visibleText: 'Köszönöm! 🎉 \u202eRTL',
      sizeBytes: 4321,
    };
    await t.db.transaction((tx) => ingestMessages(tx, mailbox, [message]));
    const [row] = await t.db.select().from(s.messages).where(eq(s.messages.mailboxId, mailbox.id));
    expect(row).toMatchObject({
      providerMessageId: 'f1',
      fromName: 'Bóss, "the" Client',
      cc: [{ address: 'x@acme.example' }],
      to: [{ address: 'me@studio.example' }],
      references: ['a@x', 'b@x'],
      inReplyTo: 'b@x',
      attachments: [{ name: 'számla.pdf', contentType: 'application/pdf', size: 1234 }],
      isAutoReply: true,
      visibleText: 'Köszönöm! 🎉 \u202eRTL',
      sizeBytes: 4321,
      direction: 'inbound',
      parseStatus: 'ok',
    });
    expect(row?.sentAt.toISOString()).toBe('2026-11-02T09:15:30.123Z');
  });

  it('matches a thread to its client by contact address, or by domain', async () => {
    const { mailbox, client } = await setup('ingest-match');
    await t.db.transaction((tx) =>
      ingestMessages(tx, mailbox, [
        msg('a', 'by-contact', 'me@studio.example', 'BOSS@acme.example', '2026-11-02T09:00:00Z'),
        msg('b', 'by-domain', 'anna@acme-group.example', 'me@studio.example', '2026-11-02T09:00:00Z'),
        msg('c', 'nobody', 'newsletter@shop.example', 'me@studio.example', '2026-11-02T09:00:00Z'),
      ]),
    );
    const rows = await t.db.select().from(s.threads).where(eq(s.threads.mailboxId, mailbox.id));
    const byKey = Object.fromEntries(rows.map((r) => [r.providerThreadId, r.clientId]));
    expect(byKey).toEqual({ 'by-contact': client.id, 'by-domain': client.id, nobody: null });
  });

  it('never moves a Gmail cursor backwards', async () => {
    const { mailbox } = await setup('ingest-cursor');
    const at = new Date();
    expect(await advanceSyncCursor(t.db, mailbox.id, { provider: 'gmail', historyId: '1000' }, at)).toBe(true);
    expect(await advanceSyncCursor(t.db, mailbox.id, { provider: 'gmail', historyId: '999' }, at)).toBe(false);
    expect(await advanceSyncCursor(t.db, mailbox.id, { provider: 'gmail', historyId: '10000' }, at)).toBe(true);
    const [row] = await t.db.select().from(s.mailboxes).where(eq(s.mailboxes.id, mailbox.id));
    expect(row?.syncCursor).toEqual({ provider: 'gmail', historyId: '10000' });
  });
});
