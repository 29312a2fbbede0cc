import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMAIL_KINDS, EMAIL_LOCALES } from './kinds';
import { createEmailRenderer } from './renderer';
import { sampleFor } from './testing/sample-email-data';

const renderer = createEmailRenderer();
const cases = EMAIL_KINDS.flatMap((kind) => EMAIL_LOCALES.map((locale) => [kind, locale] as const));

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';
const HEADER = 'Invoice\r\nBcc: evil@x';
const EMOJI_RTL = 'Öröm 🎉 שלום عميل';

const tagCount = (html: string): number => html.split('<').length - 1;

describe('client data cannot become markup or headers', () => {
  it.each(cases)('%s/%s escapes a script in every field', async (kind, locale) => {
    const email = await renderer.renderEmail(kind, locale, sampleFor(kind, SCRIPT));
    expect(email.html).not.toContain('<script');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The plain-text part shows the text as the client wrote it; it is never parsed as HTML.
    expect(email.text).toContain(SCRIPT);
  });

  it.each(cases)('%s/%s keeps an attribute breakout inside the text', async (kind, locale) => {
    const email = await renderer.renderEmail(kind, locale, sampleFor(kind, BREAKOUT));
    expect(email.html).not.toContain('<img');
    // With quoted attribute values blanked out, no tag may carry an event handler.
    expect(email.html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\sonerror=/);
    expect(email.html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(tagCount(email.html)).toBe(tagCount((await renderer.renderEmail(kind, locale, sampleFor(kind, 'x'))).html));
  });

  it.each(cases)('%s/%s never lets CR/LF reach the subject or break lines in values', async (kind, locale) => {
    const email = await renderer.renderEmail(kind, locale, sampleFor(kind, HEADER));
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).not.toContain('\r');
    expect(email.text).not.toMatch(/^Bcc:/m);
    expect(email.html).not.toMatch(/[\r]/);
    expect(email.text).toContain('Invoice Bcc: evil@x');
  });

  it.each(cases)('%s/%s passes emoji and right-to-left text through unchanged', async (kind, locale) => {
    const email = await renderer.renderEmail(kind, locale, sampleFor(kind, EMOJI_RTL));
    expect(email.html).toContain(EMOJI_RTL);
    expect(email.text).toContain(EMOJI_RTL);
  });

  it('strips header-breaking characters from a reply subject taken from the thread', async () => {
    const email = await renderer.renderEmail('nudge', 'en', sampleFor('nudge'), { threadSubject: 'Hello\r\nBcc: evil@x\u2028X-Evil: 1' });
    expect(email.subject).toBe('Re: Hello Bcc: evil@x X-Evil: 1');
    expect(email.html).toContain('<title>Re: Hello Bcc: evil@x X-Evil: 1</title>');
  });

  it('for any non-empty text in every field, the HTML has exactly the markup of a harmless value', async () => {
    const baseline = new Map<string, number>();
    for (const [kind, locale] of cases) {
      baseline.set(`${kind}/${locale}`, tagCount((await renderer.renderEmail(kind, locale, sampleFor(kind, 'x'))).html));
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), fc.string({ minLength: 1, unit: 'binary' }), async ([kind, locale], value) => {
        const email = await renderer.renderEmail(kind, locale, sampleFor(kind, value));
        expect(tagCount(email.html)).toBe(baseline.get(`${kind}/${locale}`));
        expect(email.subject).not.toMatch(/\p{Cc}/u);
      }),
      { numRuns: 200 },
    );
  });
});
