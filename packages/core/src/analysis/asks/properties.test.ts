import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifySentence, detectAsk, detectLanguage, splitSentences } from './index';

/**
 * Words that carry no request in either language: no question word, no auxiliary that starts a
 * question, no "please/kérlek", no request verb or noun. Text built from them must never ask.
 */
const NEUTRAL_WORDS = [
  'the',
  'calendar',
  'post',
  'went',
  'live',
  'yesterday',
  'reach',
  'grew',
  'our',
  'team',
  'scheduled',
  'three',
  'stories',
  'great',
  'a',
  'poszt',
  'naptár',
  'tegnap',
  'kiment',
  'elérés',
  'nőtt',
  'csapatunk',
  'három',
  'szuper',
  'és',
  'nagyon',
  'jól',
  'sikerült',
  '2024.',
  '10:30',
  '🙂',
  'Ő',
];
const SEPARATORS = [' ', ' ', ' ', '. ', '! ', ', ', '\n', '\n\n', '… ', ': ', ' - '];

const neutralText = fc
  .array(fc.tuple(fc.constantFrom(...NEUTRAL_WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 60 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''));

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

describe('ask detection properties', () => {
  it('never throws and always returns a well-formed decision', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.string({ maxLength: 10 }), { nil: undefined }), (text, locale) => {
        const decision = detectAsk(text, locale === undefined ? undefined : { locale });
        expect(['en', 'hu']).toContain(decision.language);
        expect(decision.isAsk).toBe(decision.asks.length > 0);
        if (decision.isAsk) expect(decision.asks).toContainEqual(decision.verdict);
        else expect(decision.verdict).toBeUndefined();
        expect(['en', 'hu']).toContain(detectLanguage(text, locale));
        classifySentence(text, 'en');
        classifySentence(text, 'hu');
      }),
      { numRuns: 500 },
    );
  });

  it('splits into trimmed, non-empty pieces that appear in the text in order', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, neutralText), (text) => {
        const normalised = text.normalize('NFC').replace(/\s+/g, ' ');
        let from = 0;
        for (const sentence of splitSentences(text)) {
          expect(sentence).toBe(sentence.trim());
          expect(sentence).not.toBe('');
          const at = normalised.indexOf(sentence.replace(/\s+/g, ' '), from);
          expect(at, sentence).toBeGreaterThanOrEqual(0);
          from = at + 1;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds no ask in text without a question mark and without request words', () => {
    fc.assert(
      fc.property(neutralText, fc.constantFrom(undefined, 'en', 'hu-HU'), (text, locale) => {
        expect(detectAsk(text, locale === undefined ? undefined : { locale }).isAsk).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same answer for the same input, whatever ran before', () => {
    fc.assert(
      fc.property(anyText, anyText, (text, other) => {
        const first = detectAsk(text);
        detectAsk(other);
        expect(detectAsk(text)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('never splits a URL', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), neutralText, (url, text) => {
        const sentences = splitSentences(`${text} ${url}. ${text}`);
        expect(sentences.some((s) => s.includes(url))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
