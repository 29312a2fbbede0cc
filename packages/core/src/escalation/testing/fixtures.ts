/** Builders for escalation tests: a client history that can be advanced on a fake clock. */
import type { WorkingCalendar } from '../../analysis';
import { evaluateEscalations } from '../evaluate';
import { defaultEscalationSettings, type EscalationSettings } from '../settings';
import type {
  DraftAction,
  EscalationAction,
  EscalationAsk,
  EscalationInput,
  EscalationInvoice,
  EscalationRun,
  LadderEmail,
} from '../types';

export const budapest: WorkingCalendar = {
  timezone: 'Europe/Budapest',
  workingDays: [1, 2, 3, 4, 5],
  startsAt: '09:00',
  endsAt: '17:00',
  country: 'HU',
};
export const london: WorkingCalendar = {
  timezone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  startsAt: '09:00',
  endsAt: '17:00',
  country: 'GB',
};

export function baseInput(calendar: WorkingCalendar, now: string, locale = 'en'): EscalationInput {
  return {
    now: new Date(now),
    client: { id: 'client-1', status: 'active', calendar, locale },
    asks: [],
    invoices: [],
    controlScores: [],
    runs: [],
  };
}

export function openAsk(id: string, askedAt: string, threadId = `thread-${id}`): EscalationAsk {
  return { messageId: id, threadId, askedAt: new Date(askedAt), status: 'open', sentence: `Could you confirm item ${id}?` };
}

export function invoice(id: string, dueOn: string, amountMinor = 100_000, extra: Partial<EscalationInvoice> = {}): EscalationInvoice {
  return {
    invoiceId: id,
    number: `INV-${id}`,
    issuedOn: dueOn,
    dueOn,
    amountMinor,
    currency: 'HUF',
    payments: [],
    threadId: `thread-${id}`,
    ...extra,
  };
}

let emailCounter = 0;

/**
 * Applies an evaluation's actions to the record as the worker would: drafts become
 * pending_review emails of a run (one per cause and subject), cancels cancel, status changes
 * set the status at `now`. Returns a new input; the old one is untouched.
 */
export function applyActions(input: EscalationInput, actions: readonly EscalationAction[]): EscalationInput {
  const runs: EscalationRun[] = input.runs.map((r) => ({ ...r, emails: r.emails.map((e) => ({ ...e })) }));
  const client = { ...input.client };
  for (const action of actions) {
    if (action.type === 'cancel_draft') {
      for (const run of runs) run.emails = run.emails.map((e) => (e.id === action.outgoingEmailId ? { ...e, state: 'cancelled' } : e));
    } else if (action.type === 'set_client_status') {
      client.status = action.status;
      client.statusChangedAt = input.now;
    } else if (action.type === 'draft') {
      let run = runs.find((r) => r.cause === action.cause && r.subjectKey === action.subjectKey);
      if (!run) {
        run = {
          id: `run-${action.cause}-${action.subjectKey}`,
          cause: action.cause,
          subjectKey: action.subjectKey,
          status: 'open',
          emails: [],
        };
        runs.push(run);
      }
      emailCounter++;
      const email: LadderEmail = {
        id: `email-${String(emailCounter).padStart(5, '0')}`,
        kind: action.kind,
        stepKey: action.stepKey,
        state: 'pending_review',
        threadId: action.threadId,
        coversAskIds: action.kind === 'firm_notice' ? action.data.askIds : undefined,
      };
      run.emails = [...run.emails, email];
    }
  }
  return { ...input, client, runs };
}

/** Marks every pending or approved email of the given kinds as sent at `now` (the operator approved, the send went out). */
export function sendPending(input: EscalationInput, kinds?: readonly LadderEmail['kind'][]): EscalationInput {
  return {
    ...input,
    runs: input.runs.map((r) => ({
      ...r,
      emails: r.emails.map((e) =>
        (e.state === 'pending_review' || e.state === 'approved') && (!kinds || kinds.includes(e.kind))
          ? { ...e, state: 'sent', sentAt: input.now }
          : e,
      ),
    })),
  };
}

export function emailsOf(input: EscalationInput): LadderEmail[] {
  return input.runs.flatMap((r) => r.emails);
}

export function drafts(actions: readonly EscalationAction[]): DraftAction[] {
  return actions.filter((a): a is DraftAction => a.type === 'draft');
}

/** A fake-clock scenario: evaluate, apply, move the clock; keeps the record between steps. */
export class Scenario {
  constructor(
    public input: EscalationInput,
    readonly settings: EscalationSettings = defaultEscalationSettings,
  ) {}

  at(now: string): this {
    this.input = { ...this.input, now: new Date(now) };
    return this;
  }

  /** Evaluate at the current time and apply the result; returns the actions. */
  step(): EscalationAction[] {
    const actions = evaluateEscalations(this.input, this.settings);
    this.input = applyActions(this.input, actions);
    return actions;
  }

  send(kinds?: readonly LadderEmail['kind'][]): this {
    this.input = sendPending(this.input, kinds);
    return this;
  }

  update(change: (input: EscalationInput) => EscalationInput): this {
    this.input = change(this.input);
    return this;
  }

  recheckAt(actions: readonly EscalationAction[]): string | undefined {
    const recheck = actions.find((a) => a.type === 'recheck_at');
    return recheck?.type === 'recheck_at' ? recheck.at.toISOString() : undefined;
  }
}
