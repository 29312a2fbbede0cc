/**
 * Ending a relationship (issue 7, PRODUCT §4.4) through the API and the worker's real job: the
 * reasons come from the client's incidents, both letters land in the review queue, the handover
 * is held while an invoice is overdue and released once it is paid, and completing makes the
 * client `former` only after both letters are sent.
 */
import { createLogger } from '@firmly/config';
import { fixedClock } from '@firmly/core';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { hasPdftotext, pdfText } from '@firmly/reports/testing';
import type { ProcessorDeps } from '@firmly/worker';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob, sandboxSettings, workerDeps } from '../support/mail-harness';
import { insertInvoice, NOW, startApi, workspaceWithClient } from './records-harness';

const t = useTestDatabase();
let app: FastifyInstance;
let deps: ProcessorDeps;
let closeQueues: () => Promise<void>;

beforeAll(async () => {
  const started = await startApi(t.db, t.url);
  app = started.app;
  closeQueues = () => started.queues.close();
  deps = workerDeps({
    db: t.db,
    queues: started.queues,
    log: createLogger('test', 'silent'),
    clock: fixedClock(NOW),
    settings: sandboxSettings({ publicUrl: 'http://127.0.0.1:3000' }),
  });
});
afterAll(async () => {
  await app?.close();
  await closeQueues?.();
});

type Offboarding = {
  id: string;
  state: string;
  reasons: Array<{ incidentId: string; summary: string }>;
  letters: { termination: { emailId: string; state: string } | null; closingReport: { emailId: string; state: string } | null };
  handover: { status: string; overdueInvoices: Array<{ number: string }>; accounts: Array<{ handle: string; held: boolean }> };
};

/** A client with a contact, a mailbox, two documented incidents, a work log entry, a managed account and an overdue invoice. */
async function offboardable(slug: string, options: { name: string; locale: 'en' | 'hu' }) {
  const w = await workspaceWithClient(t.db, slug, options.name);
  await t.db.update(schema.clients).set({ locale: options.locale }).where(eq(schema.clients.id, w.clientId));
  await t.db.insert(schema.clientContacts).values({ workspaceId: w.workspaceId, clientId: w.clientId, address: `anna@${slug}.example` });
  await t.db.insert(schema.mailboxes).values({ workspaceId: w.workspaceId, provider: 'gmail', address: `studio@${slug}.example` });
  const invoice = await insertInvoice(t.db, w, { number: `A-7-${slug}`, amountMinor: 125_050n });
  const incident = async (
    kind: 'missed_feedback_deadline' | 'late_payment' | 'abusive_message' | 'other',
    day: string,
    summary: string,
    evidence: { quotes?: string[]; invoiceIds?: string[] } = {},
  ) => {
    const [row] = await t.db
      .insert(schema.incidents)
      .values({
        workspaceId: w.workspaceId,
        clientId: w.clientId,
        kind,
        occurredAt: new Date(`${day}T10:00:00Z`),
        summary,
        evidence,
        dedupeKey: `${kind}:${day}`,
      })
      .returning();
    if (!row) throw new Error('no incident');
    return row;
  };
  const silent = await incident('missed_feedback_deadline', '2026-10-12', 'The client did not answer within 16 business hours', {
    quotes: ['Could you approve the October content calendar?'],
  });
  const late = await incident('late_payment', '2026-11-10', `Invoice A-7-${slug} is unpaid 8 days after its due date`, {
    invoiceIds: [invoice.id],
  });
  const rude = await incident('abusive_message', '2026-11-12', 'Abusive message from the client (insult)', { quotes: ['You are useless'] });
  const other = await incident('other', '2026-11-13', 'Asked us to post at 3 a.m. on a Sunday');
  await t.db.insert(schema.workLogEntries).values({
    workspaceId: w.workspaceId,
    clientId: w.clientId,
    doneOn: '2026-10-30',
    title: 'Spring campaign: 12 posts and 2 reels',
    outcome: 'Reach up 40 % on October',
  });
  await t.db.insert(schema.managedAccounts).values({
    workspaceId: w.workspaceId,
    clientId: w.clientId,
    platform: 'meta_business_suite',
    handle: `${slug}-coffee`,
    accessLevel: 'Admin',
    owner: 'operator',
  });
  return { ...w, silent, late, rude, other, invoice };
}

const start = (w: { clientId: string; auth: Record<string, string> }, payload: object) =>
  app.inject({ method: 'POST', url: `/v1/clients/${w.clientId}/offboarding`, headers: w.auth, payload });
const view = async (w: { clientId: string; auth: Record<string, string> }) =>
  (await app.inject({ method: 'GET', url: `/v1/clients/${w.clientId}/offboarding`, headers: w.auth })).json() as Offboarding;

async function email(id: string) {
  const [row] = await t.db.select().from(schema.outgoingEmails).where(eq(schema.outgoingEmails.id, id));
  if (!row) throw new Error(`no email ${id}`);
  return row;
}

/** As the send worker moves an approved email on. */
async function markSent(id: string) {
  for (const state of ['approved', 'sending', 'sent'] as const) {
    await t.db
      .update(schema.outgoingEmails)
      .set({ state, ...(state === 'sent' ? { providerAcceptedAt: NOW } : {}) })
      .where(eq(schema.outgoingEmails.id, id));
  }
}

describe('ending a relationship', () => {
  it('drafts the termination letter with the reason from the chosen incidents, and the closing report from the work log', async () => {
    const w = await offboardable('offboard-en', { name: 'Northwind', locale: 'en' });
    const started = await start(w, { incidentIds: [w.silent.id, w.late.id], endsOn: '2026-11-30' });
    expect(started.statusCode).toBe(201);
    const [client] = await t.db.select().from(schema.clients).where(eq(schema.clients.id, w.clientId));
    expect(client?.status).toBe('offboarding');
    expect((started.json() as Offboarding).reasons.map((r) => r.incidentId)).toEqual([w.silent.id, w.late.id]);

    await runJob(deps, 'escalate', 'client.offboard', { workspaceId: w.workspaceId, offboardingId: (started.json() as Offboarding).id });
    const drafted = await view(w);
    expect(drafted.letters.termination?.state).toBe('pending_review');
    expect(drafted.letters.closingReport?.state).toBe('pending_review');

    const letter = await email(drafted.letters.termination?.emailId ?? '');
    expect(letter.kind).toBe('termination');
    expect(letter.text).toContain(
      'I cannot meet your needs because it was not possible for you to answer our questions and give feedback in time (once, most recently on 2026-10-12) and pay the invoices by the agreed due date (once, most recently on 2026-11-10).',
    );
    // The occasions in the client's language, courteously: not the operator's own notes.
    expect(letter.text).toContain(
      'A question of mine was not answered within the agreed time (“Could you approve the October content calendar?”)',
    );
    expect(letter.text).toContain('Invoice A-7-offboard-en was not paid by its due date (2026-11-02)');
    expect(letter.text).not.toContain('The client did not answer');
    // An invoice is overdue: the handover waits for it, and the letter says so.
    expect(letter.text).toContain(`Invoice A-7-offboard-en`);
    expect(letter.text).toMatch(/As soon as the payment arrives, I will hand over full access/);

    const report = await email(drafted.letters.closingReport?.emailId ?? '');
    expect(report.kind).toBe('closing_report');
    expect(report.text).toContain('Spring campaign: 12 posts and 2 reels');
    expect(report.text).toContain('Reach up 40 % on October');
    // The PDF it carries, as the operator previews it (and as the send worker attaches it).
    const detail = (await app.inject({ method: 'GET', url: `/v1/review-queue/${report.id}`, headers: w.auth })).json();
    expect(detail.attachments).toEqual([
      {
        filename: 'closing-report.pdf',
        contentType: 'application/pdf',
        url: `/v1/review-queue/${report.id}/attachments/closing-report.pdf`,
      },
    ]);
    const pdf = await app.inject({ method: 'GET', url: detail.attachments[0].url, headers: w.auth });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    if (hasPdftotext) {
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('Spring campaign: 12 posts and 2 reels');
      expect(text).toContain('Days late per invoice');
      expect(text).toContain('A-7-offboard-en');
    }
    const letterDetail = (await app.inject({ method: 'GET', url: `/v1/review-queue/${letter.id}`, headers: w.auth })).json();
    expect(letterDetail.attachments).toEqual([]);
    expect(
      (await app.inject({ method: 'GET', url: `/v1/review-queue/${letter.id}/attachments/closing-report.pdf`, headers: w.auth }))
        .statusCode,
    ).toBe(404);

    // Drafted once: the job again changes nothing.
    await runJob(deps, 'escalate', 'client.offboard', { workspaceId: w.workspaceId, offboardingId: drafted.id });
    const letters = await t.db
      .select({ id: schema.outgoingEmails.id })
      .from(schema.outgoingEmails)
      .where(and(eq(schema.outgoingEmails.workspaceId, w.workspaceId), eq(schema.outgoingEmails.clientId, w.clientId)));
    expect(letters).toHaveLength(2);
  });

  it('holds the handover while an invoice is overdue and releases it once paid', async () => {
    const w = await offboardable('offboard-hold', { name: 'Contoso', locale: 'en' });
    expect((await start(w, { incidentIds: [w.late.id], endsOn: '2026-11-30' })).statusCode).toBe(201);
    const held = await view(w);
    expect(held.handover).toMatchObject({ status: 'held_until_paid', overdueInvoices: [{ number: 'A-7-offboard-hold' }] });
    expect(held.handover.accounts).toEqual([expect.objectContaining({ handle: 'offboard-hold-coffee', held: true })]);

    const paid = await app.inject({
      method: 'POST',
      url: '/v1/payments',
      headers: w.auth,
      payload: { invoiceId: w.invoice.id, amount: { minor: 125_050, currency: 'EUR' }, paidOn: '2026-11-19', reference: 'bank-1' },
    });
    expect(paid.statusCode).toBe(201);
    const released = await view(w);
    expect(released.handover).toMatchObject({ status: 'ready', overdueInvoices: [] });
    expect(released.handover.accounts[0]?.held).toBe(false);
  });

  it('writes to a Hungarian client in Hungarian, courteously, keeping only the operator’s own notes as written', async () => {
    const w = await offboardable('offboard-hu', { name: 'Kővári Zsűri Kft.', locale: 'hu' });
    const started = (
      await start(w, { incidentIds: [w.silent.id, w.late.id, w.rude.id, w.other.id], endsOn: '2026-11-30' })
    ).json() as Offboarding;
    await runJob(deps, 'escalate', 'client.offboard', { workspaceId: w.workspaceId, offboardingId: started.id });
    const drafted = await view(w);
    const letter = await email(drafted.letters.termination?.emailId ?? '');
    expect(letter.locale).toBe('hu');
    expect(letter.text).toContain('Nem tudok megfelelni az Ön igényeinek, mert nem sikerült időben válaszolni a kérdéseinkre');
    expect(letter.text).toContain(
      'Egy kérdésemre nem érkezett válasz a megbeszélt időn belül („Could you approve the October content calendar?”)',
    );
    expect(letter.text).toContain('A(z) A-7-offboard-hu számú számla kifizetése nem érkezett meg a fizetési határidőig (2026-11-02)');
    expect(letter.text).toContain('Egy levél hangneme nem volt tisztelettudó');
    expect(letter.text).not.toMatch(/useless|Abusive/);
    expect(letter.text).toContain('Asked us to post at 3 a.m. on a Sunday');
    const report = await email(drafted.letters.closingReport?.emailId ?? '');
    expect(report.locale).toBe('hu');
  });

  it('completes only once both letters are sent; the client becomes former', async () => {
    const w = await offboardable('offboard-done', { name: 'Fabrikam', locale: 'en' });
    const started = (await start(w, { incidentIds: [w.silent.id], endsOn: '2026-11-30' })).json() as Offboarding;
    await runJob(deps, 'escalate', 'client.offboard', { workspaceId: w.workspaceId, offboardingId: started.id });
    const complete = () => app.inject({ method: 'POST', url: `/v1/clients/${w.clientId}/offboarding/complete`, headers: w.auth });
    const early = await complete();
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/termination letter, closing report/);

    const drafted = await view(w);
    await markSent(drafted.letters.termination?.emailId ?? '');
    expect((await complete()).statusCode).toBe(409);
    await markSent(drafted.letters.closingReport?.emailId ?? '');
    const done = await complete();
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'completed' });
    const [client] = await t.db.select().from(schema.clients).where(eq(schema.clients.id, w.clientId));
    expect(client?.status).toBe('former');
    const actions = await t.db
      .select({ action: schema.auditEvents.action })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.workspaceId, w.workspaceId), eq(schema.auditEvents.subjectId, w.clientId)));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['offboarding.started', 'offboarding.completed', 'client.status_changed']),
    );
    // Monitoring and the ladders stop: an evaluation drafts nothing for a former client, even with an invoice overdue.
    const before = await t.db
      .select({ id: schema.outgoingEmails.id })
      .from(schema.outgoingEmails)
      .where(eq(schema.outgoingEmails.clientId, w.clientId));
    await runJob(deps, 'escalate', 'client.escalate', { workspaceId: w.workspaceId, clientId: w.clientId });
    const after = await t.db
      .select({ id: schema.outgoingEmails.id })
      .from(schema.outgoingEmails)
      .where(eq(schema.outgoingEmails.clientId, w.clientId));
    expect(after).toHaveLength(before.length);
    // A former client cannot be offboarded again.
    expect((await start(w, { incidentIds: [w.silent.id], endsOn: '2026-12-31' })).statusCode).toBe(409);
  });

  it('cancels: unsent letters are withdrawn and the client is active again', async () => {
    const w = await offboardable('offboard-cancel', { name: 'Tailspin', locale: 'en' });
    const started = (await start(w, { incidentIds: [w.late.id], endsOn: '2026-11-30' })).json() as Offboarding;
    await runJob(deps, 'escalate', 'client.offboard', { workspaceId: w.workspaceId, offboardingId: started.id });
    const cancelled = await app.inject({ method: 'POST', url: `/v1/clients/${w.clientId}/offboarding/cancel`, headers: w.auth });
    expect(cancelled.statusCode).toBe(200);
    const after = cancelled.json() as Offboarding;
    expect(after.state).toBe('cancelled');
    expect(after.letters.termination?.state).toBe('cancelled');
    expect(after.letters.closingReport?.state).toBe('cancelled');
    const [client] = await t.db.select().from(schema.clients).where(eq(schema.clients.id, w.clientId));
    expect(client?.status).toBe('active');
    // The job after a cancellation drafts nothing.
    expect(await runJob(deps, 'escalate', 'client.offboard', { workspaceId: w.workspaceId, offboardingId: started.id })).toMatchObject({
      status: 'skipped',
    });
  });

  it('refuses bad starts with problem+json naming the field, and changes nothing', async () => {
    const w = await offboardable('offboard-bad', { name: 'Litware', locale: 'en' });
    const other = await offboardable('offboard-other', { name: 'Adatum', locale: 'en' });
    const foreign = await start(w, { incidentIds: [other.silent.id], endsOn: '2026-11-30' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().invalidParams).toEqual([expect.objectContaining({ name: 'incidentIds' })]);
    const none = await start(w, { incidentIds: [], endsOn: '2026-11-30' });
    expect(none.statusCode).toBe(400);
    const badDate = await start(w, { incidentIds: [w.silent.id], endsOn: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    const [client] = await t.db.select().from(schema.clients).where(eq(schema.clients.id, w.clientId));
    expect(client?.status).toBe('active');
    expect((await app.inject({ method: 'GET', url: `/v1/clients/${w.clientId}/offboarding`, headers: w.auth })).statusCode).toBe(404);
    // Started once, a second start is a conflict.
    expect((await start(w, { incidentIds: [w.silent.id], endsOn: '2026-11-30' })).statusCode).toBe(201);
    expect((await start(w, { incidentIds: [w.silent.id], endsOn: '2026-11-30' })).statusCode).toBe(409);
  });
});
