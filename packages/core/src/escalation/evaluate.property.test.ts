/**
 * The ladders' invariants over generated client histories: a world of asks, invoices,
 * payments, disputes, promises and control scores is replayed on a fake clock; at every step
 * the record is evaluated, the actions applied as the worker would, and the operator sends or
 * rejects what is waiting. Each evaluation is checked against the rules of PRODUCT §4 / issue 5.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, businessCalendar } from '../analysis';
import type { ClientStatus } from '../client-status';
import { evaluateEscalations } from './evaluate';
import { defaultEscalationSettings } from './settings';
import { applyActions, budapest, london, sendPending } from './testing/fixtures';
import type { DraftAction, EscalationAction, EscalationClient, EscalationInput, EscalationRun } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const origin = Date.parse('2025-01-06T07:00:00.000Z');
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const askArb = fc.record({
  askedHour: fc.integer({ min: 0, max: 40 * 24 }),
  answerAfterHours: fc.option(fc.integer({ min: 1, max: 30 * 24 }), { nil: undefined }),
  awayHours: fc.option(fc.integer({ min: 1, max: 10 * 24 }), { nil: undefined }),
  thread: fc.constantFrom('t1', 't2'),
});

const invoiceArb = fc.record({
  dueDay: fc.integer({ min: -10, max: 35 }),
  amount: fc.constantFrom(1000, 5000),
  /** Days after the due date. */
  payments: fc.array(fc.record({ afterDue: fc.integer({ min: -5, max: 40 }), amount: fc.constantFrom(500, 1000, 5000) }), { maxLength: 2 }),
  disputedFromDay: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  promise: fc.option(fc.record({ fromDay: fc.integer({ min: 0, max: 60 }), untilDay: fc.integer({ min: 0, max: 70 }) }), {
    nil: undefined,
  }),
  remindersPaused: fc.constantFrom(false, false, false, false, true),
});

/** Runs of days at one score, so that sustained episodes (and their ends) actually occur. */
const scoresArb = fc
  .array(fc.record({ days: fc.integer({ min: 1, max: 25 }), score: fc.constantFrom(20, 45, 55, 70, 90) }), { maxLength: 5 })
  .map((runs) => runs.flatMap((r) => Array.from({ length: r.days }, () => r.score)));

const operatorArb = fc.oneof(
  { arbitrary: fc.constant('send' as const), weight: 6 },
  { arbitrary: fc.constant('none' as const), weight: 4 },
  { arbitrary: fc.constant('reject' as const), weight: 1 },
  { arbitrary: fc.constant('offboard' as const), weight: 1 },
  { arbitrary: fc.constant('former' as const), weight: 1 },
);

const worldArb = fc.record({
  london: fc.boolean(),
  startDay: fc.integer({ min: 0, max: 150 }),
  asks: fc.array(askArb, { maxLength: 4 }),
  invoices: fc.array(invoiceArb, { maxLength: 3 }),
  scores: scoresArb,
  clientRemindersPaused: fc.constantFrom(false, false, false, false, true),
  steps: fc.array(
    fc.record({
      advanceHours: fc.integer({ min: 1, max: 72 }),
      operator: operatorArb,
    }),
    { minLength: 1, maxLength: 40 },
  ),
});
type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;

function inputAt(world: World, now: number, client: EscalationClient, runs: readonly EscalationRun[]): EscalationInput {
  const base = origin + world.startDay * DAY;
  const asks = world.asks
    .map((a, i) => ({ ...a, id: `ask-${i}`, askedAt: base + a.askedHour * HOUR }))
    .filter((a) => a.askedAt <= now)
    .map((a) => {
      const answeredAt = a.answerAfterHours === undefined ? undefined : a.askedAt + a.answerAfterHours * HOUR;
      const answered = answeredAt !== undefined && answeredAt <= now;
      return {
        messageId: a.id,
        threadId: a.thread,
        askedAt: new Date(a.askedAt),
        status: answered ? ('answered' as const) : ('open' as const),
        answeredAt: answered ? new Date(answeredAt) : undefined,
        pausedUntil: a.awayHours === undefined ? undefined : new Date(a.askedAt + a.awayHours * HOUR),
      };
    });
  const invoices = world.invoices.map((inv, i) => ({
    invoiceId: `inv-${i}`,
    number: `N-${i}`,
    issuedOn: dateOf(base + (inv.dueDay - 15) * DAY),
    dueOn: dateOf(base + inv.dueDay * DAY),
    amountMinor: inv.amount,
    currency: 'EUR',
    threadId: `inv-thread-${i}`,
    payments: inv.payments
      .map((p) => base + (inv.dueDay + p.afterDue) * DAY)
      .flatMap((at, j) => (at <= now ? [{ paidOn: dateOf(at), amountMinor: inv.payments[j]?.amount ?? 0 }] : [])),
    disputed: inv.disputedFromDay !== undefined && base + inv.disputedFromDay * DAY <= now,
    promisedPayOn: inv.promise && base + inv.promise.fromDay * DAY <= now ? dateOf(base + inv.promise.untilDay * DAY) : undefined,
    remindersPaused: inv.remindersPaused,
  }));
  const controlScores = world.scores.map((score, d) => ({ at: new Date(base + d * DAY), score }));
  return { now: new Date(now), client, asks, invoices, controlScores, runs };
}

/** The same record with every list in reverse order (runs and each run's emails too). */
function reordered(input: EscalationInput): EscalationInput {
  return {
    ...input,
    asks: [...input.asks].reverse(),
    invoices: [...input.invoices].reverse().map((i) => ({ ...i, payments: [...i.payments].reverse() })),
    controlScores: [...input.controlScores].reverse(),
    runs: [...input.runs].reverse().map((r) => ({ ...r, emails: [...r.emails].reverse() })),
  };
}

function drafts(actions: readonly EscalationAction[]): DraftAction[] {
  return actions.filter((a): a is DraftAction => a.type === 'draft');
}

function checkInvariants(input: EscalationInput, actions: EscalationAction[], calendar: BusinessCalendar): void {
  const settings = defaultEscalationSettings;
  const now = input.now;
  const emails = input.runs.flatMap((r) => r.emails);
  const today = calendar.localDate(now);
  const newDrafts = drafts(actions);

  // Never two drafts for the same step.
  expect(new Set(newDrafts.map((d) => d.stepKey)).size).toBe(newDrafts.length);
  for (const d of newDrafts) {
    const live = emails.filter((e) => e.stepKey === d.stepKey && e.state !== 'cancelled');
    expect(live, `step ${d.stepKey} drafted again`).toEqual([]);
    expect(d.idempotencyKey).toBe(d.attempt === 1 ? d.stepKey : `${d.stepKey}#${d.attempt}`);
  }

  for (const d of newDrafts) {
    if (d.kind === 'payment_reminder' || d.kind === 'work_paused') {
      const invoice = input.invoices.find((i) => i.invoiceId === d.subjectKey);
      expect(invoice).toBeDefined();
      if (!invoice) continue;
      const paid = invoice.payments.filter((p) => p.paidOn <= today).reduce((sum, p) => sum + p.amountMinor, 0);
      expect(paid, 'payment email for a paid invoice').toBeLessThan(invoice.amountMinor);
      expect(invoice.disputed, 'payment email for a disputed invoice').toBe(false);
      expect(invoice.remindersPaused || input.client.remindersPaused, 'payment email while reminders are paused').toBeFalsy();
      if (invoice.promisedPayOn) expect(invoice.promisedPayOn < today, 'payment email before the promised date passed').toBe(true);
    }
    if (d.kind === 'nudge' || d.kind === 'firm_notice') {
      const askIds = d.kind === 'nudge' ? [d.data.ask.askId] : d.data.askIds;
      for (const id of askIds) {
        expect(input.asks.find((a) => a.messageId === id)?.status, `${d.kind} for an answered ask`).toBe('open');
      }
      // As the evaluation leaves the client: a payment that resumes work resumes the other ladders in the same evaluation.
      const statusChange = [...actions].reverse().find((a) => a.type === 'set_client_status');
      const statusAfter = statusChange?.type === 'set_client_status' ? statusChange.status : input.client.status;
      expect(statusAfter, `${d.kind} while the client is ${statusAfter}`).toBe('active');
    }
    // Never a harsher step before the gentler one was sent.
    if (d.kind === 'firm_notice') {
      for (const id of d.data.askIds) {
        const nudge = emails.find((e) => e.stepKey === `unresponsive:${id}:nudge` && e.state === 'sent');
        expect(nudge?.sentAt, `firm notice for ${id} before its nudge was sent`).toBeDefined();
      }
    }
    if (d.kind === 'work_paused') {
      const reminder = emails.find((e) => e.stepKey === `late_payment:${d.subjectKey}:payment_reminder` && e.state === 'sent');
      expect(reminder?.sentAt, 'work paused before the reminder was sent').toBeDefined();
      if (reminder?.sentAt) {
        expect(calendar.millisBetween(reminder.sentAt, now)).toBeGreaterThanOrEqual(
          settings.workPausedAfterBusinessDays * calendar.workingDayMillis,
        );
      }
    }
  }

  for (const a of actions) {
    if (a.type === 'recheck_at') expect(a.at.getTime()).toBeGreaterThan(now.getTime());
    if (a.type === 'cancel_draft') {
      const email = emails.find((e) => e.id === a.outgoingEmailId);
      expect(email?.state === 'pending_review' || email?.state === 'approved', 'cancelled an email that cannot be withdrawn').toBe(true);
    }
  }
}

describe('evaluateEscalations over generated histories', () => {
  it('keeps every ladder invariant, is idempotent, and ignores input order', () => {
    const calendars = { london: businessCalendar(london), budapest: businessCalendar(budapest) };
    fc.assert(
      fc.property(worldArb, (world) => {
        const calendar = world.london ? calendars.london : calendars.budapest;
        let client: EscalationClient = {
          id: 'c',
          status: 'active',
          calendar: world.london ? london : budapest,
          locale: world.london ? 'en' : 'hu',
          remindersPaused: world.clientRemindersPaused,
        };
        let runs: readonly EscalationRun[] = [];
        let now = origin + world.startDay * DAY;
        for (const step of world.steps) {
          now += step.advanceHours * HOUR;
          const input = inputAt(world, now, client, runs);
          const actions = evaluateEscalations(input, defaultEscalationSettings, { calendar });
          checkInvariants(input, actions, calendar);
          expect(evaluateEscalations(reordered(input), defaultEscalationSettings, { calendar })).toEqual(actions);

          const applied = applyActions(input, actions);
          const again = evaluateEscalations(applied, defaultEscalationSettings, { calendar });
          expect(
            again.filter((a) => a.type !== 'alert' && a.type !== 'recheck_at'),
            'second evaluation changed something',
          ).toEqual([]);

          let next = applied;
          if (step.operator === 'send') next = sendPending(next);
          if (step.operator === 'reject') {
            const first = next.runs.flatMap((r) => r.emails).find((e) => e.state === 'pending_review');
            next = {
              ...next,
              runs: next.runs.map((r) => ({
                ...r,
                emails: r.emails.map((e) => (e.id === first?.id ? { ...e, state: 'rejected' as const } : e)),
              })),
            };
          }
          const target: ClientStatus | undefined =
            step.operator === 'offboard' ? 'offboarding' : step.operator === 'former' ? 'former' : undefined;
          client =
            target && next.client.status !== 'former' ? { ...next.client, status: target, statusChangedAt: new Date(now) } : next.client;
          runs = next.runs;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('withdraws every pending draft of a former client and proposes nothing else', () => {
    const input: EscalationInput = {
      now: new Date('2025-05-05T10:00:00.000Z'),
      client: { id: 'c', status: 'former', calendar: london, locale: 'en' },
      asks: [{ messageId: 'a', threadId: 't', askedAt: new Date('2025-04-01T10:00:00.000Z'), status: 'open' }],
      invoices: [],
      controlScores: [],
      runs: [
        {
          id: 'r',
          cause: 'unresponsive',
          subjectKey: 'a',
          status: 'open',
          emails: [
            { id: 'e1', kind: 'nudge', stepKey: 'unresponsive:a:nudge', state: 'sent', sentAt: new Date('2025-04-04T10:00:00.000Z') },
            { id: 'e2', kind: 'firm_notice', stepKey: 'unresponsive:a:firm_notice', state: 'approved' },
          ],
        },
      ],
    };
    expect(evaluateEscalations(input, defaultEscalationSettings)).toEqual([
      { type: 'cancel_draft', outgoingEmailId: 'e2', stepKey: 'unresponsive:a:firm_notice', reason: 'no longer a client' },
    ]);
  });
});
