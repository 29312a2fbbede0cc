import { describe, expect, it } from 'vitest';
import { EMAIL_KINDS, EMAIL_LOCALES, type EmailKind, type EmailLocale } from './kinds';
import { compileMjmlStrict } from './mjml-compiler';
import { builtInTemplateSources } from './registry';
import { createEmailRenderer } from './renderer';
import { sampleFor } from './testing/sample-email-data';

const renderer = createEmailRenderer();

// Facts each letter must state in its text part and its HTML (PRODUCT §5.6: what is pending, the consequence, the way forward).
const KEY_FACTS: Record<EmailKind, Record<EmailLocale, string[]>> = {
  nudge: {
    en: ['Could you approve the March content calendar?', '16 November 2026', "scheduling next week's posts", 'reply'],
    hu: ['Could you approve the March content calendar?', '2026. november 16.', "scheduling next week's posts", 'válasz'],
  },
  firm_notice: {
    en: ['Which photos should go into the carousel post?', 'these 2 questions', 'on hold', '27 November 2026'],
    hu: ['Which photos should go into the carousel post?', '2 kérdésre', 'szünetel', '2026. november 27.'],
  },
  payment_reminder: {
    en: ['INV-2026-031', 'HUF 120,000', '€1,250.50', '1 November 2026', 'slipped through'],
    hu: ['INV-2026-031', '120 000 Ft', '1250,50 EUR', '2026. november 1.', 'elkerülte'],
  },
  work_paused: {
    en: ['INV-2026-034', '30 November 2026', 'pausing all work', 'resume straight away'],
    hu: ['INV-2026-034', '2026. november 30. hatállyal', 'szüneteltetek', 'azonnal folytatom'],
  },
  work_resumed: {
    en: ['HUF 120,000', '2 December 2026', 'resumes on 3 December 2026', 'INV-2026-031'],
    hu: ['120 000 Ft', '2026. december 2.', '2026. december 3. napjától folytatom', 'INV-2026-031'],
  },
  expectations_reset: {
    en: ['every Monday', 'the content calendar for the following week', '10 November 2026', 'cannot do the job'],
    hu: ['minden hétfőn', 'the content calendar for the following week', '2026. november 10.', 'nem tudom elvégezni'],
  },
  termination: {
    en: ['because questions about the campaign stayed unanswered', '31 December 2026', 'INV-2026-031', 'hand over full access'],
    hu: ['mert questions about the campaign stayed unanswered', '2026. december 31.', 'INV-2026-031', 'átadom a teljes hozzáférést'],
  },
  closing_report: {
    en: ['1 March 2026', '120 Instagram posts', '18.5 business hours', '42%', 'Invoices paid: 9', 'Handover of the Meta Business Suite'],
    hu: ['2026. március 1.', '120 Instagram posts', '18,5 munkaóra', '42%', 'Kifizetett számlák: 9', 'Handover of the Meta Business Suite'],
  },
  operator_alert: {
    en: ['Kovács Anna', 'Three escalated questions in 30 days', 'Consider ending the relationship', 'review: 4'],
    hu: ['Kovács Anna', 'Three escalated questions in 30 days', 'Javaslat: Consider ending', 'piszkozatok: 4'],
  },
};

// Intl separates amounts and currencies with no-break spaces; the facts above are easier to read with plain ones.
const plainSpaces = (value: string): string => value.replace(/[\u00a0\u202f]/g, ' ');

const cases = EMAIL_KINDS.flatMap((kind) => EMAIL_LOCALES.map((locale) => [kind, locale] as const));

describe('every template × locale', () => {
  it.each(cases)('%s/%s passes strict MJML validation as written', async (kind, locale) => {
    const html = await compileMjmlStrict(builtInTemplateSources(kind, locale).mjml);
    expect(html).toContain(`<html lang="${locale}"`);
  });

  it.each(cases)('%s/%s states its key facts in HTML and text', async (kind, locale) => {
    const email = await renderer.renderEmail(kind, locale, sampleFor(kind));
    for (const fact of KEY_FACTS[kind][locale]) {
      expect(plainSpaces(email.text)).toContain(plainSpaces(fact));
      expect(plainSpaces(email.html)).toContain(plainSpaces(fact).replaceAll("'", '&#39;'));
    }
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.html).toContain(`<title>${email.subject}</title>`);
    for (const part of [email.subject, email.html, email.text]) expect(part).not.toMatch(/\{\{|\}\}/);
    // Hungarian dates end in a dot; a sentence ending in one must not get a second.
    expect(email.text).not.toContain('..');
  });

  it.each(cases)('%s/%s: the letter rendered through MJML per email carries the same text', async (kind, locale) => {
    const data = sampleFor(kind);
    const fast = await renderer.renderEmail(kind, locale, data);
    const slow = await renderer.renderEmailUncompiled(kind, locale, data);
    expect(slow.subject).toBe(fast.subject);
    expect(slow.text).toBe(fast.text);
    const visibleText = (html: string): string => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
    expect(visibleText(slow.html)).toBe(visibleText(fast.html));
  });
});

describe('wording details', () => {
  it('addresses a Hungarian client formally by default and informally on request', async () => {
    const formal = await renderer.renderEmail('payment_reminder', 'hu', sampleFor('payment_reminder'));
    const informal = await renderer.renderEmail('payment_reminder', 'hu', sampleFor('payment_reminder', undefined, 'informal'));
    expect(formal.text).toContain('Megkérhetném, hogy intézze el az átutalást?');
    expect(informal.text).toContain('Megkérhetlek, hogy intézd el az átutalást?');
    expect(informal.text).not.toContain('intézze');
  });

  it('holds back the account handover while invoices are overdue, and offers it once they are paid', async () => {
    const overdue = await renderer.renderEmail('termination', 'en', sampleFor('termination'));
    const paidUp = await renderer.renderEmail('termination', 'en', { ...sampleFor('termination'), overdueInvoices: [] });
    expect(overdue.text).toContain('Before I hand over the accounts');
    expect(overdue.text).not.toContain('Instagram @annabakes');
    expect(paidUp.text).toContain('I will hand over full access to the accounts I managed for you:\n\n- Instagram @annabakes');
    expect(paidUp.text).not.toContain('Before I hand over');
  });

  it('uses singular wording for a single open ask and leaves out optional parts that are not given', async () => {
    const data = sampleFor('nudge');
    const email = await renderer.renderEmail('nudge', 'en', { ...data, asks: data.asks.slice(0, 1), blocks: undefined });
    expect(email.text).toContain('following up on a question that is still open:');
    expect(email.text).not.toContain('Your answer is what I need');
    expect(email.text).not.toMatch(/\n{3,}/);
  });

  it('keeps the thread subject for replies, adding "Re: " only once', async () => {
    const data = sampleFor('nudge');
    expect((await renderer.renderEmail('nudge', 'en', data, { threadSubject: 'March content' })).subject).toBe('Re: March content');
    expect((await renderer.renderEmail('nudge', 'hu', data, { threadSubject: 'RE: March content' })).subject).toBe('RE: March content');
    expect((await renderer.renderEmail('nudge', 'hu', data, { threadSubject: 'Vá: Márciusi tartalom' })).subject).toBe(
      'Vá: Márciusi tartalom',
    );
    expect((await renderer.renderEmail('nudge', 'en', data, { threadSubject: '  ' })).subject).toBe(
      'A few open questions about Spring campaign',
    );
  });
});
