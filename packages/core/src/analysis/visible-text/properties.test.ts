import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseVisibleText } from './analyse';
import { extractVisibleText } from './index';

const words = fc.constantFrom(
  'the',
  'invoice',
  'logo',
  'Friday',
  'kérlek',
  'jóváhagyás',
  'számla',
  'please',
  'confirm',
  'árvíztűrő',
  '🎉',
  'שלום',
  'ok',
  'tomorrow',
  'on',
  'from',
  'wrote',
);
const sentence = fc
  .array(words, { minLength: 2, maxLength: 9 })
  .map((ws) => `${ws.join(' ').replace(/^./u, (c) => c.toUpperCase())}${['.', '?', '!'][ws.length % 3]}`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(' '));
const plainMessage = fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('\n\n'));

const history = fc.constantFrom(
  '\n\nOn Tue, Mar 5, 2024 at 10:12 AM Anna <a@example.com> wrote:\n> Is Friday ok?\n> Anna',
  '\n\n2024.03.05. 10:12 keltezéssel, Kovács Anna írta:\n> Jó így?',
  '\n\nFrom: Anna <a@example.com>\nSent: Tuesday, March 5, 2024 10:12\nTo: Peter\nSubject: RE: logo\n\nOld text.',
  '\n\n-- \nPeter Nagy\n+36 30 123 4567',
  '\n\nÜdvözlettel,\nNagy Péter',
  '\n\nSent from my iPhone',
  '',
);

describe('visible text properties', () => {
  it('never throws and never takes the fallback, whatever the strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.option(fc.string({ unit: 'binary', maxLength: 400 })), (text, html) => {
        const result = analyseVisibleText({ text, html });
        expect(result.notes.filter((note) => note.includes('failed'))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on mail-shaped noise either', () => {
    const piece = fc.constantFrom(
      '>',
      '> ',
      '\n',
      '\r\n',
      '--',
      '-- ',
      'On ',
      ' wrote:',
      'írta:',
      '<',
      '>',
      '&amp;',
      '<blockquote>',
      '</div>',
      'From: ',
      'Sent: ',
      '2024',
      '@',
      ':',
      ' ',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.boolean(), (pieces, asHtml) => {
        const body = pieces.join('');
        const result = analyseVisibleText(asHtml ? { html: body } : { text: body });
        expect(result.notes.filter((note) => note.includes('failed'))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('the visible text is never longer than the text input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(extractVisibleText({ text }).text.length).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 400 },
    );
    // Characters NFC would lengthen (composition exclusions) do not make it longer either.
    const expanding = '\u0958\u0344 \u0F73';
    expect(extractVisibleText({ text: expanding }).text.length).toBeLessThanOrEqual(expanding.length);
  });

  it('plain messages of simple sentences come back unchanged', () => {
    fc.assert(
      fc.property(plainMessage, (message) => {
        expect(extractVisibleText({ text: message })).toEqual({ text: message, removed: [], notes: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('stripping is idempotent: the visible text of the visible text is itself', () => {
    fc.assert(
      fc.property(plainMessage, history, (message, tail) => {
        const once = extractVisibleText({ text: `${message}${tail}` }).text;
        expect(once).toBe(message);
        expect(extractVisibleText({ text: once }).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
