/**
 * How a client pays (PRODUCT §2.3, §3 "Payment behaviour", §4.2): days late per invoice,
 * the drift across billing cycles, what is overdue now, and a rating with its reasons.
 *
 * Days are calendar days, as the contract's payment terms are (payment-terms.ts): an
 * invoice due on the 1st and paid on the 4th is 3 days late, weekends included. An invoice
 * counts as paid on the day its payments (up to `today`) add up to its amount, so partial
 * payments do not stop the clock. The result never depends on the order of the input.
 */
import { civilDaysBetween, parseIsoDate } from '../dates/calendar';
import { formatMinor } from './money-text';
import type { InvoiceFacts, InvoiceLateness, PaymentBehaviour, PaymentRating } from './types';

/** Cycles the drift is measured over (PRODUCT §4.2 speaks of the last 3; the slope uses up to 4). */
const RECENT_CYCLES = 4;
const DRIFT_CYCLES = 3;
/** PRODUCT §4.2: more than 2 days per cycle is drifting. */
const DRIFT_DAYS_PER_CYCLE = 2;
/** Overdue longer than this, or this late on every recent cycle, is unreliable. */
const UNRELIABLE_OVERDUE_DAYS = 30;
const UNRELIABLE_LATE_DAYS = 14;

interface Evaluated extends InvoiceLateness {
  issuedOn: string;
  currency: string;
  amountMinor: number;
}

function days(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return a && b ? civilDaysBetween(a, b) : 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function evaluate(invoice: InvoiceFacts, today: string, graceDays: number): Evaluated {
  const payments = invoice.payments
    .filter((p) => parseIsoDate(p.paidOn) !== undefined && Number.isFinite(p.amountMinor) && p.paidOn <= today)
    .sort((a, b) => compareText(a.paidOn, b.paidOn) || a.amountMinor - b.amountMinor);
  let cumulative = 0;
  let paidOn: string | undefined = invoice.amountMinor <= 0 ? invoice.issuedOn : undefined;
  for (const payment of payments) {
    cumulative += payment.amountMinor;
    if (paidOn === undefined && cumulative >= invoice.amountMinor) paidOn = payment.paidOn;
  }
  const outstandingMinor = Math.max(0, invoice.amountMinor - cumulative);
  const base = {
    invoiceId: invoice.invoiceId,
    number: invoice.number,
    dueOn: invoice.dueOn,
    issuedOn: invoice.issuedOn,
    currency: invoice.currency,
    amountMinor: invoice.amountMinor,
  };
  if (paidOn !== undefined) {
    return { ...base, paidOn, daysLate: Math.max(0, days(invoice.dueOn, paidOn)), outstandingMinor: 0, overdue: false };
  }
  const pastDue = days(invoice.dueOn, today);
  return { ...base, daysLate: Math.max(0, pastDue), outstandingMinor, overdue: pastDue > graceDays };
}

function isUsable(invoice: InvoiceFacts): boolean {
  return (
    parseIsoDate(invoice.issuedOn) !== undefined &&
    parseIsoDate(invoice.dueOn) !== undefined &&
    Number.isFinite(invoice.amountMinor) &&
    Array.isArray(invoice.payments)
  );
}

/** A total order on invoices, so that input order cannot change the result. */
function byCycle(a: Evaluated, b: Evaluated): number {
  return (
    compareText(a.dueOn, b.dueOn) ||
    compareText(a.issuedOn, b.issuedOn) ||
    compareText(a.number, b.number) ||
    compareText(a.invoiceId, b.invoiceId) ||
    a.amountMinor - b.amountMinor ||
    compareText(a.currency, b.currency) ||
    compareText(a.paidOn ?? '', b.paidOn ?? '') ||
    a.outstandingMinor - b.outstandingMinor
  );
}

/** Least-squares slope of y over x = 0, 1, 2, …, rounded to hundredths of a day. */
export function slope(values: readonly number[]): number {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, v) => sum + v, 0) / n;
  let numerator = 0;
  let denominator = 0;
  values.forEach((y, x) => {
    numerator += (x - meanX) * (y - meanY);
    denominator += (x - meanX) ** 2;
  });
  return denominator === 0 ? 0 : Math.round((numerator / denominator) * 100) / 100;
}

function list(values: readonly number[]): string {
  return values.join(', ');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function paymentBehaviour(invoices: readonly InvoiceFacts[], options: { today: string; graceDays?: number }): PaymentBehaviour {
  const graceDays = Number.isFinite(options.graceDays) && (options.graceDays ?? 0) >= 0 ? Math.floor(options.graceDays ?? 1) : 1;
  const reasons: string[] = [];
  if (parseIsoDate(options.today) === undefined) {
    return {
      invoices: [],
      recentDaysLate: [],
      drifting: false,
      overdueMinor: {},
      oldestOverdueDays: 0,
      rating: 'unknown',
      reasons: [`"${options.today}" is not a calendar date`],
    };
  }
  const usable = invoices.filter(isUsable);
  const skipped = invoices.length - usable.length;
  const evaluated = usable.map((invoice) => evaluate(invoice, options.today, graceDays)).sort(byCycle);

  const paid = evaluated.filter((i) => i.paidOn !== undefined);
  const overdue = evaluated.filter((i) => i.overdue);
  const cycles = [...paid, ...overdue].slice(-RECENT_CYCLES);
  const recentDaysLate = cycles.map((i) => i.daysLate);
  const driftDaysPerCycle = recentDaysLate.length >= 3 ? slope(recentDaysLate) : undefined;
  const lastThree = recentDaysLate.slice(-DRIFT_CYCLES);
  const strictlyIncreasing = lastThree.length === DRIFT_CYCLES && lastThree.every((v, i) => i === 0 || v > (lastThree[i - 1] ?? v));
  const lastThreeSlope = lastThree.length === DRIFT_CYCLES ? slope(lastThree) : 0;
  const drifting = strictlyIncreasing && lastThreeSlope > DRIFT_DAYS_PER_CYCLE;

  const overdueMinor: Record<string, number> = {};
  for (const invoice of overdue) overdueMinor[invoice.currency] = (overdueMinor[invoice.currency] ?? 0) + invoice.outstandingMinor;
  const oldestOverdueDays = overdue.reduce((max, i) => Math.max(max, i.daysLate), 0);

  const recentPaid = cycles.filter((i) => i.paidOn !== undefined).map((i) => i.daysLate);
  const lastThreeCycles = cycles.slice(-DRIFT_CYCLES);
  if (drifting && lastThreeCycles.every((i) => i.paidOn !== undefined)) {
    reasons.push(`paid the last 3 invoices ${list(lastThree)} days late: lateness grows by ${lastThreeSlope} days per cycle`);
  } else if (drifting) {
    reasons.push(
      `lateness over the last 3 cycles was ${list(lastThree)} days, counting unpaid invoices as of today: it grows by ${lastThreeSlope} days per cycle`,
    );
  } else if (recentPaid.length > 0 && recentPaid.every((d) => d <= graceDays)) {
    reasons.push(`paid the last ${plural(recentPaid.length, 'invoice')} on time (within the ${plural(graceDays, 'day')} grace period)`);
  } else if (recentPaid.length > 0) {
    reasons.push(`paid the last ${plural(recentPaid.length, 'invoice')} ${list(recentPaid)} days late`);
  }
  for (const invoice of overdue) {
    reasons.push(
      `invoice ${invoice.number} is ${plural(invoice.daysLate, 'day')} overdue (${formatMinor(invoice.outstandingMinor, invoice.currency)} outstanding)`,
    );
  }

  const lateCycles = recentDaysLate.filter((d) => d > graceDays).length;
  const latest = recentDaysLate[recentDaysLate.length - 1];
  let rating: PaymentRating;
  if (cycles.length === 0) {
    rating = 'unknown';
    reasons.push('no invoice has been paid or fallen overdue yet');
  } else if (
    oldestOverdueDays > UNRELIABLE_OVERDUE_DAYS ||
    overdue.length >= 2 ||
    (lastThree.length === 3 && lastThree.every((d) => d > UNRELIABLE_LATE_DAYS))
  ) {
    rating = 'unreliable';
    if (oldestOverdueDays > UNRELIABLE_OVERDUE_DAYS)
      reasons.push(`an invoice has been overdue for more than ${UNRELIABLE_OVERDUE_DAYS} days`);
    if (overdue.length >= 2) reasons.push(`${overdue.length} invoices are overdue at the same time`);
    if (lastThree.length === 3 && lastThree.every((d) => d > UNRELIABLE_LATE_DAYS))
      reasons.push(`each of the last 3 cycles was more than ${UNRELIABLE_LATE_DAYS} days late`);
  } else if (drifting) {
    rating = 'drifting';
  } else if (overdue.length > 0 || (latest !== undefined && latest > graceDays) || lateCycles * 2 >= recentDaysLate.length) {
    rating = 'late';
    if (overdue.length === 0)
      reasons.push(`${lateCycles} of the last ${plural(recentDaysLate.length, 'cycle')} were paid after the grace period`);
  } else {
    rating = 'reliable';
  }
  if (skipped > 0) reasons.push(`${plural(skipped, 'invoice')} left out: dates or amount not usable`);

  const output: InvoiceLateness[] = evaluated.map(
    ({ issuedOn: _issued, currency: _currency, amountMinor: _amount, ...lateness }) => lateness,
  );
  const result: PaymentBehaviour = { invoices: output, recentDaysLate, drifting, overdueMinor, oldestOverdueDays, rating, reasons };
  if (driftDaysPerCycle !== undefined) result.driftDaysPerCycle = driftDaysPerCycle;
  return result;
}
