/**
 * Deterministic client records for `bench:escalate`: what PostgreSQL would hold for 10,000
 * clients at one instant, each with a step of some ladder due (or a wake-up ahead). Histories
 * are not written by hand: each client is walked through its past on a fake clock by the real
 * ladders (draft, then "the operator approved and it was sent"), so the runs, step keys and sent
 * times are the ones the worker would have stored. Building them is setup, not measured.
 */
import {
  type BusinessCalendar,
  businessCalendar,
  type ControlSample,
  type EscalationAsk,
  type EscalationInput,
  type EscalationInvoice,
  type EscalationSettings,
  evaluateEscalations,
  type WorkingCalendar,
} from '@firmly/core';
// The scenario helpers of the ladders' own tests: they apply actions exactly as the worker does.
import { applyActions, sendPending } from '../../packages/core/src/escalation/testing/fixtures';

const DAY = 86_400_000;

export const benchCalendars = {
  budapest: { timezone: 'Europe/Budapest', workingDays: [1, 2, 3, 4, 5], startsAt: '09:00', endsAt: '17:00', country: 'HU' },
  london: { timezone: 'Europe/London', workingDays: [1, 2, 3, 4, 5], startsAt: '09:00', endsAt: '17:00', country: 'GB' },
} as const satisfies Record<string, WorkingCalendar>;

export type CalendarName = keyof typeof benchCalendars;

/** The situations a client can be in; the builder cycles through them so every ladder step occurs. */
export const clientProfiles = [
  'healthy',
  'nudge_due',
  'firm_notice_due',
  'payment_reminder_due',
  'work_paused_due',
  'work_paused_sent',
  'paid_while_paused',
  'controlling',
  'answered_after_nudge_draft',
  'disputed_or_promised',
  'nothing_due_yet',
  'several_ladders',
] as const;

export type ClientProfileName = (typeof clientProfiles)[number];

export interface BenchClient {
  profile: ClientProfileName;
  calendarName: CalendarName;
  input: EscalationInput;
}

/** A small seeded generator (mulberry32), so the same index always gives the same client. */
function seeded(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * below);
  };
}

const isoDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

class ClientHistory {
  input: EscalationInput;

  constructor(
    id: string,
    calendarName: CalendarName,
    private readonly calendar: BusinessCalendar,
    private readonly settings: EscalationSettings,
  ) {
    this.input = {
      now: new Date(0),
      client: { id, status: 'active', calendar: benchCalendars[calendarName], locale: calendarName === 'budapest' ? 'hu' : 'en' },
      asks: [],
      invoices: [],
      controlScores: [],
      runs: [],
    };
  }

  /** The ladders run at `at` and their actions are stored; with `send`, every pending draft then goes out. */
  evaluateAt(at: number, send = false): this {
    this.input = { ...this.input, now: new Date(at) };
    this.input = applyActions(this.input, evaluateEscalations(this.input, this.settings, { calendar: this.calendar }));
    if (send) this.input = sendPending(this.input);
    return this;
  }

  with(change: Partial<Pick<EscalationInput, 'asks' | 'invoices' | 'controlScores'>>): this {
    this.input = { ...this.input, ...change };
    return this;
  }
}

function ask(clientId: string, n: number, askedAt: number): EscalationAsk {
  const id = `${clientId}-ask-${n}`;
  return {
    messageId: id,
    threadId: `${clientId}-thread-${n}`,
    askedAt: new Date(askedAt),
    status: 'open',
    sentence: `Could you confirm item ${n}?`,
  };
}

function invoice(clientId: string, n: number, dueAt: number, extra: Partial<EscalationInvoice> = {}): EscalationInvoice {
  const dueOn = isoDay(dueAt);
  return {
    invoiceId: `${clientId}-inv-${n}`,
    number: `INV-${clientId}-${n}`,
    issuedOn: isoDay(dueAt - 14 * DAY),
    dueOn,
    amountMinor: 150_000 + n * 25_000,
    currency: 'HUF',
    payments: [],
    threadId: `${clientId}-invoice-thread-${n}`,
    ...extra,
  };
}

function paidOnTime(clientId: string, n: number, dueAt: number): EscalationInvoice {
  const base = invoice(clientId, n, dueAt);
  return { ...base, payments: [{ paidOn: base.dueOn, amountMinor: base.amountMinor }] };
}

function controlScores(from: number, to: number, low: number, spread: number, random: (below: number) => number): ControlSample[] {
  const samples: ControlSample[] = [];
  for (let at = from; at <= to; at += 2 * DAY) samples.push({ at: new Date(at), score: low + random(spread), threadId: 'control-thread' });
  return samples;
}

/** One client in the given profile, its history replayed up to (not including) `now`. */
function buildClient(
  index: number,
  now: number,
  settings: EscalationSettings,
  calendars: Record<CalendarName, BusinessCalendar>,
): BenchClient {
  const profile = clientProfiles[index % clientProfiles.length] ?? 'healthy';
  const calendarName: CalendarName = Math.floor(index / clientProfiles.length) % 2 === 0 ? 'budapest' : 'london';
  const random = seeded(index + 1);
  const id = `c${index}`;
  const history = new ClientHistory(id, calendarName, calendars[calendarName], settings);
  // Whole days back from `now`, so history steps fall in working hours in both zones.
  const daysAgo = (days: number) => now - days * DAY;
  const paidHistory = [paidOnTime(id, 90, daysAgo(60)), paidOnTime(id, 91, daysAgo(30))];

  switch (profile) {
    case 'healthy': {
      const answered = { ...ask(id, 1, daysAgo(4)), status: 'answered' as const, answeredAt: new Date(daysAgo(3)) };
      history.with({ asks: [answered], invoices: paidHistory, controlScores: controlScores(daysAgo(30), daysAgo(1), 10, 30, random) });
      break;
    }
    case 'nudge_due':
      history.with({
        asks: Array.from({ length: 1 + random(3) }, (_, n) => ask(id, n, daysAgo(5 + n + random(2)))),
        invoices: paidHistory,
      });
      break;
    case 'firm_notice_due': {
      const askedAt = daysAgo(9 + random(3));
      history.with({ asks: [ask(id, 1, askedAt), ask(id, 2, askedAt + DAY)] }).evaluateAt(askedAt + 5 * DAY, true);
      break;
    }
    case 'payment_reminder_due':
      history.with({ invoices: [...paidHistory, invoice(id, 1, daysAgo(3 + random(10)))] });
      break;
    case 'work_paused_due': {
      const dueAt = daysAgo(12 + random(6));
      history.with({ invoices: [...paidHistory, invoice(id, 1, dueAt)] }).evaluateAt(dueAt + 2 * DAY, true);
      break;
    }
    case 'work_paused_sent': {
      const dueAt = daysAgo(18 + random(4));
      history
        .with({ invoices: [...paidHistory, invoice(id, 1, dueAt)] })
        .evaluateAt(dueAt + 2 * DAY, true)
        .evaluateAt(dueAt + 9 * DAY, true);
      break;
    }
    case 'paid_while_paused': {
      const dueAt = daysAgo(22 + random(4));
      const owed = invoice(id, 1, dueAt);
      history
        .with({ invoices: [...paidHistory, owed] })
        .evaluateAt(dueAt + 2 * DAY, true)
        .evaluateAt(dueAt + 9 * DAY, true)
        .evaluateAt(dueAt + 10 * DAY) // the sent notice pauses the client
        .with({ invoices: [...paidHistory, { ...owed, payments: [{ paidOn: isoDay(daysAgo(1)), amountMinor: owed.amountMinor }] }] });
      break;
    }
    case 'controlling':
      history.with({ invoices: paidHistory, controlScores: controlScores(daysAgo(16 + random(14)), daysAgo(1), 55, 30, random) });
      break;
    case 'answered_after_nudge_draft': {
      const open = ask(id, 1, daysAgo(7));
      history
        .with({ asks: [open] })
        .evaluateAt(daysAgo(2))
        .with({ asks: [{ ...open, status: 'answered', answeredAt: new Date(daysAgo(1)) }] });
      break;
    }
    case 'disputed_or_promised':
      history.with({
        invoices: [
          ...paidHistory,
          invoice(id, 1, daysAgo(10), { disputed: true }),
          invoice(id, 2, daysAgo(8), { promisedPayOn: isoDay(now + (1 + random(5)) * DAY) }),
        ],
      });
      break;
    case 'nothing_due_yet':
      history.with({
        asks: [ask(id, 1, now - 3_600_000)],
        invoices: [...paidHistory, invoice(id, 1, now + (3 + random(20)) * DAY)],
        controlScores: controlScores(daysAgo(6), daysAgo(1), 55, 30, random),
      });
      break;
    case 'several_ladders':
      history.with({
        asks: [ask(id, 1, daysAgo(6)), ask(id, 2, now - 3_600_000)],
        invoices: [...paidHistory, invoice(id, 1, daysAgo(5))],
        controlScores: controlScores(daysAgo(20), daysAgo(1), 60, 20, random),
      });
      break;
  }
  history.input = { ...history.input, now: new Date(now) };
  return { profile, calendarName, input: history.input };
}

export function benchClients(
  count: number,
  now: Date,
  settings: EscalationSettings,
  calendars: Record<CalendarName, BusinessCalendar>,
): BenchClient[] {
  return Array.from({ length: count }, (_, index) => buildClient(index, now.getTime(), settings, calendars));
}

/** One calendar view per working calendar, shared by every client on it (it caches holiday years). */
export function sharedCalendars(): Record<CalendarName, BusinessCalendar> {
  return { budapest: businessCalendar(benchCalendars.budapest), london: businessCalendar(benchCalendars.london) };
}
