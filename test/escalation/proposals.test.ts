import { createLogger } from '@firmly/config';
import { fixedClock } from '@firmly/core';
import { clearInvoiceHold, decideProposal, schema, setClientReminderPause } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import type { ProcessorDeps } from '@firmly/worker';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob, sandboxSettings, workerDeps } from '../support/mail-harness';

const t = useTestDatabase();
const log = createLogger('test', 'silent');
const at = (iso: string) => new Date(`${iso}Z`); // London, UTC in November

describe('the operator confirms what the mailbox proposed: disputes, promises and payments steer the payment ladder', () => {
  let queues: QueueBackend;
  let deps: ProcessorDeps;
  const clock = fixedClock(at('2026-11-04T10:00:00'));

  beforeAll(async () => {
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    deps = workerDeps({ db: t.db, queues, log, clock, settings: sandboxSettings({}) });
  });
  afterAll(async () => {
    await queues?.close();
  });

  async function setup(slug: string, kind: 'payment' | 'promise' | 'dispute', details: Record<string, unknown>) {
    const [ws] = await t.db.insert(schema.workspaces).values({ slug, name: 'Studio' }).returning();
    if (!ws) throw new Error('no workspace');
    const [operator] = await t.db
      .insert(schema.operators)
      .values({ workspaceId: ws.id, email: `o@${slug}.example`, name: 'Owner', role: 'owner' })
      .returning();
    const [client] = await t.db
      .insert(schema.clients)
      .values({ workspaceId: ws.id, name: 'Bakery', timezone: 'Europe/London' })
      .returning();
    const [mailbox] = await t.db
      .insert(schema.mailboxes)
      .values({ workspaceId: ws.id, provider: 'gmail', address: `studio@${slug}.example` })
      .returning();
    if (!operator || !client || !mailbox) throw new Error('setup');
    await t.db.insert(schema.clientContacts).values({ workspaceId: ws.id, clientId: client.id, address: 'owner@bakery.example' });
    const [thread] = await t.db
      .insert(schema.threads)
      .values({ workspaceId: ws.id, mailboxId: mailbox.id, providerThreadId: 'th', clientId: client.id })
      .returning();
    const [message] = await t.db
      .insert(schema.messages)
      .values({
        workspaceId: ws.id,
        mailboxId: mailbox.id,
        threadId: thread?.id ?? '',
        providerMessageId: 'p1',
        direction: 'inbound',
        fromAddress: 'owner@bakery.example',
        sentAt: at('2026-11-03T12:00:00'),
        visibleText: '…',
      })
      .returning();
    const [invoice] = await t.db
      .insert(schema.invoices)
      .values({
        workspaceId: ws.id,
        clientId: client.id,
        number: 'B-12',
        amountMinor: 40_000n,
        currency: 'GBP',
        issuedOn: '2026-10-19',
        dueOn: '2026-11-02',
        source: 'api',
      })
      .returning();
    const [proposal] = await t.db
      .insert(schema.mailProposals)
      .values({
        workspaceId: ws.id,
        clientId: client.id,
        messageId: message?.id ?? '',
        kind,
        ordinal: 0,
        rule: 'test',
        sentence: 'as written',
        details: { invoiceNumber: 'B-12', ...details },
      })
      .returning();
    if (!invoice || !proposal) throw new Error('setup');
    const ctx = () => ({ now: clock.now(), operatorId: operator.id });
    const reminders = async () =>
      (
        await t.db
          .select({ state: schema.outgoingEmails.state })
          .from(schema.outgoingEmails)
          .where(and(eq(schema.outgoingEmails.workspaceId, ws.id), eq(schema.outgoingEmails.kind, 'payment_reminder')))
      ).map((r) => r.state);
    const escalate = () => runJob(deps, 'escalate', 'client.escalate', { workspaceId: ws.id, clientId: client.id });
    return { workspaceId: ws.id, clientId: client.id, invoiceId: invoice.id, proposalId: proposal.id, ctx, reminders, escalate };
  }

  it('a confirmed dispute stops the reminders until the operator settles it', async () => {
    clock.set(at('2026-11-04T10:00:00'));
    const s = await setup('prop-dispute', 'dispute', {});
    expect(await decideProposal(t.db, s.workspaceId, s.proposalId, 'confirm', s.ctx())).toMatchObject({ ok: true, clientId: s.clientId });
    await s.escalate();
    expect(await s.reminders()).toEqual([]);
    // Deciding twice is refused: a proposal is applied once.
    expect(await decideProposal(t.db, s.workspaceId, s.proposalId, 'reject', s.ctx())).toMatchObject({ ok: false, problem: 'conflict' });
    await clearInvoiceHold(t.db, s.workspaceId, s.invoiceId, 'dispute', s.ctx());
    await s.escalate();
    expect(await s.reminders()).toEqual(['pending_review']);
  });

  it('a confirmed promise to pay waits until the day after the promised day', async () => {
    clock.set(at('2026-11-04T10:00:00'));
    const s = await setup('prop-promise', 'promise', { promisedDate: '2026-11-10' });
    await decideProposal(t.db, s.workspaceId, s.proposalId, 'confirm', s.ctx());
    await s.escalate();
    expect(await s.reminders()).toEqual([]);
    clock.set(at('2026-11-10T16:00:00'));
    await s.escalate();
    expect(await s.reminders()).toEqual([]);
    clock.set(at('2026-11-11T10:00:00'));
    await s.escalate();
    expect(await s.reminders()).toEqual(['pending_review']);
  });

  it('a confirmed payment is recorded once, from the proposal, and cancels the pending reminder', async () => {
    clock.set(at('2026-11-04T10:00:00'));
    const s = await setup('prop-paid', 'payment', {});
    await s.escalate();
    expect(await s.reminders()).toEqual(['pending_review']);
    expect(await decideProposal(t.db, s.workspaceId, s.proposalId, 'confirm', s.ctx(), { date: '2026-11-03' })).toMatchObject({ ok: true });
    const recorded = await t.db.select().from(schema.payments).where(eq(schema.payments.invoiceId, s.invoiceId));
    expect(recorded).toEqual([
      expect.objectContaining({ amountMinor: 40_000n, paidOn: '2026-11-03', reference: `proposal:${s.proposalId}`, source: 'mailbox' }),
    ]);
    await s.escalate();
    expect(await s.reminders()).toEqual(['cancelled']);
  });

  it('a confirmation missing what it needs changes nothing, and another workspace cannot decide', async () => {
    clock.set(at('2026-11-04T10:00:00'));
    const s = await setup('prop-bad', 'promise', { invoiceNumber: undefined });
    await t.db.update(schema.mailProposals).set({ details: {} }).where(eq(schema.mailProposals.id, s.proposalId));
    expect(await decideProposal(t.db, s.workspaceId, s.proposalId, 'confirm', s.ctx(), { invoiceId: s.invoiceId })).toMatchObject({
      ok: false,
      problem: 'invalid',
      field: 'date',
    });
    const other = await setup('prop-other', 'dispute', {});
    expect(await decideProposal(t.db, other.workspaceId, s.proposalId, 'confirm', other.ctx())).toMatchObject({
      ok: false,
      problem: 'not_found',
    });
    const [proposal] = await t.db.select().from(schema.mailProposals).where(eq(schema.mailProposals.id, s.proposalId));
    expect(proposal?.status).toBe('proposed');
    // The client-wide pause holds every reminder back too.
    await setClientReminderPause(t.db, other.workspaceId, other.clientId, true, other.ctx());
    await other.escalate();
    expect(await other.reminders()).toEqual([]);
  });
});
