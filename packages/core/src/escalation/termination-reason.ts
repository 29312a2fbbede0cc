/**
 * The reason in the termination letter (PRODUCT §2.4: "we cannot meet your needs because you
 * failed to ____"), filled from the documented incidents, in the client's language. Each kind
 * of incident has one clause; counts and the latest date keep it specific rather than vague.
 */
import type { IncidentKind } from '../analysis';

export type ReasonLocale = 'en' | 'hu';

export interface ReasonFailure {
  kind: IncidentKind;
  count: number;
  /** Local date (client's zone) of the latest incident of this kind. */
  lastOn: string;
}

const clauses: Record<IncidentKind, Record<ReasonLocale, string>> = {
  missed_feedback_deadline: {
    en: 'answer our questions and give feedback in time',
    hu: 'időben válaszolni a kérdéseinkre és visszajelzést adni',
  },
  late_payment: {
    en: 'pay the invoices by the agreed due date',
    hu: 'a számlákat a megállapodott határidőig kifizetni',
  },
  control_episode: {
    en: 'let us work in the agreed way, without approving every single item first',
    hu: 'a megbeszélt módon dolgozni velünk, anélkül hogy minden egyes elemet előbb jóvá kellene hagyni',
  },
  abusive_message: {
    en: 'keep our correspondence respectful',
    hu: 'tisztelettudó hangnemben levelezni velünk',
  },
};

function joinList(parts: readonly string[], locale: ReasonLocale): string {
  const and = locale === 'hu' ? ' és ' : ' and ';
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')}${and}${parts[parts.length - 1]}`;
}

function occasions(failure: ReasonFailure, locale: ReasonLocale): string {
  if (locale === 'hu') return `(${failure.count} alkalommal, legutóbb: ${failure.lastOn})`;
  return `(${failure.count === 1 ? 'once' : `${failure.count} times`}, most recently on ${failure.lastOn})`;
}

/**
 * What completes the letter's own "I cannot meet your needs because …" ("… mert …"): "it was
 * not possible for you to pay the invoices by the agreed due date (3 times, …)". Empty when no
 * incident of a stated kind was documented.
 */
export function terminationReasonClause(failures: readonly ReasonFailure[], locale: ReasonLocale): string {
  if (failures.length === 0) return '';
  const parts = joinList(
    failures.map((f) => `${clauses[f.kind][locale]} ${occasions(f, locale)}`),
    locale,
  );
  return locale === 'hu' ? `nem sikerült ${parts}` : `it was not possible for you to ${parts}`;
}

/** The reason as a sentence of its own; empty when no incident was documented (the operator then writes the reason). */
export function terminationReasonText(failures: readonly ReasonFailure[], locale: ReasonLocale): string {
  const clause = terminationReasonClause(failures, locale);
  if (clause === '') return '';
  return locale === 'hu'
    ? `Sajnos nem tudjuk tovább az Ön igényeinek megfelelően ellátni a munkát, mert ${clause}.`
    : `Unfortunately we can no longer meet your needs, because ${clause}.`;
}

export function reasonLocaleOf(locale: string): ReasonLocale {
  return locale.toLowerCase().startsWith('hu') ? 'hu' : 'en';
}
