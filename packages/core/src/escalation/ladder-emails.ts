/**
 * The emails the ladders drafted earlier, looked up by step. This is what makes drafting
 * idempotent: a step that has any email other than a cancelled one is taken and never drafted
 * again. A rejected email also takes its step — the operator declined that step, and drafting
 * it again on the next evaluation would overrule them.
 */
import type { EscalationCause, EscalationRun, LadderEmail, LadderEmailKind } from './types';

export interface IndexedEmail extends LadderEmail {
  cause: EscalationCause;
  subjectKey: string;
}

/** States in which a draft can still be withdrawn (the outgoing-email machine allows cancel only there). */
export function isWithdrawable(email: LadderEmail): boolean {
  return email.state === 'pending_review' || email.state === 'approved';
}

export class LadderEmails {
  private readonly byStep = new Map<string, IndexedEmail[]>();
  readonly all: readonly IndexedEmail[];

  constructor(runs: readonly EscalationRun[], withdrawn: ReadonlySet<string> = new Set()) {
    const all: IndexedEmail[] = [];
    for (const run of runs) {
      for (const email of run.emails) {
        // Emails this evaluation cancels are treated as cancelled from here on, so one pass
        // both withdraws a stale draft and drafts what replaces it.
        const state = withdrawn.has(email.id) ? 'cancelled' : email.state;
        all.push({ ...email, state, cause: run.cause, subjectKey: run.subjectKey });
      }
    }
    all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const email of all) {
      const list = this.byStep.get(email.stepKey) ?? [];
      list.push(email);
      this.byStep.set(email.stepKey, list);
    }
    this.all = all;
  }

  isTaken(stepKey: string): boolean {
    return (this.byStep.get(stepKey) ?? []).some((e) => e.state !== 'cancelled');
  }

  /** The attempt number a new draft of this step would carry. */
  nextAttempt(stepKey: string): number {
    return (this.byStep.get(stepKey) ?? []).filter((e) => e.state === 'cancelled').length + 1;
  }

  /** The step's sent email (the earliest, should there ever be two). */
  sent(stepKey: string): IndexedEmail | undefined {
    let found: IndexedEmail | undefined;
    for (const email of this.byStep.get(stepKey) ?? []) {
      if (email.state !== 'sent' || !email.sentAt) continue;
      if (!found || (found.sentAt && email.sentAt < found.sentAt)) found = email;
    }
    return found;
  }

  withdrawable(kinds: readonly LadderEmailKind[]): IndexedEmail[] {
    return this.all.filter((e) => kinds.includes(e.kind) && isWithdrawable(e));
  }

  ofKind(kind: LadderEmailKind): IndexedEmail[] {
    return this.all.filter((e) => e.kind === kind);
  }
}

export function idempotencyKey(stepKey: string, attempt: number): string {
  return attempt <= 1 ? stepKey : `${stepKey}#${attempt}`;
}
