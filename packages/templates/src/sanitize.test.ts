import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, replySubject, toSafeLine } from './sanitize';

describe('sanitize', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('turns every control-character run into one space and keeps other text', () => {
    expect(toSafeLine('a\r\nBcc: x\u0000\u0085\u2028b\tc')).toBe('a Bcc: x b c');
    expect(toSafeLine('Öröm 🎉 שלום')).toBe('Öröm 🎉 שלום');
  });

  it('finds control characters exactly where the Unicode \\p{Cc} class and the line separators are', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(toSafeLine(value)).toBe(value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' '));
      }),
      { numRuns: 2_000 },
    );
  });

  it('never leaves a control character or a raw HTML-significant character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(escapeHtml(value)).not.toMatch(/[\p{Cc}<>"']/u);
      }),
    );
  });

  it('prefixes Re: once, recognising existing reply prefixes', () => {
    expect(replySubject('Invoice 31')).toBe('Re: Invoice 31');
    expect(replySubject('re: Invoice 31')).toBe('re: Invoice 31');
    expect(replySubject('Válasz: Számla')).toBe('Válasz: Számla');
    expect(replySubject('AW: Rechnung')).toBe('AW: Rechnung');
    expect(replySubject('Fwd: Invoice')).toBe('Re: Fwd: Invoice');
  });
});
