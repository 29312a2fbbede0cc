/**
 * When an invoice is due, from the contract's payment terms (PRODUCT §2.3, §4.2).
 *
 * Two rules cover the contracts we see: "day N of the month" (retainers billed on
 * the 1st) and "net N" (N calendar days after issue). Dates are calendar dates
 * (`YYYY-MM-DD`) in the client's own timezone, so no clock or zone is involved here.
 */
export type DueRule = { kind: 'day_of_month'; day: number } | { kind: 'net_days'; days: number };

export interface PaymentTerms {
  dueRule: DueRule;
  /** Days after the due date before a payment counts as late (default 1). */
  graceDays: number;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDueRule(text: string): DueRule | { error: string } {
  const normalised = text.trim().toLowerCase();
  const net = /^net\s*(\d{1,3})$/.exec(normalised);
  if (net?.[1] !== undefined) {
    const days = Number(net[1]);
    return days <= 365 ? { kind: 'net_days', days } : { error: 'net days must be between 0 and 365' };
  }
  const dom = /^day\s+(\d{1,2})\s+of\s+the\s+month$/.exec(normalised);
  if (dom?.[1] !== undefined) {
    const day = Number(dom[1]);
    return day >= 1 && day <= 31 ? { kind: 'day_of_month', day } : { error: 'day of month must be between 1 and 31' };
  }
  return { error: 'expected "net N" or "day N of the month"' };
}

export function formatDueRule(rule: DueRule): string {
  return rule.kind === 'net_days' ? `net ${rule.days}` : `day ${rule.day} of the month`;
}

function parseIsoDate(date: string): { y: number; m: number; d: number } {
  const match = isoDate.exec(date);
  if (!match) throw new RangeError(`expected a YYYY-MM-DD date, got "${date}"`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date: "${date}"`);
  }
  return { y, m, d };
}

function toIsoDate(utc: Date): string {
  return utc.toISOString().slice(0, 10);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = parseIsoDate(date);
  return toIsoDate(new Date(Date.UTC(y, m - 1, d + days)));
}

/**
 * The due date of an invoice issued on `issuedOn`.
 * "day N of the month" means the next day N on or after the issue date; a month
 * shorter than N is clamped to its last day (day 31 in February is the 28th/29th).
 */
export function dueDate(rule: DueRule, issuedOn: string): string {
  if (rule.kind === 'net_days') return addDays(issuedOn, rule.days);
  const { y, m, d } = parseIsoDate(issuedOn);
  const inMonth = (year: number, month: number) => Math.min(rule.day, daysInMonth(year, month));
  if (d <= inMonth(y, m)) return toIsoDate(new Date(Date.UTC(y, m - 1, inMonth(y, m))));
  const next = new Date(Date.UTC(y, m, 1));
  const ny = next.getUTCFullYear();
  const nm = next.getUTCMonth() + 1;
  return toIsoDate(new Date(Date.UTC(ny, nm - 1, inMonth(ny, nm))));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

/** An invoice is late once today is past the due date plus the grace days. */
export function isLate(terms: PaymentTerms, dueOn: string, today: string): boolean {
  return daysBetween(dueOn, today) > terms.graceDays;
}
