import { describe, expect, it } from 'vitest';
import { type AutoReplyInput, detectAutoReply } from './auto-reply';

const human: AutoReplyInput = {
  headers: { 'content-type': 'text/plain; charset=utf-8', 'return-path': '<anna@client.example>' },
  subject: 'Re: Invoice 2024-001',
  from: { address: 'anna@client.example' },
};

const detect = (patch: Partial<AutoReplyInput> & { extraHeaders?: Record<string, string> }) => {
  const { extraHeaders, ...rest } = patch;
  return detectAutoReply({ ...human, ...rest, headers: { ...human.headers, ...rest.headers, ...extraHeaders } });
};

describe('detectAutoReply', () => {
  it('leaves ordinary mail alone', () => {
    expect(detectAutoReply(human)).toEqual({ isAutoReply: false });
    expect(detectAutoReply({ headers: {} })).toEqual({ isAutoReply: false });
  });

  it('Auto-Submitted: anything but "no" (RFC 3834)', () => {
    expect(detect({ extraHeaders: { 'auto-submitted': 'auto-replied' } })).toEqual({
      isAutoReply: true,
      reason: 'Auto-Submitted: auto-replied',
    });
    expect(detect({ extraHeaders: { 'auto-submitted': 'auto-generated (failure)' } }).reason).toBe(
      'Auto-Submitted: auto-generated (failure)',
    );
    expect(detect({ extraHeaders: { 'auto-submitted': 'Auto-Replied; owner-email="x@y"' } }).isAutoReply).toBe(true);
    expect(detect({ extraHeaders: { 'auto-submitted': 'no' } }).isAutoReply).toBe(false);
    expect(detect({ extraHeaders: { 'auto-submitted': 'No (comment)' } }).isAutoReply).toBe(false);
    expect(detect({ extraHeaders: { 'auto-submitted': '' } }).isAutoReply).toBe(false);
  });

  it('X-Autoreply / X-Autorespond present', () => {
    expect(detect({ extraHeaders: { 'x-autoreply': 'yes' } }).reason).toBe('X-Autoreply: yes');
    expect(detect({ extraHeaders: { 'x-autorespond': 'Vacation' } }).reason).toBe('X-Autorespond: Vacation');
    expect(detect({ extraHeaders: { 'x-autoreply': '' } }).isAutoReply).toBe(true);
    expect(detect({ extraHeaders: { 'x-autoreply': 'no' } }).isAutoReply).toBe(false);
  });

  it('Precedence: auto_reply only; bulk, junk and list are newsletters and lists, not replies', () => {
    expect(detect({ extraHeaders: { precedence: 'auto_reply' } }).reason).toBe('Precedence: auto_reply');
    expect(detect({ extraHeaders: { precedence: 'Auto-Reply' } }).isAutoReply).toBe(true);
    for (const precedence of ['bulk', 'junk', 'list', 'first-class']) {
      expect(detect({ extraHeaders: { precedence } }).isAutoReply, precedence).toBe(false);
    }
  });

  it('X-Auto-Response-Suppress is a request, not a marker', () => {
    for (const value of ['All', 'OOF, AutoReply', 'DR, RN, NRN, OOF, AutoReply']) {
      expect(detect({ extraHeaders: { 'x-auto-response-suppress': value } }).isAutoReply, value).toBe(false);
    }
  });

  it('multipart/report (DSN, read receipt, feedback report)', () => {
    expect(detect({ contentType: 'multipart/report; report-type=delivery-status; boundary="b"' }).reason).toBe(
      'Content-Type: multipart/report; report-type=delivery-status',
    );
    expect(detect({ contentType: 'Multipart/Report; boundary=x; report-type="disposition-notification"' }).reason).toBe(
      'Content-Type: multipart/report; report-type=disposition-notification',
    );
    expect(detect({ contentType: 'multipart/report' }).reason).toBe('Content-Type: multipart/report');
    // Without contentType the header value is used.
    expect(detectAutoReply({ headers: { 'content-type': 'multipart/report; report-type=feedback-report' } }).isAutoReply).toBe(true);
    expect(detect({ contentType: 'multipart/mixed; boundary="report"' }).isAutoReply).toBe(false);
  });

  it('From mailer-daemon / postmaster, and a null Return-Path', () => {
    expect(detect({ from: { address: 'MAILER-DAEMON@googlemail.com' } }).reason).toBe('From: mailer-daemon');
    expect(detect({ from: { address: 'postmaster@example.onmicrosoft.com' } }).reason).toBe('From: postmaster');
    expect(detect({ from: { address: 'mailer-daemon' } }).isAutoReply).toBe(true);
    expect(detect({ from: { address: 'postmaster.anna@client.example' } }).isAutoReply).toBe(false);
    expect(detect({ extraHeaders: { 'return-path': '<>' } }).reason).toBe('Return-Path: <> (null sender)');
    expect(detect({ extraHeaders: { 'return-path': '< >' } }).isAutoReply).toBe(true);
  });

  it('out-of-office and delivery-failure subjects, English and Hungarian', () => {
    const positives: Array<[string, string]> = [
      ['Automatic reply: Re: Invoice', 'subject: automatic reply'],
      ['Auto reply: Nyaan', 'subject: automatic reply'],
      ['Autoreply', 'subject: automatic reply'],
      ['AutoRespons :Nyaan?', 'subject: automatic reply'],
      ['Out of Office AutoReply: Invoice', 'subject: automatic reply'],
      ['Out of Office', 'subject: out of office'],
      ['Out of office: back on Monday', 'subject: out of office'],
      ['Undeliverable: Invoice', 'subject: delivery failure'],
      ['Delivery Status Notification (Failure)', 'subject: delivery failure'],
      ['Delivery Status Notification (Delay)', 'subject: delivery failure'],
      ['Mail delivery failed: returning message to sender', 'subject: delivery failure'],
      ['Undelivered Mail Returned to Sender', 'subject: delivery failure'],
      ['Automatikus válasz: Árajánlat', 'subject: automatic reply (localised)'],
      ['AUTOMATIKUS VÁLASZ: számla', 'subject: automatic reply (localised)'],
      ['Automatikus valasz: szamla', 'subject: automatic reply (localised)'],
      ['Házon kívül', 'subject: out of office (hu)'],
      ['Házon kívül: Re: Árajánlat', 'subject: out of office (hu)'],
      ['Irodán kívül: Re: projekt', 'subject: out of office (hu)'],
      ['Szabadság', 'subject: out of office (hu)'],
      ['Szabadságon vagyok', 'subject: out of office (hu)'],
      ['Nem kézbesíthető: Árajánlat', 'subject: delivery failure (hu)'],
      ['Kézbesítési hiba', 'subject: delivery failure (hu)'],
      ['Kézbesítési állapotértesítés (Hiba)', 'subject: delivery failure (hu)'],
      ['Automatyczna odpowiedź: test', 'subject: automatic reply (localised)'],
      ['Automatische Antwort: Rechnung', 'subject: automatic reply (localised)'],
    ];
    for (const [subject, reason] of positives) {
      expect(detect({ subject }), subject).toEqual({ isAutoReply: true, reason });
    }
  });

  it('does not flag people writing about absence or replying to an auto-reply', () => {
    const negatives = [
      'Re: Automatic reply: Invoice',
      'Fwd: Out of Office',
      'Out of office hours support request',
      'Automatic replies are annoying',
      'Szabadság alatti ügyelet',
      'Szabadságolási terv 2025',
      'Házon kívüli munkavégzés szabályai',
      'Undeliverable packages in the warehouse',
      'Re: Kézbesítési hiba',
      'Outlook auto-replies setup',
      '',
    ];
    for (const subject of negatives) {
      expect(detect({ subject }).isAutoReply, subject).toBe(false);
    }
    expect(detect({ subject: undefined }).isAutoReply).toBe(false);
  });

  it('prefers header evidence over the subject, and names the first rule that matched', () => {
    expect(
      detect({
        subject: 'Automatic reply: x',
        extraHeaders: { 'auto-submitted': 'auto-replied', 'return-path': '<>' },
        contentType: 'multipart/report',
      }).reason,
    ).toBe('Auto-Submitted: auto-replied');
  });

  it('clips long header values in the reason', () => {
    const reason = detect({ extraHeaders: { 'auto-submitted': `auto-replied ${'x'.repeat(200)}` } }).reason ?? '';
    expect(reason.length).toBeLessThan(100);
  });
});
