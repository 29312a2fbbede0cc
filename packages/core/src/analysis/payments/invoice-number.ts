/**
 * Invoice numbers named next to the word invoice / számla / díjbekérő ("Invoice #2024-017",
 * "számla száma: ABC-2024/15", "a 2024/015 számú számla", "INV-0042").
 */
import { foldForMatching } from '../dates/fold';

const ID = '(?<id>[a-z]{0,6}[-/_]?\\d[a-z0-9/_.-]{0,24})';
const LABEL = '(?:no\\.?|nr\\.?|number|num\\.?|#|szama|sorszama|sorszam|szam|ref\\.?)';

const patterns: RegExp[] = [
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:invoice|szamla|szamlat|szamlank|szamlankat|szamlaszam|dijbekero|dijbekerot|proforma)\\s{0,2}${LABEL}?\\s{0,2}[:#]?\\s{0,2}${ID}`,
    'gu',
  ),
  new RegExp(`(?<![\\p{L}\\p{N}])${ID}\\s{1,3}(?:szamu|sorszamu|sz\\.)\\s{1,3}(?:szamla|dijbekero)`, 'gu'),
  /(?<![\p{L}\p{N}])(?<id>inv[-_]?\d[a-z0-9/_-]{0,20})/gu,
];

const looksLikeDate = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}\.?$/;
const looksLikeAmount = /^\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?$|^\d+[.,]\d{2}$/;

/** The first invoice number in the text, in its original spelling, or undefined. */
export function findInvoiceNumber(text: string): string | undefined {
  const folded = foldForMatching(text);
  let best: { index: number; id: string } | undefined;
  for (const pattern of patterns) {
    for (const match of folded.matchAll(pattern)) {
      const idFolded = match.groups?.id;
      if (idFolded === undefined) continue;
      const idStart = match.index + match[0].lastIndexOf(idFolded);
      const id = text.slice(idStart, idStart + idFolded.length).replace(/[.,/_-]+$/, '');
      const after = folded.slice(idStart + idFolded.length, idStart + idFolded.length + 8);
      // "invoice 1250 EUR" names an amount, "invoice 2026-12-05" a date: neither is a number.
      if (looksLikeDate.test(id) || looksLikeAmount.test(id) || /^(?:[.,]\d|\s?(?:eur|huf|ft|usd|gbp|chf|€|\$|£))/.test(after)) continue;
      if (!best || match.index < best.index) best = { index: match.index, id };
      break;
    }
  }
  return best?.id;
}
