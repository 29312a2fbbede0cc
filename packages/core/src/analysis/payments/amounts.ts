/**
 * Money amounts written in mail: "€1,250.00", "1 250 000 Ft", "HUF 150.000", "1.250,50 EUR",
 * "$500". Amounts become integer minor units (cents, fillér: ISO 4217 gives all the
 * currencies recognised here two decimals) computed from the digits, never through floats.
 */
import { foldForMatching } from '../dates/fold';

export interface FoundAmount {
  amountMinor: number;
  currency: string;
  index: number;
  text: string;
}

const SYMBOLS: Record<string, string> = {
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  eurot: 'EUR',
  $: 'USD',
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  '£': 'GBP',
  gbp: 'GBP',
  huf: 'HUF',
  ft: 'HUF',
  forint: 'HUF',
  forintot: 'HUF',
  chf: 'CHF',
};

// Thousands groups are separated by space, no-break space, thin space, comma or dot;
// each group is exactly three digits, so the repetition cannot backtrack.
const number = (name: string) => `(?<${name}>\\d{1,3}(?:[ \\u00a0\\u202f,.]\\d{3})+(?:[.,]\\d{1,2})?|\\d{1,12}(?:[.,]\\d{1,2})?)`;
const PREFIX = '(?<pre>€|\\$|£|eur|usd|gbp|huf|chf)';
const SUFFIX = '(?<post>€|eur|euros|euro|eurot|usd|dollars|dollar|gbp|huf|chf|forintot|forint|ft)';

const amountPattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${PREFIX}\\s?${number('numAfter')}(?![\\p{N}])|${number('numBefore')}\\s?${SUFFIX}(?:-[a-z]{1,4})?(?![\\p{L}\\p{N}]))`,
  'gu',
);

/** Digits to minor units: the last separator is decimal when 1–2 digits follow it. */
export function parseAmountMinor(text: string): number | undefined {
  const compact = text.replace(/[ \u00a0\u202f]/g, '');
  const lastSeparator = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  let major = compact;
  let fraction = '';
  if (lastSeparator >= 0 && compact.length - lastSeparator - 1 <= 2) {
    major = compact.slice(0, lastSeparator);
    fraction = compact.slice(lastSeparator + 1);
  }
  const digits = major.replace(/[.,]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  const minor = Number(digits) * 100 + Number(fraction.padEnd(2, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : undefined;
}

export function findAmounts(text: string): FoundAmount[] {
  const folded = foldForMatching(text);
  const amounts: FoundAmount[] = [];
  for (const match of folded.matchAll(amountPattern)) {
    const symbol = match.groups?.pre ?? match.groups?.post ?? '';
    const currency = SYMBOLS[symbol];
    const amountMinor = parseAmountMinor(match.groups?.numAfter ?? match.groups?.numBefore ?? '');
    if (currency === undefined || amountMinor === undefined) continue;
    amounts.push({ amountMinor, currency, index: match.index, text: text.slice(match.index, match.index + match[0].length) });
  }
  return amounts;
}
