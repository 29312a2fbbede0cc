/** What every ladder reads: the input, the settings, the client's calendar and the emails so far. */
import type { BusinessCalendar } from '../analysis';
import type { ClientStatus } from '../client-status';
import { idempotencyKey, type LadderEmails } from './ladder-emails';
import type { EscalationSettings } from './settings';
import type { AlertAction, DraftAction, DraftContent, EscalationCause, EscalationInput } from './types';

export interface LadderContext {
  input: EscalationInput;
  now: Date;
  settings: EscalationSettings;
  calendar: BusinessCalendar;
  /** The client's local date at `now`. */
  today: string;
  emails: LadderEmails;
  /** The client's status once this evaluation's own status change is applied. */
  status: ClientStatus;
}

/** What a ladder contributes: its actions, and the future instants at which its answer could change. */
export interface LadderOutcome {
  actions: DraftAction[];
  alerts: AlertAction[];
  wakeups: Date[];
}

export function draft(
  context: LadderContext,
  step: { cause: EscalationCause; subjectKey: string; stepKey: string; threadId?: string | undefined },
  content: DraftContent,
): DraftAction {
  const attempt = context.emails.nextAttempt(step.stepKey);
  return {
    type: 'draft',
    ...step,
    attempt,
    idempotencyKey: idempotencyKey(step.stepKey, attempt),
    locale: context.input.client.locale,
    autoSend: context.settings.autoSend[content.kind],
    ...content,
  };
}

export const DAY_MS = 86_400_000;

export function laterOf(a: Date, b: Date | undefined): Date {
  return b && b > a ? b : a;
}
