import type { EmailKind } from './api/types';

const KIND_LABELS: Record<EmailKind, string> = {
  nudge: 'Nudge',
  firm_notice: 'Firm notice',
  payment_reminder: 'Payment reminder',
  work_paused: 'Work paused',
  work_resumed: 'Work resumed',
  expectations_reset: 'How we work together',
  termination: 'Termination',
  closing_report: 'Closing report',
  custom: 'Custom',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind as EmailKind] ?? kind.replaceAll('_', ' ');
}

/** "45 s", "12 min", "5 h", "3 d": how long a draft has waited. */
export function age(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400 * 2) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** A calendar day (YYYY-MM-DD) as the reader writes dates; a day has no time zone, so it is formatted as UTC. */
export function day(calendarDay: string | null | undefined): string {
  if (!calendarDay) return '—';
  const date = new Date(`${calendarDay}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? calendarDay : dateOnly.format(date);
}

/** Bigint minor units (a decimal string) as an amount in its currency, without floating-point rounding of large sums. */
export function money(minor: string, currency: string): string {
  const digits = new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const negative = minor.startsWith('-');
  const unsigned = (negative ? minor.slice(1) : minor).padStart(digits + 1, '0');
  const whole = unsigned.slice(0, unsigned.length - digits);
  const fraction = digits > 0 ? `.${unsigned.slice(unsigned.length - digits)}` : '';
  try {
    // Intl formats decimal strings exactly (no Number conversion).
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(
      `${negative ? '-' : ''}${whole}${fraction}` as `${number}`,
    );
  } catch {
    return `${negative ? '-' : ''}${whole}${fraction} ${currency}`;
  }
}

export function hours(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? `${value.toFixed(1)} h` : '—';
}

export function percent(share: unknown): string {
  return typeof share === 'number' && Number.isFinite(share) ? `${Math.round(share * 100)} %` : '—';
}
