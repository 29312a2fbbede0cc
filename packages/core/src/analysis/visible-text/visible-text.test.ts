import { describe, expect, it } from 'vitest';
import { extractVisibleText } from './index';

function visible(text: string) {
  return extractVisibleText({ text });
}

describe('quoted history', () => {
  it('removes a Gmail attribution wrapped over two lines and its > quote', () => {
    const text =
      'Sounds good, go ahead.\n\nOn Mon, Aug 26, 2019 at 4:37 PM The Hiring Engine <\nhr@example.com> wrote:\n\n> Can we start Monday?\n';
    expect(visible(text)).toEqual({ text: 'Sounds good, go ahead.', removed: ['quote'], notes: [] });
  });

  it('removes an Apple Mail attribution', () => {
    expect(visible('Approved.\n\nOn 5 Mar 2024, at 10:12, Anna Kovács <anna@example.com> wrote:\n\n> Can you approve?').text).toBe(
      'Approved.',
    );
  });

  it.each([
    ['German', 'Von: Anna <a@example.de>\nGesendet: Dienstag, 5. März 2024 10:12\nAn: Peter\nBetreff: AW: Angebot'],
    ['French', 'De : Anna <a@example.fr>\nEnvoyé : mardi 5 mars 2024 10:12\nÀ : Peter\nObjet : RE: Devis'],
    ['Spanish', 'De: Anna <a@example.es>\nEnviado: martes, 5 de marzo de 2024 10:12\nPara: Peter\nAsunto: RE: Presupuesto'],
    ['bold Outlook', '*From:* Anna [mailto:a@example.com]\n*Sent:* Tuesday, March 5, 2024 10:12 AM\n*To:* Peter\n*Subject:* RE: Quote'],
  ])('cuts at an Outlook header block (%s)', (_language, block) => {
    expect(visible(`Yes, that works.\n\n${block}\n\nOld message text.`)).toEqual({
      text: 'Yes, that works.',
      removed: ['quote'],
      notes: [],
    });
  });

  it('keeps answers written between quotes, and drops the wrapped lines of a quote', () => {
    const text = [
      'On Tue, Apr 29, 2014 at 4:22 PM, Dev <dev@example.com> wrote:',
      '> Can you send the logo by Friday? It is needed for the print run that',
      'starts on Monday',
      '> and the brochure.',
      '',
      'Yes, Friday works.',
      '',
      '> And the invoice?',
      '',
      'Attached.',
    ].join('\n');
    expect(visible(text)).toEqual({ text: 'Yes, Friday works.\n\nAttached.', removed: ['quote'], notes: [] });
  });

  it('a body that is only a quote has no visible text', () => {
    expect(visible('> Can you send it?\n> Thanks')).toEqual({ text: '', removed: ['quote'], notes: [] });
    expect(visible('-----Original Message-----\nFrom: a@example.com\nSent: Monday\nTo: b\nSubject: x\n\nold')).toEqual({
      text: '',
      removed: ['quote'],
      notes: [],
    });
  });

  it('keeps prose that only looks like headers', () => {
    const prose = [
      'On the other hand, we should wait.',
      'Something wrote: nothing.',
      'The data comes From: our database, not From: external sources.',
      'Invitation:',
      'Date: Wednesday 3, October 2011',
      'Time: 7:00am',
      'Check https://example.com/blog/on-date-someone-wrote-about-parsing',
    ].join('\n');
    expect(visible(prose)).toEqual({ text: prose, removed: [], notes: [] });
  });
});

describe('signatures, footers and notices', () => {
  it('removes a "-- " signature, a phone footer and a closing, reporting them in message order', () => {
    const text = 'Please confirm the date.\n\nBest regards,\nJohn\n\n-- \nJohn Doe\nAcme Ltd.\n\nSent from my iPhone';
    expect(visible(text)).toEqual({ text: 'Please confirm the date.', removed: ['signature', 'mobile_footer'], notes: [] });
  });

  it('keeps "Sent from my desk, …" and "regards" inside a sentence', () => {
    expect(visible('Here it is.\n\nSent from my desk, is much easier then my mobile phone.').removed).toEqual([]);
    expect(visible('I wrote with regards to the payment.\nRegards are due.').removed).toEqual([]);
  });

  it('a "Thanks, <lower-case words>" line is content, "Thanks,\\nName" is a closing', () => {
    expect(visible('The file is fine.\n\nThanks, will do').text).toBe('The file is fine.\n\nThanks, will do');
    expect(visible('The file is fine.\n\nThanks,\nAlex').text).toBe('The file is fine.');
  });

  it('removes a trailing contact block and an English confidentiality notice', () => {
    const text = [
      'See the attached estimate.',
      '',
      'Gina Smith',
      'gina@example.com',
      '(555) 346-9947',
      '',
      'CONFIDENTIALITY NOTICE: This email and any attachments are confidential and intended solely for the addressee.',
    ].join('\n');
    expect(visible(text)).toEqual({ text: 'See the attached estimate.', removed: ['signature', 'disclaimer'], notes: [] });
  });

  it('removes a forwarded message', () => {
    const text = 'FYI\n\n---------- Forwarded message ---------\nFrom: Bob <bob@example.com>\nDate: Tue, Sep 4, 2012\nSubject: Two\n\nText';
    expect(visible(text)).toEqual({ text: 'FYI', removed: ['forward_header'], notes: [] });
  });
});

describe('bad input', () => {
  it('empty, whitespace-only, null and missing bodies give empty text', () => {
    const empty = { text: '', removed: [], notes: [] };
    expect(extractVisibleText({})).toEqual(empty);
    expect(extractVisibleText({ text: null, html: null })).toEqual(empty);
    expect(extractVisibleText({ text: '' })).toEqual(empty);
    expect(extractVisibleText({ text: ' \n\t\r\n ' })).toEqual(empty);
  });

  it('handles CRLF and lone CR line endings like LF', () => {
    const lf = 'Yes.\n\nOn 5 Mar 2024, Anna <a@example.com> wrote:\n> Ok?';
    expect(visible(lf.replace(/\n/gu, '\r\n'))).toEqual(visible(lf));
    expect(visible(lf.replace(/\n/gu, '\r'))).toEqual(visible(lf));
    expect(visible(lf).text).toBe('Yes.');
  });

  it('keeps emoji and right-to-left text intact', () => {
    expect(visible('🎉👍🏽 Done!\n\nOn 5 Mar 2024, Anna <a@example.com> wrote:\n> ok').text).toBe('🎉👍🏽 Done!');
    const hebrew = 'שלום, הקובץ מצורף.\n\u202Bمرحبا بك\u202C';
    expect(visible(hebrew)).toEqual({ text: hebrew, removed: [], notes: [] });
  });

  it('uses the HTML body when the text is empty', () => {
    expect(extractVisibleText({ text: '  ', html: '<p>Hi&nbsp;there</p><blockquote type="cite">old</blockquote>' })).toEqual({
      text: 'Hi there',
      removed: ['quote'],
      notes: [],
    });
  });

  it('caps a 10 MB body, says so, and still finds the reply at the top', () => {
    const filler = '> quoted line of an enormous thread\n'.repeat(300_000);
    const body = `Here is my answer.\n\nOn 5 Mar 2024, Anna <a@example.com> wrote:\n${filler}`;
    expect(body.length).toBeGreaterThan(10_000_000);
    const result = visible(body);
    expect(result).toEqual({ text: 'Here is my answer.', removed: ['quote'], notes: ['text input truncated at 1000000 characters'] });
  });

  // Catastrophic backtracking or quadratic scans would take minutes on these (and time the
  // test out); what they cost is measured by pnpm bench:analyze, not asserted here.
  it('returns on inputs built to make regexes backtrack or scans repeat, never longer than the input', () => {
    const inputs = [
      `On ${'1 '.repeat(200_000)}`,
      `${'On 5 Mar 2024, a@b.c '.repeat(20_000)}\n`.repeat(5),
      'a'.repeat(900_000),
      `${'-'.repeat(300_000)} On 1 wrote:`,
      `Thanks,${' '.repeat(100_000)}x`,
      '\n'.repeat(500_000),
      '--\n'.repeat(100_000),
      '1@\n'.repeat(100_000),
      'Feladó: x\n'.repeat(50_000),
      'Best regards,\nAnna\n'.repeat(30_000),
      '> a\nb\n'.repeat(100_000),
    ];
    for (const input of inputs) {
      expect(visible(input).text.length, JSON.stringify(input.slice(0, 20))).toBeLessThanOrEqual(input.length);
    }
  });
});
