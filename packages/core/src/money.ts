/**
 * Money is an integer count of the currency's minor unit (cents, fillér) plus an
 * ISO 4217 code. Floats never touch amounts: 0.1 + 0.2 is not a payment.
 */
export interface Money {
  readonly amountMinor: bigint;
  readonly currency: string;
}

const currencyPattern = /^[A-Z]{3}$/;

export function isCurrencyCode(value: string): boolean {
  return currencyPattern.test(value);
}

export function money(amountMinor: bigint | number, currency: string): Money {
  if (!isCurrencyCode(currency)) throw new RangeError(`currency must be a 3-letter ISO 4217 code, got "${currency}"`);
  if (typeof amountMinor === 'number' && !Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`amount must be an integer number of minor units, got ${amountMinor}`);
  }
  return { amountMinor: BigInt(amountMinor), currency };
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new RangeError(`cannot add ${a.currency} to ${b.currency}`);
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency };
}

/**
 * What is still owed on an invoice after (possibly partial) payments. Never negative:
 * an overpayment leaves nothing outstanding rather than a credit we would have to track here.
 */
export function outstanding(invoice: Money, payments: readonly Money[]): Money {
  const paid = payments.reduce((sum, p) => addMoney(sum, p), money(0, invoice.currency));
  const left = invoice.amountMinor - paid.amountMinor;
  return { amountMinor: left > 0n ? left : 0n, currency: invoice.currency };
}
