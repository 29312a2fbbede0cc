import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appendAuditEvent, verifyAuditChain } from '../../audit';
import type { Database } from '../../client';
import * as s from '../../schema/index';
import { useTestDatabase } from '../../testing/vitest';
import {
  approveEmail,
  bulkApprove,
  editEmail,
  type OutgoingEmailRow,
  type RenderEmailFn,
  rejectEmail,
  reviewQueue,
  safeSubject,
  snoozeEmail,
} from './index';

const t = useTestDatabase();

const DAY = 86_400_000;
/** A Tuesday, 10:00 in Budapest (CEST, UTC+2). */
const TUESDAY_10 = new Date('2026-05-12T10:00:00+02:00');
/** A Saturday, 23:00 in Budapest; the next working instant is Monday 18 May, 09:00. */
const SATURDAY_NIGHT = new Date('2026-05-16T23:00:00+02:00');
const MONDAY_9 = new Date('2026-05-18T09:00:00+02:00');

type State = OutgoingEmailRow['state'];

let counter = 0;

async function setup(slug: string, calendar?: s.WorkingCalendar) {
  const [ws] = await t.db.insert(s.workspaces).values({ slug, name: slug }).returning();
  if (!ws) throw new Error('no workspace');
  const [operator] = await t.db
    .insert(s.operators)
    .values({ workspaceId: ws.id, email: `op@${slug}.example`, name: 'Op' })
    .returning();
  const [client] = await t.db
    .insert(s.clients)
    .values({ workspaceId: ws.id, name: 'Acme', timezone: 'Europe/Budapest', ...(calendar ? { workingCalendar: calendar } : {}) })
    .returning();
  const [mailbox] = await t.db
    .insert(s.mailboxes)
    .values({ workspaceId: ws.id, provider: 'gmail', address: `me@${slug}.example` })
    .returning();
  if (!operator || !client || !mailbox) throw new Error('fixture rows missing');
  const [thread] = await t.db
    .insert(s.threads)
    .values({ workspaceId: ws.id, mailboxId: mailbox.id, providerThreadId: `t-${slug}`, clientId: client.id, subject: 'Spring campaign' })
    .returning();
  if (!thread) throw new Error('no thread');
  const ctx = (now: Date) => ({ now, operatorId: operator.id });
  return { ws, operator, client, mailbox, thread, ctx };
}

type Fixture = Awaited<ReturnType<typeof setup>>;

async function draft(fx: Fixture, values: Partial<typeof s.outgoingEmails.$inferInsert> = {}): Promise<OutgoingEmailRow> {
  counter += 1;
  const [row] = await t.db
    .insert(s.outgoingEmails)
    .values({
      workspaceId: fx.ws.id,
      clientId: fx.client.id,
      mailboxId: fx.mailbox.id,
      threadId: fx.thread.id,
      kind: 'payment_reminder',
      locale: 'en',
      idempotencyKey: `test:${counter}`,
      messageId: `<review-${counter}@firmly.test>`,
      to: [{ address: 'boss@acme.example' }],
      subject: 'Re: Spring campaign',
      html: '<p>Invoice INV-1: 100 EUR</p>',
      text: '[payment_reminder/en] Invoice INV-1: 100 EUR',
      templateData: { invoice: 'INV-1', amount: '100 EUR' },
      ...values,
    })
    .returning();
  if (!row) throw new Error('no draft');
  return row;
}

async function row(id: string): Promise<OutgoingEmailRow> {
  const [found] = await t.db.select().from(s.outgoingEmails).where(eq(s.outgoingEmails.id, id));
  if (!found) throw new Error(`row ${id} vanished`);
  return found;
}

async function auditFor(emailId: string) {
  return t.db
    .select({ action: s.auditEvents.action, actor: s.auditEvents.actor, data: s.auditEvents.data })
    .from(s.auditEvents)
    .where(and(eq(s.auditEvents.subjectType, 'outgoing_email'), eq(s.auditEvents.subjectId, emailId)))
    .orderBy(asc(s.auditEvents.seq));
}

/** A fake renderer: the subject follows the thread (or the invoice), the body shows the fields. */
const fakeRender: RenderEmailFn = async (kind, locale, data, options) => ({
  subject: options.threadSubject ? `Re: ${options.threadSubject}` : `Invoice ${String(data.invoice)}`,
  html: `<p>Invoice ${String(data.invoice)}: ${String(data.amount)}</p>`,
  text: `[${kind}/${locale}] Invoice ${String(data.invoice)}: ${String(data.amount)}`,
});

const terminalStates: State[] = ['sent', 'rejected', 'cancelled', 'failed'];

describe('the review queue', () => {
  it('lists pending drafts oldest first, ties broken by id, one page at a time', async () => {
    const fx = await setup('queue-order');
    const other = await setup('queue-order-other');
    const base = new Date('2026-05-01T08:00:00Z');
    const late = await draft(fx, { createdAt: new Date(base.getTime() + 3 * DAY) });
    const early = await draft(fx, { createdAt: base });
    // Three drafted in the same instant: only the id can order them.
    const tied = await Promise.all([1, 2, 3].map(() => draft(fx, { createdAt: new Date(base.getTime() + DAY) })));
    await draft(fx, { createdAt: base, state: 'approved' });
    await draft(other, { createdAt: base });

    const expected = [early.id, ...tied.map((r) => r.id).sort(), late.id];
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await reviewQueue(t.db, fx.ws.id, { now: TUESDAY_10, limit: 2, cursor });
      if (!page.ok) throw new Error(page.detail);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
  });

  it('does not repeat or skip rows whose times differ by microseconds', async () => {
    const fx = await setup('queue-micro');
    const a = await draft(fx, { createdAt: sql`'2026-05-01T10:00:00.123456Z'::timestamptz` as unknown as Date });
    const b = await draft(fx, { createdAt: sql`'2026-05-01T10:00:00.123789Z'::timestamptz` as unknown as Date });
    const first = await reviewQueue(t.db, fx.ws.id, { now: TUESDAY_10, limit: 1 });
    if (!first.ok || !first.nextCursor) throw new Error('expected a second page');
    const second = await reviewQueue(t.db, fx.ws.id, { now: TUESDAY_10, limit: 1, cursor: first.nextCursor });
    if (!second.ok) throw new Error(second.detail);
    expect([...first.items, ...second.items].map((r) => r.id)).toEqual([a.id, b.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('hides a snoozed draft until its snooze has passed, and filters by client and state', async () => {
    const fx = await setup('queue-snooze');
    const plain = await draft(fx, { createdAt: new Date('2026-05-01T08:00:00Z') });
    const snoozed = await draft(fx, { createdAt: new Date('2026-05-02T08:00:00Z'), snoozedUntil: new Date(TUESDAY_10.getTime() + 1) });
    const woken = await draft(fx, { createdAt: new Date('2026-05-03T08:00:00Z'), snoozedUntil: TUESDAY_10 });
    const approved = await draft(fx, { state: 'approved' });
    const ids = async (options: Partial<Parameters<typeof reviewQueue>[2]> = {}) => {
      const page = await reviewQueue(t.db, fx.ws.id, { now: TUESDAY_10, limit: 50, ...options });
      if (!page.ok) throw new Error(page.detail);
      return page.items.map((r) => r.id);
    };
    expect(await ids()).toEqual([plain.id, woken.id]);
    expect(await ids({ now: new Date(TUESDAY_10.getTime() + 1) })).toEqual([plain.id, snoozed.id, woken.id]);
    expect(await ids({ state: 'approved' })).toEqual([approved.id]);
    const otherClient = await setup('queue-snooze-2');
    expect(await ids({ clientId: otherClient.client.id })).toEqual([]);
    expect(await ids({ clientId: fx.client.id })).toEqual([plain.id, woken.id]);
  });

  it('refuses a forged cursor, a bad limit and a client that is not an id', async () => {
    const fx = await setup('queue-invalid');
    const forged = Buffer.from(JSON.stringify(['2026-05-01', 'x'])).toString('base64url');
    expect(await reviewQueue(t.db, fx.ws.id, { now: TUESDAY_10, limit: 10, cursor: forged })).toMatchObject({
      ok: false,
      problem: 'invalid',
      field: 'cursor',
    });
    expect(await reviewQueue(t.db, fx.ws.id, { now: TUESDAY_10, limit: 0 })).toMatchObject({
      ok: false,
      problem: 'invalid',
      field: 'limit',
    });
    expect(await reviewQueue(t.db, fx.ws.id, { now: TUESDAY_10, limit: 10, clientId: 'acme' })).toMatchObject({
      ok: false,
      field: 'clientId',
    });
  });
});

describe('approving', () => {
  it('on a Saturday night schedules the send for Monday 09:00 in Budapest, and records who approved it', async () => {
    const fx = await setup('approve-saturday');
    const email = await draft(fx, { snoozedUntil: new Date(SATURDAY_NIGHT.getTime() + DAY) });
    const result = await approveEmail(t.db, fx.ws.id, email.id, fx.ctx(SATURDAY_NIGHT));
    expect(result).toMatchObject({ ok: true, changed: true, send: { emailId: email.id, sendAfter: MONDAY_9 } });
    expect(await row(email.id)).toMatchObject({
      state: 'approved',
      sendAfter: MONDAY_9,
      reviewedBy: fx.operator.id,
      reviewedAt: SATURDAY_NIGHT,
      snoozedUntil: null,
    });
    expect(await auditFor(email.id)).toEqual([
      {
        action: 'email.approved',
        actor: `operator:${fx.operator.id}`,
        data: { from: 'pending_review', to: 'approved', sendAfter: MONDAY_9.toISOString() },
      },
    ]);
  });

  it('on a weekday at 10:00 schedules the send for that very instant', async () => {
    const fx = await setup('approve-weekday');
    const email = await draft(fx);
    const result = await approveEmail(t.db, fx.ws.id, email.id, fx.ctx(TUESDAY_10));
    expect(result).toMatchObject({ ok: true, send: { sendAfter: TUESDAY_10 } });
  });

  it('uses the default hours in the client zone when the stored calendar is unusable', async () => {
    const fx = await setup('approve-bad-calendar', { workingDays: [1, 2, 3, 4, 5], startsAt: '18:00', endsAt: '08:00' });
    const email = await draft(fx);
    expect(await approveEmail(t.db, fx.ws.id, email.id, fx.ctx(SATURDAY_NIGHT))).toMatchObject({ ok: true, send: { sendAfter: MONDAY_9 } });
  });

  it('is a no-op the second time: same schedule, no second audit event', async () => {
    const fx = await setup('approve-twice');
    const email = await draft(fx);
    await approveEmail(t.db, fx.ws.id, email.id, fx.ctx(SATURDAY_NIGHT));
    const again = await approveEmail(t.db, fx.ws.id, email.id, fx.ctx(TUESDAY_10));
    expect(again).toMatchObject({ ok: true, changed: false, send: { sendAfter: MONDAY_9 } });
    expect((await row(email.id)).reviewedAt).toEqual(SATURDAY_NIGHT);
    expect(await auditFor(email.id)).toHaveLength(1);
  });

  it.each([...terminalStates, 'sending' as State])('is a conflict naming the state when the email is %s', async (state) => {
    const fx = await setup(`approve-conflict-${state}`);
    const email = await draft(fx, { state });
    const result = await approveEmail(t.db, fx.ws.id, email.id, fx.ctx(TUESDAY_10));
    expect(result).toMatchObject({ ok: false, problem: 'conflict', state });
    expect(result.ok ? '' : result.detail).toContain(state);
    expect(await row(email.id)).toEqual(email);
    expect(await auditFor(email.id)).toEqual([]);
  });

  it('refuses an operator of another workspace', async () => {
    const fx = await setup('approve-stranger');
    const other = await setup('approve-stranger-2');
    const email = await draft(fx);
    const result = await approveEmail(t.db, fx.ws.id, email.id, { now: TUESDAY_10, operatorId: other.operator.id });
    expect(result).toMatchObject({ ok: false, problem: 'invalid', field: 'operatorId' });
    expect((await row(email.id)).state).toBe('pending_review');
  });
});

describe('bulk approval', () => {
  it('approves each id in one go, with a result per id in the order given', async () => {
    const fx = await setup('bulk');
    const other = await setup('bulk-other');
    const a = await draft(fx);
    const b = await draft(fx);
    const cancelled = await draft(fx, { state: 'cancelled' });
    const foreign = await draft(other);
    const result = await bulkApprove(t.db, fx.ws.id, [b.id, cancelled.id, foreign.id, a.id, b.id, 'nope'], fx.ctx(SATURDAY_NIGHT));
    if (!result.ok) throw new Error(result.detail);
    expect(result.results.map((r) => [r.id, r.result.ok ? 'ok' : r.result.problem])).toEqual([
      [b.id, 'ok'],
      [cancelled.id, 'conflict'],
      [foreign.id, 'not_found'],
      [a.id, 'ok'],
      ['nope', 'not_found'],
    ]);
    expect((await row(a.id)).sendAfter).toEqual(MONDAY_9);
    expect((await row(b.id)).state).toBe('approved');
    expect((await row(foreign.id)).state).toBe('pending_review');
    expect(await auditFor(b.id)).toHaveLength(1);
  });

  it('two overlapping bulk approvals in opposite orders both finish, each email approved once', async () => {
    const fx = await setup('bulk-overlap');
    const emails = await Promise.all([1, 2, 3, 4, 5, 6].map(() => draft(fx)));
    const ids = emails.map((e) => e.id);
    const [first, second] = await Promise.all([
      bulkApprove(t.db, fx.ws.id, ids, fx.ctx(TUESDAY_10)),
      bulkApprove(t.db, fx.ws.id, [...ids].reverse(), fx.ctx(TUESDAY_10)),
    ]);
    if (!first?.ok || !second?.ok) throw new Error('a bulk approval failed');
    const changed = [...first.results, ...second.results].filter((r) => r.result.ok && r.result.changed).map((r) => r.id);
    expect(changed.sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await auditFor(id)).toHaveLength(1);
  });

  it('refuses an empty list', async () => {
    const fx = await setup('bulk-empty');
    expect(await bulkApprove(t.db, fx.ws.id, [], fx.ctx(TUESDAY_10))).toMatchObject({ ok: false, problem: 'invalid', field: 'ids' });
  });
});

describe('rejecting', () => {
  it('rejects a pending or an approved email with the trimmed reason', async () => {
    const fx = await setup('reject');
    const pending = await draft(fx);
    const approved = await draft(fx, { state: 'approved' });
    expect(await rejectEmail(t.db, fx.ws.id, pending.id, '  wrong invoice \n', fx.ctx(TUESDAY_10))).toMatchObject({
      ok: true,
      changed: true,
    });
    expect(await rejectEmail(t.db, fx.ws.id, approved.id, 'client called', fx.ctx(TUESDAY_10))).toMatchObject({ ok: true, changed: true });
    expect(await row(pending.id)).toMatchObject({ state: 'rejected', stateReason: 'wrong invoice', reviewedBy: fx.operator.id });
    expect(await row(approved.id)).toMatchObject({ state: 'rejected', stateReason: 'client called' });
    expect(await auditFor(approved.id)).toEqual([
      {
        action: 'email.rejected',
        actor: `operator:${fx.operator.id}`,
        data: { from: 'approved', to: 'rejected', reason: 'client called' },
      },
    ]);
  });

  it('keeps the first reason when rejected again', async () => {
    const fx = await setup('reject-twice');
    const email = await draft(fx);
    await rejectEmail(t.db, fx.ws.id, email.id, 'first', fx.ctx(TUESDAY_10));
    expect(await rejectEmail(t.db, fx.ws.id, email.id, 'second', fx.ctx(TUESDAY_10))).toMatchObject({ ok: true, changed: false });
    expect((await row(email.id)).stateReason).toBe('first');
    expect(await auditFor(email.id)).toHaveLength(1);
  });

  it('requires a reason of at most 500 characters', async () => {
    const fx = await setup('reject-reason');
    const email = await draft(fx);
    expect(await rejectEmail(t.db, fx.ws.id, email.id, ' \t ', fx.ctx(TUESDAY_10))).toMatchObject({
      ok: false,
      problem: 'invalid',
      field: 'reason',
    });
    expect(await rejectEmail(t.db, fx.ws.id, email.id, 'x'.repeat(501), fx.ctx(TUESDAY_10))).toMatchObject({ ok: false, field: 'reason' });
    expect((await row(email.id)).state).toBe('pending_review');
    expect(await rejectEmail(t.db, fx.ws.id, email.id, ` ${'x'.repeat(500)} `, fx.ctx(TUESDAY_10))).toMatchObject({ ok: true });
  });

  it.each(['sent', 'cancelled', 'failed', 'sending'] as State[])('is a conflict when the email is %s', async (state) => {
    const fx = await setup(`reject-conflict-${state}`);
    const email = await draft(fx, { state });
    expect(await rejectEmail(t.db, fx.ws.id, email.id, 'too late', fx.ctx(TUESDAY_10))).toMatchObject({
      ok: false,
      problem: 'conflict',
      state,
    });
    expect(await row(email.id)).toEqual(email);
  });
});

describe('snoozing', () => {
  it('hides a pending draft until the chosen instant', async () => {
    const fx = await setup('snooze');
    const email = await draft(fx);
    const until = new Date(TUESDAY_10.getTime() + 2 * DAY);
    expect(await snoozeEmail(t.db, fx.ws.id, email.id, until, fx.ctx(TUESDAY_10))).toMatchObject({ ok: true, changed: true });
    expect((await row(email.id)).snoozedUntil).toEqual(until);
    const page = await reviewQueue(t.db, fx.ws.id, { now: TUESDAY_10, limit: 10 });
    expect(page.ok && page.items).toEqual([]);
    expect(await snoozeEmail(t.db, fx.ws.id, email.id, until, fx.ctx(TUESDAY_10))).toMatchObject({ ok: true, changed: false });
    expect(await auditFor(email.id)).toEqual([
      { action: 'email.snoozed', actor: `operator:${fx.operator.id}`, data: { until: until.toISOString(), previous: null } },
    ]);
  });

  it('accepts up to 30 days ahead, never the past or now', async () => {
    const fx = await setup('snooze-bounds');
    const email = await draft(fx);
    const snooze = (at: number) => snoozeEmail(t.db, fx.ws.id, email.id, new Date(at), fx.ctx(TUESDAY_10));
    expect(await snooze(TUESDAY_10.getTime())).toMatchObject({ ok: false, problem: 'invalid', field: 'until' });
    expect(await snooze(TUESDAY_10.getTime() - DAY)).toMatchObject({ ok: false, field: 'until' });
    expect(await snooze(TUESDAY_10.getTime() + 30 * DAY + 1)).toMatchObject({ ok: false, field: 'until' });
    expect(await snooze(Number.NaN)).toMatchObject({ ok: false, field: 'until' });
    expect((await row(email.id)).snoozedUntil).toBeNull();
    expect(await snooze(TUESDAY_10.getTime() + 30 * DAY)).toMatchObject({ ok: true });
  });

  it('only snoozes drafts waiting for review', async () => {
    const fx = await setup('snooze-approved');
    const email = await draft(fx, { state: 'approved' });
    const result = await snoozeEmail(t.db, fx.ws.id, email.id, new Date(TUESDAY_10.getTime() + DAY), fx.ctx(TUESDAY_10));
    expect(result).toMatchObject({ ok: false, problem: 'conflict', state: 'approved' });
    expect((await row(email.id)).snoozedUntil).toBeNull();
  });
});

describe('editing', () => {
  it('merges the data, re-renders in the thread, and audits what changed', async () => {
    const fx = await setup('edit');
    const email = await draft(fx);
    const result = await editEmail(t.db, fx.ws.id, email.id, { data: { amount: '120 EUR' } }, fakeRender, fx.ctx(TUESDAY_10));
    expect(result).toMatchObject({ ok: true, changed: true });
    expect(await row(email.id)).toMatchObject({
      state: 'pending_review',
      subject: 'Re: Spring campaign',
      html: '<p>Invoice INV-1: 120 EUR</p>',
      text: '[payment_reminder/en] Invoice INV-1: 120 EUR',
      templateData: { invoice: 'INV-1', amount: '120 EUR' },
    });
    expect(await auditFor(email.id)).toEqual([
      {
        action: 'email.edited',
        actor: `operator:${fx.operator.id}`,
        data: { changed: ['html', 'text', 'template_data'], dataKeys: ['amount'] },
      },
    ]);
  });

  it('strips line breaks and control characters from a subject override, and keeps it through later edits', async () => {
    const fx = await setup('edit-subject');
    const email = await draft(fx);
    const edited = await editEmail(
      t.db,
      fx.ws.id,
      email.id,
      { subject: 'Overdue\r\nBcc: all@evil.example\u0000 ' },
      fakeRender,
      fx.ctx(TUESDAY_10),
    );
    expect(edited).toMatchObject({ ok: true, changed: true });
    expect((await row(email.id)).subject).toBe('Overdue Bcc: all@evil.example');
    await editEmail(t.db, fx.ws.id, email.id, { data: { amount: '90 EUR' } }, fakeRender, fx.ctx(TUESDAY_10));
    expect(await row(email.id)).toMatchObject({ subject: 'Overdue Bcc: all@evil.example', html: '<p>Invoice INV-1: 90 EUR</p>' });
    const events = await auditFor(email.id);
    expect(events[0]?.data).toEqual({
      changed: ['subject'],
      dataKeys: [],
      subject: { from: 'Re: Spring campaign', to: 'Overdue Bcc: all@evil.example' },
    });
    expect(events).toHaveLength(2);
  });

  it('takes the template subject when the stored one was the template subject', async () => {
    const fx = await setup('edit-template-subject');
    const email = await draft(fx, { threadId: null, subject: 'Invoice INV-1' });
    await editEmail(t.db, fx.ws.id, email.id, { data: { invoice: 'INV-2' } }, fakeRender, fx.ctx(TUESDAY_10));
    expect((await row(email.id)).subject).toBe('Invoice INV-2');
  });

  it('stores nothing when the renderer refuses the data', async () => {
    const fx = await setup('edit-throws');
    const email = await draft(fx);
    const throwing: RenderEmailFn = async () => {
      throw new Error('unknown placeholder {{amout}} on line 3');
    };
    const result = await editEmail(t.db, fx.ws.id, email.id, { data: { amout: '1' }, subject: 'New' }, throwing, fx.ctx(TUESDAY_10));
    expect(result).toEqual({ ok: false, problem: 'invalid', detail: 'unknown placeholder {{amout}} on line 3', field: 'data' });
    expect(await row(email.id)).toEqual(email);
    expect(await auditFor(email.id)).toEqual([]);
  });

  it('refuses an empty patch, a subject of only control characters, and a non-pending email', async () => {
    const fx = await setup('edit-invalid');
    const email = await draft(fx);
    const approved = await draft(fx, { state: 'approved' });
    const ctx = fx.ctx(TUESDAY_10);
    expect(await editEmail(t.db, fx.ws.id, email.id, {}, fakeRender, ctx)).toMatchObject({ ok: false, problem: 'invalid' });
    expect(await editEmail(t.db, fx.ws.id, email.id, { subject: '\r\n\t' }, fakeRender, ctx)).toMatchObject({
      ok: false,
      field: 'subject',
    });
    expect(await editEmail(t.db, fx.ws.id, email.id, { data: [] as unknown as Record<string, unknown> }, fakeRender, ctx)).toMatchObject({
      ok: false,
      field: 'data',
    });
    expect(await editEmail(t.db, fx.ws.id, approved.id, { subject: 'x' }, fakeRender, ctx)).toMatchObject({
      ok: false,
      problem: 'conflict',
      state: 'approved',
    });
    expect(await row(email.id)).toEqual(email);
  });

  it('is a no-op when nothing would change', async () => {
    const fx = await setup('edit-same');
    const email = await draft(fx);
    expect(await editEmail(t.db, fx.ws.id, email.id, { data: { amount: '100 EUR' } }, fakeRender, fx.ctx(TUESDAY_10))).toMatchObject({
      ok: true,
      changed: false,
    });
    expect(await auditFor(email.id)).toEqual([]);
  });
});

describe('safeSubject', () => {
  it('turns every header-breaking character into one space', () => {
    expect(safeSubject(' a\r\nb\u2028c\u0085d\u007fe\tf ')).toBe('a b c d e f');
  });
});

describe('tenant isolation', () => {
  it('an email of another workspace is not found by any action, and stays as it was', async () => {
    const mine = await setup('tenant-mine');
    const theirs = await setup('tenant-theirs');
    const email = await draft(theirs);
    const ctx = mine.ctx(TUESDAY_10);
    const results = [
      await approveEmail(t.db, mine.ws.id, email.id, ctx),
      await rejectEmail(t.db, mine.ws.id, email.id, 'no', ctx),
      await snoozeEmail(t.db, mine.ws.id, email.id, new Date(TUESDAY_10.getTime() + DAY), ctx),
      await editEmail(t.db, mine.ws.id, email.id, { subject: 'mine now' }, fakeRender, ctx),
    ];
    for (const result of results) expect(result).toMatchObject({ ok: false, problem: 'not_found' });
    expect(await row(email.id)).toEqual(email);
    expect(await auditFor(email.id)).toEqual([]);
    const page = await reviewQueue(t.db, mine.ws.id, { now: TUESDAY_10, limit: 10 });
    expect(page.ok && page.items).toEqual([]);
  });
});

/** What the send worker does when the cause is gone: the same conditional write, on its own connection. */
async function cancelAsWorker(db: Database, email: OutgoingEmailRow, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(s.outgoingEmails).where(eq(s.outgoingEmails.id, email.id));
    if (!current || (current.state !== 'pending_review' && current.state !== 'approved')) return false;
    const moved = await tx
      .update(s.outgoingEmails)
      .set({ state: 'cancelled', stateReason: 'invoice paid' })
      .where(and(eq(s.outgoingEmails.id, email.id), eq(s.outgoingEmails.state, current.state)))
      .returning({ id: s.outgoingEmails.id });
    if (moved.length === 0) return false;
    await appendAuditEvent(tx, {
      workspaceId: email.workspaceId,
      actor: 'system:test',
      action: 'email.cancelled',
      subjectType: 'outgoing_email',
      subjectId: email.id,
      occurredAt: now,
    });
    return true;
  });
}

describe('concurrency', () => {
  it('two approvals and a cancellation racing leave one consistent outcome', async () => {
    const fx = await setup('race');
    for (let round = 0; round < 8; round += 1) {
      const email = await draft(fx);
      const [first, second, cancelled] = await Promise.all([
        approveEmail(t.db, fx.ws.id, email.id, fx.ctx(TUESDAY_10)),
        approveEmail(t.db, fx.ws.id, email.id, fx.ctx(TUESDAY_10)),
        cancelAsWorker(t.db, email, TUESDAY_10),
      ]);
      const approvals = [first, second];
      const applied = approvals.filter((r) => r?.ok && r.changed);
      const final = await row(email.id);
      const actions = (await auditFor(email.id)).map((e) => e.action);
      // At most one approval is ever applied, and the audit log tells exactly what happened.
      expect(applied.length).toBeLessThanOrEqual(1);
      expect(actions).toEqual([...(applied.length === 1 ? ['email.approved'] : []), ...(cancelled ? ['email.cancelled'] : [])]);
      if (cancelled) {
        expect(final.state).toBe('cancelled');
        // An approval that came after the cancellation is a conflict naming it.
        for (const r of approvals) if (r && !r.ok) expect(r).toMatchObject({ problem: 'conflict', state: 'cancelled' });
      } else {
        expect(final.state).toBe('approved');
        expect(applied).toHaveLength(1);
        expect(approvals.every((r) => r?.ok)).toBe(true);
      }
    }
    expect(await verifyAuditChain(t.db, fx.ws.id)).toMatchObject({ ok: true });
  });
});
