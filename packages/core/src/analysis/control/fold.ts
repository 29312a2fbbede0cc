/**
 * The form every rule is matched against: canonically decomposed (so precomposed "á" and
 * "a" + combining acute agree, as they would after NFC), accents removed, lower-cased.
 * Hungarian clients often type without accents ("jovahagyasom" for "jóváhagyásom"), so the
 * rules are written without accents and match both.
 * It also lets the rules use ASCII `\b` and `\w`, which do not know about "á" or "ő".
 */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
