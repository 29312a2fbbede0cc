import { createLogger } from '@firmly/config';
import { fixedClock } from '@firmly/core';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import type { ProcessorDeps } from '@firmly/worker';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ladderClient } from '../support/ladder-client';
import { runJob, sandboxSettings, workerDeps } from '../support/mail-harness';

const t = useTestDatabase();
const log = createLogger('test', 'silent');

// Budapest is UTC+1 in November.
const local = (iso: string) => new Date(`${iso}+01:00`);

describe('the late-payment ladder, run by the worker on PostgreSQL (PRODUCT §4.2)', () => {
  let queues: QueueBackend;
  let deps: ProcessorDeps;
  const clock = fixedClock(local('2026-11-04T10:00:00'));

  beforeAll(async () => {
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    deps = workerDeps({ db: t.db, queues, log, clock, settings: sandboxSettings({}) });
  });
  afterAll(async () => {
    await queues?.close();
  });

  async function setup() {
    const [ws] = await t.db.insert(schema.workspaces).values({ slug: 'ladder', name: 'Nagy Social Studio' }).returning();
    if (!ws) throw new Error('no workspace');
    await t.db.insert(schema.operators).values({ workspaceId: ws.id, email: 'peter@studio.example', name: 'Nagy Péter', role: 'owner' });
    const [client] = await t.db
      .insert(schema.clients)
      .values({
        workspaceId: ws.id,
        name: 'Kovács Anna',
        timezone: 'Europe/Budapest',
        locale: 'hu',
        workingCalendar: { workingDays: [1, 2, 3, 4, 5], startsAt: '09:00', endsAt: '17:00', country: 'HU' },
      })
      .returning();
    if (!client) throw new Error('no client');
    await t.db
      .insert(schema.clientContacts)
      .values({ workspaceId: ws.id, clientId: client.id, address: 'anna@pekseg.example', name: 'Kovács Anna' });
    await t.db.insert(schema.mailboxes).values({ workspaceId: ws.id, provider: 'gmail', address: 'peter@studio.example' });
    const [invoice] = await t.db
      .insert(schema.invoices)
      .values({
        workspaceId: ws.id,
        clientId: client.id,
        number: 'INV-2026-031',
        amountMinor: 12_000_000n,
        currency: 'HUF',
        issuedOn: '2026-10-19',
        dueOn: '2026-11-02',
        source: 'api',
      })
      .returning();
    if (!invoice) throw new Error('no invoice');
    return { workspaceId: ws.id, clientId: client.id, invoiceId: invoice.id };
  }

  const escalate = (workspaceId: string, clientId: string) => runJob(deps, 'escalate', 'client.escalate', { workspaceId, clientId });

  async function emails(workspaceId: string) {
    return t.db
      .select()
      .from(schema.outgoingEmails)
      .where(eq(schema.outgoingEmails.workspaceId, workspaceId))
      .orderBy(asc(schema.outgoingEmails.createdAt));
  }

  /** What the review queue and the send pipeline do, condensed: approved, sending, accepted by the provider. */
  async function markSent(id: string, at: Date) {
    await t.db.update(schema.outgoingEmails).set({ state: 'approved' }).where(eq(schema.outgoingEmails.id, id));
    await t.db.update(schema.outgoingEmails).set({ state: 'sending' }).where(eq(schema.outgoingEmails.id, id));
    await t.db.update(schema.outgoingEmails).set({ state: 'sent', providerAcceptedAt: at }).where(eq(schema.outgoingEmails.id, id));
  }

  it('reminds, pauses work once the notice is sent, and resumes when the payment arrives', async () => {
    const { workspaceId, clientId, invoiceId } = await setup();

    // Due 2 November, one day of grace: on the 4th the face-saving reminder is drafted, in Hungarian.
    const first = (await escalate(workspaceId, clientId)) as { status: string; drafted: string[]; recheckAt?: string };
    expect(first.status).toBe('evaluated');
    const [reminder] = await emails(workspaceId);
    expect(reminder).toMatchObject({
      kind: 'payment_reminder',
      state: 'pending_review',
      locale: 'hu',
      stepKey: expect.stringContaining(invoiceId),
    });
    expect(reminder?.text).toContain('INV-2026-031');
    expect(reminder?.text).toMatch(/120\s000\sFt/u); // Intl's thousands separator is a no-break space
    expect(reminder?.to).toEqual([{ address: 'anna@pekseg.example', name: 'Kovács Anna' }]);
    // Evaluating again drafts nothing new.
    await escalate(workspaceId, clientId);
    expect(await emails(workspaceId)).toHaveLength(1);

    // Sent on Wednesday the 4th; three business days later (Monday the 9th) still unpaid → work-paused notice.
    await markSent(reminder?.id ?? '', local('2026-11-04T11:00:00'));
    clock.set(local('2026-11-06T12:00:00'));
    await escalate(workspaceId, clientId);
    expect((await emails(workspaceId)).map((e) => e.kind)).toEqual(['payment_reminder']);
    clock.set(local('2026-11-10T10:00:00'));
    await escalate(workspaceId, clientId);
    const paused = (await emails(workspaceId)).find((e) => e.kind === 'work_paused');
    expect(paused?.state).toBe('pending_review');
    // A draft alone changes nothing: the client is paused only once the notice is sent.
    const statusOf = async () =>
      (await t.db.select({ status: schema.clients.status }).from(schema.clients).where(eq(schema.clients.id, clientId)))[0]?.status;
    expect(await statusOf()).toBe('active');
    await markSent(paused?.id ?? '', local('2026-11-10T11:00:00'));
    clock.set(local('2026-11-10T11:05:00'));
    await escalate(workspaceId, clientId);
    expect(await statusOf()).toBe('paused');

    // The client pays in full: active again, and "payment received, work resumes" is drafted.
    await t.db.insert(schema.payments).values({
      workspaceId,
      invoiceId,
      amountMinor: 12_000_000n,
      currency: 'HUF',
      paidOn: '2026-11-12',
      reference: 'bank-1',
      source: 'api',
    });
    clock.set(local('2026-11-12T15:00:00'));
    await escalate(workspaceId, clientId);
    expect(await statusOf()).toBe('active');
    const resumed = (await emails(workspaceId)).find((e) => e.kind === 'work_resumed');
    expect(resumed?.state).toBe('pending_review');
    expect(resumed?.text).toContain('INV-2026-031');
    await escalate(workspaceId, clientId);
    expect((await emails(workspaceId)).map((e) => e.kind).sort()).toEqual(['payment_reminder', 'work_paused', 'work_resumed']);

    const audit = await t.db
      .select({ action: schema.auditEvents.action })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.workspaceId, workspaceId)))
      .orderBy(asc(schema.auditEvents.seq));
    expect(audit.map((a) => a.action)).toEqual([
      'email.drafted',
      'email.drafted',
      'client.status_changed',
      'client.status_changed',
      'email.drafted',
    ]);
  });

  it('with auto-send on for reminders, approves the reminder itself for working hours and queues its send', async () => {
    const setup = await ladderClient(t.db, {
      slug: 'ladder-auto',
      timezone: 'Europe/Budapest',
      workspaceSettings: { playbook: { autoSend: { payment_reminder: true } } },
      invoice: { number: 'AUTO-1', amountMinor: 9_900n, currency: 'EUR' },
    });
    const ws = { id: setup.workspaceId };
    const client = { id: setup.clientId };
    clock.set(local('2026-11-04T07:30:00')); // before working hours in Budapest
    await escalate(ws.id, client.id);
    const [reminder] = await emails(ws.id);
    expect(reminder).toMatchObject({ kind: 'payment_reminder', state: 'approved' });
    expect(reminder?.sendAfter?.toISOString()).toBe(local('2026-11-04T09:00:00').toISOString());
    expect(await queues.queue('send').getJob(reminder?.id ?? '')).toBeDefined();
    const [approval] = await t.db
      .select({ actor: schema.auditEvents.actor })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.workspaceId, ws.id), eq(schema.auditEvents.action, 'email.approved')));
    expect(approval?.actor).toBe('firmly:auto-send');
  });

  it('raises an alert, once, when the step cannot be written: the client has no address', async () => {
    const setup = await ladderClient(t.db, {
      slug: 'ladder-nocontact',
      contact: null,
      invoice: { number: 'NC-1', amountMinor: 5_000n, currency: 'GBP' },
    });
    const ws = { id: setup.workspaceId };
    const client = { id: setup.clientId };
    clock.set(local('2026-11-04T12:00:00'));
    await escalate(ws.id, client.id);
    await escalate(ws.id, client.id);
    expect(await emails(ws.id)).toEqual([]);
    const alerts = await t.db.select().from(schema.alerts).where(eq(schema.alerts.workspaceId, ws.id));
    expect(alerts).toEqual([expect.objectContaining({ kind: 'cannot_draft', message: expect.stringContaining('no contact address') })]);
  });

  it('cancels a pending reminder, never sends it, once the invoice is paid', async () => {
    const setup = await ladderClient(t.db, { slug: 'ladder-2', invoice: { number: 'A-7', amountMinor: 125_050n, currency: 'EUR' } });
    const ws = { id: setup.workspaceId };
    const client = { id: setup.clientId };
    const invoice = { id: setup.invoiceId };
    clock.set(local('2026-11-04T10:00:00'));
    await escalate(ws.id, client.id);
    const [reminder] = await emails(ws.id);
    expect(reminder?.text).toContain('€1,250.50');
    await t.db.insert(schema.payments).values({
      workspaceId: ws.id,
      invoiceId: invoice?.id ?? '',
      amountMinor: 125_050n,
      currency: 'EUR',
      paidOn: '2026-11-04',
      reference: 'bank-2',
      source: 'api',
    });
    await escalate(ws.id, client.id);
    const [after] = await emails(ws.id);
    expect(after).toMatchObject({ state: 'cancelled' });
    expect(after?.stateReason).toMatch(/paid/);
  });
});
