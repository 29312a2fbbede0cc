import { describe, expect, it } from 'vitest';
import { MAX_ANALYSED_CHARS } from './detect';
import { classifySentence, detectAsk, splitSentences } from './index';

describe('detectAsk on whole messages', () => {
  it('lists every asking sentence in order and decides by the strongest, first on ties', () => {
    const body = [
      'Hi Anna,',
      '',
      'Hope you had a lovely weekend! Any thoughts on the calendar? Please approve the posts by Thursday.',
      'Could you also send the logo in SVG?',
      '',
      'Let me know if you have any questions.',
      'Best, Kata',
    ].join('\n');
    const decision = detectAsk(body, { locale: 'en-GB' });
    expect(decision.isAsk).toBe(true);
    expect(decision.language).toBe('en');
    expect(decision.asks.map((a) => a.rule)).toEqual(['en.question.any-update', 'en.request.please', 'en.request.could-you']);
    expect(decision.verdict).toEqual({
      sentence: 'Please approve the posts by Thursday.',
      kind: 'approval',
      rule: 'en.request.please',
    });
    expect(decision.notes).toEqual(['3 of 7 sentences ask; decided by en.request.please']);
  });

  it('reads a Hungarian message and its closing correctly', () => {
    const body = 'Szia Péter!\n\nCsatoltan küldöm a heti posztokat. Mehet így mind?\nHa bármi kérdésed van, szólj nyugodtan.\n\nÜdv,\nKata';
    const decision = detectAsk(body);
    expect(decision.language).toBe('hu');
    expect(decision.asks).toEqual([{ sentence: 'Mehet így mind?', kind: 'approval', rule: 'hu.question.question-mark' }]);
  });

  it('says no for a message of thanks, plans and closings', () => {
    const body = 'Thanks for the quick approval! I will schedule the posts tomorrow.\n\nFeel free to reach out if anything comes up.';
    expect(detectAsk(body)).toEqual({ isAsk: false, language: 'en', asks: [], notes: [] });
  });

  it('notes an empty body', () => {
    expect(detectAsk('   ')).toEqual({ isAsk: false, language: 'en', asks: [], notes: ['no sentences in the visible text'] });
  });

  it('analyses only the first MAX_ANALYSED_CHARS characters and says so', () => {
    const filler = 'The post went live. '.repeat(Math.ceil(MAX_ANALYSED_CHARS / 20));
    const text = `${filler}Could you approve the next one?`;
    const decision = detectAsk(text);
    expect(decision.isAsk).toBe(false);
    expect(decision.notes[0]).toBe(`input truncated: analysed the first ${MAX_ANALYSED_CHARS} of ${text.length} characters`);
  });

  it('returns a well-formed decision on inputs built to make regular expressions backtrack (cost: pnpm bench:analyze)', () => {
    const hostile = [
      'a'.repeat(2_000_000),
      '?'.repeat(500_000),
      'waiting for '.repeat(50_000),
      'if you '.repeat(100_000),
      'ha barmi '.repeat(60_000),
      'https://x.example/'.repeat(40_000),
      '"'.repeat(300_000),
      'várom, hogy a '.repeat(40_000),
      `${'kuld'.repeat(200_000)}ned`,
      '🙂'.repeat(300_000),
      '1. '.repeat(200_000),
      'e.g. '.repeat(200_000),
    ];
    for (const text of hostile) {
      expect(typeof detectAsk(text).isAsk, text.slice(0, 20)).toBe('boolean');
      splitSentences(text);
      classifySentence(text, 'en');
      classifySentence(text, 'hu');
    }
  });
});
