/**
 * What the ladders read about one client and what they decide (PRODUCT §4). Everything the
 * decision depends on is in `EscalationInput`, `now` included, so a decision can be
 * recomputed from the record and tested on a fake clock.
 */
import type { AskOutcome, InvoiceFacts, WorkingCalendar } from '../analysis';
import type { ClientStatus } from '../client-status';
import type { OutgoingEmailState } from '../outgoing-email-state';
import type { EscalationEmailKind } from './settings';

export type EscalationCause = 'unresponsive' | 'late_payment' | 'controlling';

/** The kinds the ladders draft on their own (termination is the operator's; see terminationPlan). */
export type LadderEmailKind = Exclude<EscalationEmailKind, 'termination'>;

export interface EscalationClient {
  id: string;
  status: ClientStatus;
  /** When the status last changed; a work-paused notice sent before it does not pause again (the operator may have resumed by hand). */
  statusChangedAt?: Date | undefined;
  calendar: WorkingCalendar;
  locale: string;
  /** The operator paused payment reminders for the whole client. */
  remindersPaused?: boolean | undefined;
}

/** An ask as analysis reports it; the ask's id is its message id. Dismissed asks are left out. */
export type EscalationAsk = Pick<AskOutcome, 'messageId' | 'threadId' | 'askedAt' | 'status' | 'answeredAt' | 'pausedUntil' | 'sentence'>;

export interface EscalationInvoice extends InvoiceFacts {
  /** The thread the invoice was sent in, where the reminder replies. */
  threadId?: string | undefined;
  /** The operator paused reminders for this invoice. */
  remindersPaused?: boolean | undefined;
  /** The client disputes the invoice: the ladder stops until the operator settles it. */
  disputed?: boolean | undefined;
  /** A promise to pay by this local date (YYYY-MM-DD), confirmed by the operator: the ladder waits until the day after. */
  promisedPayOn?: string | undefined;
}

/** One control score of the client's history (rollups record one per run). */
export interface ControlSample {
  at: Date;
  score: number;
  /** The thread of the strongest evidence, where the how-we-work-together email can reply. */
  threadId?: string | undefined;
}

/** An outgoing email a ladder drafted earlier. */
export interface LadderEmail {
  id: string;
  kind: LadderEmailKind;
  /** The step it was drafted for (the draft action's stepKey). */
  stepKey: string;
  state: OutgoingEmailState;
  sentAt?: Date | undefined;
  threadId?: string | undefined;
  /** For a firm notice: the asks it was drafted for (the draft's data.askIds). */
  coversAskIds?: readonly string[] | undefined;
}

/** One run of a ladder for one subject (an ask, an invoice, or 'control'), with its emails. */
export interface EscalationRun {
  id: string;
  cause: EscalationCause;
  subjectKey: string;
  status: 'open' | 'resolved' | 'cancelled';
  emails: readonly LadderEmail[];
}

export interface EscalationInput {
  now: Date;
  client: EscalationClient;
  asks: readonly EscalationAsk[];
  invoices: readonly EscalationInvoice[];
  controlScores: readonly ControlSample[];
  runs: readonly EscalationRun[];
}

// ---- actions ----

export interface InvoiceFact {
  invoiceId: string;
  number: string;
  dueOn: string;
  amountMinor: number;
  outstandingMinor: number;
  currency: string;
}

export interface OpenAskFact {
  askId: string;
  threadId: string;
  askedAt: Date;
  sentence?: string | undefined;
}

export type DraftContent =
  | { kind: 'nudge'; data: { ask: OpenAskFact; dueAt: Date; openBusinessDays: number } }
  | { kind: 'firm_notice'; data: { askIds: string[]; openAsks: OpenAskFact[] } }
  | { kind: 'payment_reminder'; data: { invoice: InvoiceFact } }
  | { kind: 'work_paused'; data: { invoice: InvoiceFact; reminderSentAt: Date } }
  | { kind: 'work_resumed'; data: { paidInvoices: InvoiceFact[] } }
  | { kind: 'expectations_reset'; data: { aboveThresholdSince: Date; latestScore: number; threshold: number } };

export type DraftAction = {
  type: 'draft';
  cause: EscalationCause;
  subjectKey: string;
  /** Deterministic name of the ladder step, e.g. `unresponsive:<ask id>:nudge`. */
  stepKey: string;
  /** 1 for the first draft of the step; one more for each earlier draft of it that was cancelled as stale. */
  attempt: number;
  /** The outbox key: the step key, with `#<attempt>` from the second attempt on. */
  idempotencyKey: string;
  threadId?: string | undefined;
  locale: string;
  autoSend: boolean;
} & DraftContent;

export interface CancelDraftAction {
  type: 'cancel_draft';
  outgoingEmailId: string;
  stepKey: string;
  reason: string;
}

export interface SetClientStatusAction {
  type: 'set_client_status';
  status: ClientStatus;
  reason: string;
}

export type AlertKind = 'recommend_ending' | 'payment_drift';

export interface AlertAction {
  type: 'alert';
  kind: AlertKind;
  cause: EscalationCause;
  /** Stable across evaluations: one alert per episode (the alerts table is unique on it). */
  dedupeKey: string;
  message: string;
}

export interface RecheckAction {
  type: 'recheck_at';
  at: Date;
}

export type EscalationAction = DraftAction | CancelDraftAction | SetClientStatusAction | AlertAction | RecheckAction;
