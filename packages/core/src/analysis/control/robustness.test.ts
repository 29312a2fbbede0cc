import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectAbuseWithLimits } from './detect-abuse';
import { detectControlSignalsWithLimits } from './detect-signals';
import type { Language } from './types';

/**
 * Client text is anything: empty, megabytes, emoji, right-to-left, broken surrogates, a
 * thousand repetitions of a trigger word. The detectors must return, quickly, and every
 * sentence they quote must be a piece of the input.
 */
const LANGS: Language[] = ['en', 'hu'];
const TRIGGERS = [
  'every post',
  'before it goes out',
  'without my',
  'you ',
  'your ',
  'are ',
  'minden ',
  'mielőtt ',
  'nélkül ',
  'nem ',
  'vagy ',
  'te ',
  'a bit ',
  'egy kicsit ',
  '"',
  "'",
  '!!!',
  '?!',
  '.',
  '\n',
  ' ',
  'fuck ',
  'hülye ',
  'ASAP',
  '2px',
];

/** Hard-wrapped lines are re-joined with a space, so compare with runs of whitespace collapsed. */
const collapse = (s: string) => s.replace(/\s+/g, ' ');

function runAll(text: string) {
  const haystack = collapse(text);
  for (const lang of LANGS) {
    const signals = detectControlSignalsWithLimits(text, lang);
    const abuse = detectAbuseWithLimits(text, lang);
    for (const s of signals.signals) expect(haystack.includes(collapse(s.sentence)), s.sentence).toBe(true);
    for (const f of abuse.findings) expect(haystack.includes(collapse(f.sentence)), f.sentence).toBe(true);
  }
}

describe('detector robustness', () => {
  it('never throws on arbitrary strings, including broken UTF-16', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), runAll), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), runAll), { numRuns: 200 });
  });

  it('never throws on text made of trigger fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRIGGERS), { maxLength: 120 }), (parts) => runAll(parts.join(''))),
      { numRuns: 1_000 },
    );
  });

  it('handles right-to-left text, emoji and lone surrogates without findings', () => {
    for (const text of ['مرحبا، هل يمكنك إرسال المنشور؟', 'שלום, תודה רבה!', '👍👍👍 🎉', '\uD800abc\uDC00', '\u0000\u0001\u200b']) {
      for (const lang of LANGS) {
        expect(detectControlSignalsWithLimits(text, lang)).toEqual({ signals: [], truncated: false });
        expect(detectAbuseWithLimits(text, lang)).toEqual({ findings: [], truncated: false });
      }
    }
  });

  it.each([
    ['10 MB of one letter', 'a'.repeat(10 * 1024 * 1024)],
    ['10 MB of sentences', 'Send me every post before it goes out. '.repeat(270_000)],
    ['a long run of trigger words without punctuation', 'you are your every minden nem vagy te '.repeat(30_000)],
    ['unbalanced quotes', `"${'you idiot '.repeat(20_000)}`],
    ['exclamation and question marks only', '!?'.repeat(500_000)],
    ['Hungarian without spaces', 'jóváhagyásomnélkülsemmi'.repeat(50_000)],
  ])('returns on %s and reports the cut (what it costs: pnpm bench:analyze)', (_name, text) => {
    for (const lang of LANGS) {
      expect(detectControlSignalsWithLimits(text, lang).truncated, lang).toBe(true);
      expect(detectAbuseWithLimits(text, lang).truncated, lang).toBe(true);
    }
  });
});
