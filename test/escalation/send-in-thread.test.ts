import { createLogger } from '@firmly/config';
import { fixedClock } from '@firmly/core';
import { approveEmail, schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend, scheduleSend } from '@firmly/queue';
import { createGmailSandbox, type GmailSandbox } from '@firmly/sandbox';
import type { ProcessorDeps } from '@firmly/worker';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEmail, connectedMailbox, OAUTH_CLIENT, runJob, sandboxSettings, workerDeps } from '../support/mail-harness';

const t = useTestDatabase();
const log = createLogger('test', 'silent');
const ANNA = 'anna@northwind.example';
// London is on UTC in November.
const at = (iso: string) => new Date(`${iso}Z`);

describe('ladder emails go out in the invoice’s thread, once approved, and never after the payment (Gmail sandbox)', () => {
  let sandbox: GmailSandbox;
  let queues: QueueBackend;
  let deps: ProcessorDeps;
  const clock = fixedClock(at('2026-11-04T10:00:00'));

  beforeAll(async () => {
    sandbox = await createGmailSandbox({ quotaUnitsPerSecond: Number.POSITIVE_INFINITY, oauthClients: [OAUTH_CLIENT] });
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    deps = workerDeps({ db: t.db, queues, log, clock, settings: sandboxSettings({ gmail: sandbox.url }) });
  });
  afterAll(async () => {
    await queues?.close();
    await sandbox?.close();
  });

  /** A mailbox whose Sent holds the invoice email, synced; the invoice recorded against that message. */
  async function invoiced(address: string, slug: string) {
    sandbox.admin.createUser(address);
    const sentInvoice = await clientEmail({
      from: address,
      to: ANNA,
      subject: 'Invoice A-7',
      body: 'Please find invoice A-7 attached.',
      date: at('2026-10-19T09:00:00'),
    });
    sandbox.admin.deliver(address, sentInvoice.raw, { labelIds: ['SENT'], internalDate: at('2026-10-19T09:00:00').getTime() });
    const { workspace, mailbox, client } = await connectedMailbox(t.db, {
      slug,
      provider: 'gmail',
      address,
      refreshToken: sandbox.admin.grant(address),
      scope: '',
    });
    const [operator] = await t.db
      .insert(schema.operators)
      .values({ workspaceId: workspace.id, email: `owner@${slug}.example`, name: 'Peter Nagy', role: 'owner' })
      .returning();
    await t.db.insert(schema.clientContacts).values({ workspaceId: workspace.id, clientId: client.id, address: ANNA, name: 'Anna' });
    await runJob(deps, 'sync', 'mailbox.sync', { workspaceId: workspace.id, mailboxId: mailbox.id, reason: 'manual' });
    const [message] = await t.db.select().from(schema.messages).where(eq(schema.messages.workspaceId, workspace.id));
    const [invoice] = await t.db
      .insert(schema.invoices)
      .values({
        workspaceId: workspace.id,
        clientId: client.id,
        number: 'A-7',
        amountMinor: 125_050n,
        currency: 'EUR',
        issuedOn: '2026-10-19',
        dueOn: '2026-11-02',
        source: 'mailbox',
        sourceMessageId: message?.id ?? null,
      })
      .returning();
    if (!operator || !invoice || !message) throw new Error('setup failed');
    return {
      workspaceId: workspace.id,
      clientId: client.id,
      operatorId: operator.id,
      invoiceId: invoice.id,
      invoiceMessage: sentInvoice.messageId,
      threadId: message.threadId,
    };
  }

  async function draftOf(workspaceId: string, kind: 'payment_reminder') {
    const [row] = await t.db
      .select()
      .from(schema.outgoingEmails)
      .where(and(eq(schema.outgoingEmails.workspaceId, workspaceId), eq(schema.outgoingEmails.kind, kind)));
    if (!row) throw new Error(`no ${kind} draft`);
    return row;
  }

  it('sends the approved reminder as a reply in the invoice thread, inside working hours, exactly once', async () => {
    const address = 'send-in-thread@agency.example';
    const s = await invoiced(address, 'ladder-send');
    await runJob(deps, 'escalate', 'client.escalate', { workspaceId: s.workspaceId, clientId: s.clientId });
    const draft = await draftOf(s.workspaceId, 'payment_reminder');
    expect(draft).toMatchObject({ threadId: s.threadId, inReplyTo: s.invoiceMessage, subject: 'Re: Invoice A-7', state: 'pending_review' });

    // Approved on Saturday night London time: it waits for Monday 09:00.
    const approved = await approveEmail(t.db, s.workspaceId, draft.id, { now: at('2026-11-07T22:00:00'), operatorId: s.operatorId });
    if (!approved.ok) throw new Error(approved.detail);
    expect(approved.send.sendAfter.toISOString()).toBe('2026-11-09T09:00:00.000Z');
    const job = await scheduleSend(queues, s.workspaceId, draft.id, approved.send.sendAfter, at('2026-11-07T22:00:00').getTime());
    expect(job.id).toBe(draft.id);

    clock.set(at('2026-11-09T09:00:00'));
    expect(await runJob(deps, 'send', 'email.send', { workspaceId: s.workspaceId, outgoingEmailId: draft.id })).toBe('sent');
    expect(await runJob(deps, 'send', 'email.send', { workspaceId: s.workspaceId, outgoingEmailId: draft.id })).toBe('already_sent');
    const inThread = sandbox.admin
      .messages(address)
      .filter((m) => m.threadId === sandbox.admin.messages(address).find((x) => x.messageId === s.invoiceMessage)?.threadId);
    expect(inThread.map((m) => m.messageId)).toEqual([s.invoiceMessage, draft.messageId]);
    expect(inThread[1]?.raw.toString('utf8')).toContain(`In-Reply-To: <${s.invoiceMessage}>`);
  });

  it('the late payer from due date to work resumed: every email approved, sent once, in the invoice thread', async () => {
    const address = 'whole-ladder@agency.example';
    const s = await invoiced(address, 'ladder-whole');
    const escalate = () => runJob(deps, 'escalate', 'client.escalate', { workspaceId: s.workspaceId, clientId: s.clientId });
    const approveAndSend = async (kind: 'payment_reminder' | 'work_paused' | 'work_resumed', when: string) => {
      const [draft] = await t.db
        .select()
        .from(schema.outgoingEmails)
        .where(and(eq(schema.outgoingEmails.workspaceId, s.workspaceId), eq(schema.outgoingEmails.kind, kind)));
      if (!draft) throw new Error(`no ${kind} draft`);
      clock.set(at(when));
      const approved = await approveEmail(t.db, s.workspaceId, draft.id, { now: clock.now(), operatorId: s.operatorId });
      if (!approved.ok) throw new Error(approved.detail);
      expect(await runJob(deps, 'send', 'email.send', { workspaceId: s.workspaceId, outgoingEmailId: draft.id })).toBe('sent');
      return draft;
    };
    const status = async () =>
      (await t.db.select({ status: schema.clients.status }).from(schema.clients).where(eq(schema.clients.id, s.clientId)))[0]?.status;

    clock.set(at('2026-11-04T10:00:00'));
    await escalate();
    const reminder = await approveAndSend('payment_reminder', '2026-11-04T10:30:00');
    clock.set(at('2026-11-09T11:00:00')); // three business days after the reminder went out
    await escalate();
    const paused = await approveAndSend('work_paused', '2026-11-09T11:30:00');
    await escalate(); // the send asked for it too; the notice being sent is what pauses the client
    expect(await status()).toBe('paused');
    await t.db.insert(schema.payments).values({
      workspaceId: s.workspaceId,
      invoiceId: s.invoiceId,
      amountMinor: 125_050n,
      currency: 'EUR',
      paidOn: '2026-11-10',
      reference: 'bank-whole',
      source: 'api',
    });
    clock.set(at('2026-11-10T12:00:00'));
    await escalate();
    expect(await status()).toBe('active');
    const resumed = await approveAndSend('work_resumed', '2026-11-10T12:30:00');

    const threadOfInvoice = sandbox.admin.messages(address).find((m) => m.messageId === s.invoiceMessage)?.threadId;
    const inThread = sandbox.admin.messages(address).filter((m) => m.threadId === threadOfInvoice);
    expect(inThread.map((m) => m.messageId)).toEqual([s.invoiceMessage, reminder.messageId, paused.messageId, resumed.messageId]);
    // Nothing more to say: evaluating again drafts nothing.
    await escalate();
    const all = await t.db
      .select({ kind: schema.outgoingEmails.kind, state: schema.outgoingEmails.state })
      .from(schema.outgoingEmails)
      .where(eq(schema.outgoingEmails.workspaceId, s.workspaceId));
    expect(all.map((e) => `${e.kind}:${e.state}`).sort()).toEqual(['payment_reminder:sent', 'work_paused:sent', 'work_resumed:sent']);
  });

  it('a payment recorded while the approved reminder waits cancels it before it goes out', async () => {
    const address = 'paid-meanwhile@agency.example';
    const s = await invoiced(address, 'ladder-paid');
    clock.set(at('2026-11-04T10:00:00'));
    await runJob(deps, 'escalate', 'client.escalate', { workspaceId: s.workspaceId, clientId: s.clientId });
    const draft = await draftOf(s.workspaceId, 'payment_reminder');
    const approved = await approveEmail(t.db, s.workspaceId, draft.id, { now: at('2026-11-04T10:05:00'), operatorId: s.operatorId });
    expect(approved.ok).toBe(true);
    await t.db.insert(schema.payments).values({
      workspaceId: s.workspaceId,
      invoiceId: s.invoiceId,
      amountMinor: 125_050n,
      currency: 'EUR',
      paidOn: '2026-11-04',
      reference: 'bank-a7',
      source: 'api',
    });
    clock.set(at('2026-11-04T10:10:00'));
    const sentBefore = sandbox.admin.messages(address).length;
    expect(await runJob(deps, 'send', 'email.send', { workspaceId: s.workspaceId, outgoingEmailId: draft.id })).toBe('cancelled');
    const after = await draftOf(s.workspaceId, 'payment_reminder');
    expect(after.state).toBe('cancelled');
    expect(after.stateReason).toMatch(/paid/);
    expect(sandbox.admin.messages(address)).toHaveLength(sentBefore);
  });
});
