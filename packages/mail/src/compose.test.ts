import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { composeMime, replySubject } from './compose';

describe('composing an outgoing email', () => {
  it('threads the reply and carries both parts in UTF-8', async () => {
    const raw = await composeMime({
      from: { address: 'me@studio.example', name: 'Studio' },
      to: [{ address: 'kovacs.anna@kovacs-tarsa.example', name: 'Kovács Anna' }],
      subject: 'Re: Tartalomnaptár – jóváhagyás',
      text: 'Kedves Anna, kérlek hagyd jóvá a decemberi naptárt. Köszönöm!',
      html: '<p>Kedves Anna, kérlek hagyd jóvá a decemberi naptárt. Köszönöm!</p>',
      messageId: 'abc123@firmly.example',
      inReplyTo: 'orig-1@kovacs-tarsa.example',
      references: ['root@kovacs-tarsa.example', 'orig-1@kovacs-tarsa.example'],
      date: new Date('2026-11-30T09:00:00Z'),
    });
    const parsed = await PostalMime.parse(raw);
    expect(parsed.messageId).toBe('<abc123@firmly.example>');
    expect(parsed.inReplyTo).toBe('<orig-1@kovacs-tarsa.example>');
    expect(parsed.references).toBe('<root@kovacs-tarsa.example> <orig-1@kovacs-tarsa.example>');
    expect(parsed.subject).toBe('Re: Tartalomnaptár – jóváhagyás');
    expect(parsed.to?.[0]).toMatchObject({ name: 'Kovács Anna', address: 'kovacs.anna@kovacs-tarsa.example' });
    expect(parsed.text?.trim()).toBe('Kedves Anna, kérlek hagyd jóvá a decemberi naptárt. Köszönöm!');
    expect(parsed.html).toContain('<p>Kedves Anna');
  });

  it('attaches files, each once, with their names and bytes intact', async () => {
    const pdf = Buffer.from('%PDF-1.7\n% a closing report\n%%EOF\n', 'latin1');
    const raw = await composeMime({
      from: { address: 'me@studio.example' },
      to: [{ address: 'client@example.com' }],
      subject: 'Záró beszámoló',
      text: 'A beszámolót csatoltam.',
      html: '<p>A beszámolót csatoltam.</p>',
      messageId: 'report@firmly.example',
      date: new Date('2026-11-30T09:00:00Z'),
      attachments: [{ filename: 'záró-beszámoló.pdf', contentType: 'application/pdf', content: pdf }],
    });
    const parsed = await PostalMime.parse(raw);
    expect(parsed.text?.trim()).toBe('A beszámolót csatoltam.');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({ filename: 'záró-beszámoló.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(parsed.attachments[0]?.content as ArrayBuffer).equals(pdf)).toBe(true);
  });

  it('cannot be made to emit extra headers by client data', async () => {
    const raw = await composeMime({
      from: { address: 'me@studio.example' },
      to: [{ address: 'client@example.com', name: 'Evil\r\nBcc: victim@example.com' }],
      subject: 'Hello\r\nBcc: victim@example.com',
      text: 't',
      html: '<p>t</p>',
      messageId: 'x@firmly.example',
      date: new Date('2026-11-30T09:00:00Z'),
    });
    const headerBlock = raw.toString('utf8').split('\r\n\r\n')[0] ?? '';
    expect(headerBlock).not.toMatch(/^Bcc:/im);
  });

  it('prefixes Re: once, in English and Hungarian mail', () => {
    expect(replySubject('Invoice 12')).toBe('Re: Invoice 12');
    expect(replySubject('RE: Invoice 12')).toBe('RE: Invoice 12');
    expect(replySubject('Válasz: Számla')).toBe('Válasz: Számla');
  });
});
