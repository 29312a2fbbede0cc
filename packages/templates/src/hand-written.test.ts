import { describe, expect, it } from 'vitest';
import { renderHandWrittenEmail } from './hand-written';

describe('an email in the operator’s own words', () => {
  it('keeps the text as typed, paragraphs and line breaks included, and renders the same words as HTML', async () => {
    const email = await renderHandWrittenEmail('en', 'Invoice A-7', 'Dear Anna,\n\nInvoice A-7 is still open.\nCould you look?\n\nThanks');
    expect(email.text).toBe('Dear Anna,\n\nInvoice A-7 is still open.\nCould you look?\n\nThanks\n');
    expect(email.html).toContain('Invoice A-7 is still open.<br />Could you look?');
    expect(email.html).toContain('<title>Invoice A-7</title>');
  });

  it('treats the text as data: markup is escaped and placeholders are not filled', async () => {
    const email = await renderHandWrittenEmail('hu', '<b>Subject</b>', 'Hi {{clientName}} <script>alert(1)</script> & "you"');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;you&quot;');
    expect(email.html).toContain('{{clientName}}');
    expect(email.html).toContain('<title>&lt;b&gt;Subject&lt;/b&gt;</title>');
    expect(email.html).toContain('lang="hu"');
  });

  it('refuses an empty text', async () => {
    await expect(renderHandWrittenEmail('en', 'x', ' \n\n ')).rejects.toThrow(/empty/);
  });
});
