import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, MAX_SENTENCES, MAX_TEXT_CHARS, splitSentences } from './sentences';

describe('splitSentences', () => {
  it('splits on sentence punctuation and keeps it with the sentence', () => {
    expect(splitSentences('Looks good. Can you change the headline? Thanks!!').sentences).toEqual([
      'Looks good.',
      'Can you change the headline?',
      'Thanks!!',
    ]);
  });

  it('does not split after abbreviations, Hungarian ordinals or date parts', () => {
    expect(splitSentences('Use brand colours, e.g. navy. Then post.').sentences).toEqual(['Use brand colours, e.g. navy.', 'Then post.']);
    expect(splitSentences('Ez már a 3. kör javítás. Elég lesz.').sentences).toEqual(['Ez már a 3. kör javítás.', 'Elég lesz.']);
    expect(splitSentences('A poszt 2025. március 5. után mehet ki.').sentences).toEqual(['A poszt 2025. március 5. után mehet ki.']);
    expect(splitSentences('Kérlek, pl. a kéket használd.').sentences).toEqual(['Kérlek, pl. a kéket használd.']);
  });

  it('re-joins hard-wrapped lines but keeps short lines and list items apart', () => {
    const wrapped =
      'Hi Anna,\nplease make sure you send me every single post from the campaign before\nit goes out on any channel.\n- move the logo\n- fix the date';
    expect(splitSentences(wrapped).sentences).toEqual([
      'Hi Anna,',
      'please make sure you send me every single post from the campaign before it goes out on any channel.',
      '- move the logo',
      '- fix the date',
    ]);
  });

  it('treats CRLF, CR and blank lines as breaks and drops empty pieces', () => {
    expect(splitSentences('One\r\n\r\nTwo\rThree\n\n\n').sentences).toEqual(['One', 'Two', 'Three']);
    expect(splitSentences('').sentences).toEqual([]);
    expect(splitSentences('   \n\t ').sentences).toEqual([]);
  });

  it('cuts a sentence without punctuation at a space once it is longer than the cap', () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const { sentences, truncated } = splitSentences(words);
    expect(truncated).toBe(false);
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) expect(s.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(sentences.join(' ')).toBe(words);
  });

  it('reads at most MAX_TEXT_CHARS and MAX_SENTENCES and says so', () => {
    const long = 'Send me every post. '.repeat(Math.ceil((MAX_TEXT_CHARS + 100) / 20));
    const result = splitSentences(long);
    expect(result.truncated).toBe(true);
    expect(result.sentences.length).toBe(MAX_SENTENCES);
    expect(splitSentences('ok. '.repeat(100)).truncated).toBe(false);
  });

  it('never leaves half of a surrogate pair where it cuts', () => {
    // One ASCII letter first, so the hard cut at MAX_SENTENCE_CHARS falls inside an emoji.
    const text = `a${'😀'.repeat(MAX_SENTENCE_CHARS)}`;
    const pieces = splitSentences(text).sentences;
    expect(pieces.join('')).toBe(text);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const piece of pieces) expect(loneSurrogate.test(piece)).toBe(false);
  });
});
