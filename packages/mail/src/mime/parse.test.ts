import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedMessageError } from './errors';
import { MAX_PARSE_BYTES, parseRawMessage } from './parse';

const CRLF = '\r\n';

/** A raw message from header lines and a body; Buffers keep 8-bit bytes exactly. */
function rawMessage(headers: Array<string | Buffer>, body: string | Buffer = ''): Buffer {
  const parts: Buffer[] = [];
  for (const header of headers) parts.push(Buffer.isBuffer(header) ? header : Buffer.from(header, 'utf8'), Buffer.from(CRLF));
  parts.push(Buffer.from(CRLF), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));
  return Buffer.concat(parts);
}

/** Hungarian letters in ISO-8859-2 (the same bytes in windows-1250): "őű" is 0xF5 0xFB. */
const HU_LATIN2: Record<string, number> = { Á: 0xc1, á: 0xe1, É: 0xc9, é: 0xe9, Í: 0xcd, í: 0xed, Ó: 0xd3, ó: 0xf3, Ö: 0xd6, ö: 0xf6 };
Object.assign(HU_LATIN2, { Ő: 0xd5, ő: 0xf5, Ú: 0xda, ú: 0xfa, Ü: 0xdc, ü: 0xfc, Ű: 0xdb, ű: 0xfb });
function latin2(text: string): Buffer {
  return Buffer.from([...text].map((ch) => HU_LATIN2[ch] ?? ch.charCodeAt(0)));
}

const baseHeaders = [
  'From: Anna Kovács <anna@client.example>',
  'To: me@freelancer.example',
  'Date: Tue, 5 Mar 2024 10:00:00 +0100',
  'Message-ID: <m1@client.example>',
];

async function malformedReason(raw: Buffer): Promise<string> {
  const error = await parseRawMessage(raw).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MalformedMessageError);
  return (error as MalformedMessageError).message;
}

describe('parseRawMessage: charsets', () => {
  it('decodes an ISO-8859-2 body (8bit) and ISO-8859-2 encoded words in Subject and From', async () => {
    const raw = rawMessage(
      [
        'From: =?ISO-8859-2?Q?Kov=E1cs_=D5rs=E9g?= <orseg@client.example>',
        'To: me@freelancer.example',
        'Subject: =?ISO-8859-2?Q?=C1raj=E1nlat_=F5=FB?=',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=ISO-8859-2',
        'Content-Transfer-Encoding: 8bit',
      ],
      Buffer.concat([latin2('Kedves Ügyfél! Árvíztűrő tükörfúrógép: '), Buffer.from([0xf5, 0xfb]), Buffer.from('\r\n')]),
    );
    const parsed = await parseRawMessage(raw);
    expect(parsed.subject).toBe('Árajánlat őű');
    expect(parsed.from).toEqual({ address: 'orseg@client.example', name: 'Kovács Őrség' });
    expect(parsed.text).toBe('Kedves Ügyfél! Árvíztűrő tükörfúrógép: őű');
  });

  it('decodes ISO-8859-2 in base64 encoded words and quoted-printable bodies', async () => {
    const subject = `=?iso-8859-2?B?${latin2('Számla: őű').toString('base64')}?=`;
    const raw = rawMessage(
      [
        ...baseHeaders,
        `Subject: ${subject}`,
        'Content-Type: text/plain; charset="iso-8859-2"',
        'Content-Transfer-Encoding: quoted-printable',
      ],
      'Fizet=E9si hat=E1rid=F5: m=E1rcius 31.=\r\n Köszönöm.\r\n'.replace('Köszönöm', 'K=F6sz=F6n=F6m'),
    );
    const parsed = await parseRawMessage(raw);
    expect(parsed.subject).toBe('Számla: őű');
    expect(parsed.text).toBe('Fizetési határidő: március 31. Köszönöm.');
  });

  it('decodes windows-1250 (typographic quotes and Š/ž, which ISO-8859-2 lacks at these bytes)', async () => {
    const body = Buffer.concat([Buffer.from([0x84]), latin2('Számla'), Buffer.from([0x94, 0x20, 0x8a, 0x9e, 0x20]), latin2('őű')]);
    const raw = rawMessage(
      [
        ...baseHeaders,
        'Subject: =?windows-1250?Q?=84Sz=E1mla=94_=F5=FB?=',
        'Content-Type: text/plain; charset=windows-1250',
        'Content-Transfer-Encoding: 8bit',
      ],
      body,
    );
    const parsed = await parseRawMessage(raw);
    expect(parsed.subject).toBe('„Számla” őű');
    expect(parsed.text).toBe('„Számla” Šž őű');
  });

  it('recovers a raw 8-bit ISO-8859-2 Subject (no encoded words) from the declared body charset', async () => {
    const withCharset = rawMessage(
      [...baseHeaders, Buffer.concat([Buffer.from('Subject: '), latin2('Árajánlat őű')]), 'Content-Type: text/plain; charset=iso-8859-2'],
      'x',
    );
    expect((await parseRawMessage(withCharset)).subject).toBe('Árajánlat őű');

    // With no charset to go on, windows-1252 (the browsers' default) still beats U+FFFD.
    const withoutCharset = rawMessage([...baseHeaders, Buffer.concat([Buffer.from('Subject: '), latin2('Árajánlat')])], 'x');
    expect((await parseRawMessage(withoutCharset)).subject).toBe('Árajánlat');
  });

  it('keeps emoji (astral planes, skin tones, ZWJ sequences) in headers and bodies', async () => {
    const subject = `=?UTF-8?B?${Buffer.from('Számla 🧾 kész ✅').toString('base64')}?=`;
    const body = 'Köszi! 👍🏽 👨‍👩‍👧 🇭🇺\r\n';
    const raw = rawMessage(
      [...baseHeaders, `Subject: ${subject}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'],
      Buffer.from(body).toString('base64'),
    );
    const parsed = await parseRawMessage(raw);
    expect(parsed.subject).toBe('Számla 🧾 kész ✅');
    expect(parsed.text).toBe('Köszi! 👍🏽 👨‍👩‍👧 🇭🇺');
  });

  it('keeps right-to-left text and its direction marks exactly', async () => {
    const hebrew = 'שלום, החשבונית מצורפת';
    const arabic = '\u200fمرحبا، الفاتورة مرفقة\u200f';
    const raw = rawMessage(
      [...baseHeaders, `Subject: =?UTF-8?B?${Buffer.from(hebrew).toString('base64')}?=`, 'Content-Type: text/plain; charset=utf-8'],
      `${arabic}\r\n${hebrew}\r\n`,
    );
    const parsed = await parseRawMessage(raw);
    expect(parsed.subject).toBe(hebrew);
    expect(parsed.text).toBe(`${arabic}\n${hebrew}`);
  });
});

describe('parseRawMessage: bodies', () => {
  it('produces text from HTML-only mail and keeps the HTML', async () => {
    const html =
      '<html><head><style>p{}</style></head><body><div>Szia,</div><div><br></div><div>K&eacute;rem a sz&aacute;ml&aacute;t.</div></body></html>';
    const raw = rawMessage([...baseHeaders, 'Subject: html', 'Content-Type: text/html; charset=utf-8'], html);
    const parsed = await parseRawMessage(raw);
    expect(parsed.text).toBe('Szia,\n\nKérem a számlát.');
    expect(parsed.html).toContain('<div>Szia,</div>');
  });

  it('uses the HTML when the text/plain alternative is empty', async () => {
    const raw = rawMessage(
      [...baseHeaders, 'Content-Type: multipart/alternative; boundary="alt"'],
      ['--alt', 'Content-Type: text/plain', '', '   ', '--alt', 'Content-Type: text/html', '', '<p>Real text</p>', '--alt--', ''].join(
        CRLF,
      ),
    );
    expect((await parseRawMessage(raw)).text).toBe('Real text');
  });

  it('prefers text/plain over HTML and normalises line endings to LF', async () => {
    const raw = rawMessage(
      [...baseHeaders, 'Content-Type: multipart/alternative; boundary="alt"'],
      [
        '--alt',
        'Content-Type: text/plain',
        '',
        'line 1',
        'line 2',
        '--alt',
        'Content-Type: text/html',
        '',
        '<p>html</p>',
        '--alt--',
        '',
      ].join(CRLF),
    );
    const parsed = await parseRawMessage(raw);
    expect(parsed.text).toBe('line 1\nline 2');
    expect(parsed.html).toContain('<p>html</p>');
  });

  it('parses an empty body and a header-only message (no blank line at all)', async () => {
    const empty = await parseRawMessage(rawMessage([...baseHeaders, 'Subject: empty']));
    expect(empty).toMatchObject({ subject: 'empty', text: '', attachments: [] });
    expect(empty.html).toBeUndefined();

    const headerOnly = await parseRawMessage(Buffer.from(`${baseHeaders.join(CRLF)}\r\nSubject: only headers`));
    expect(headerOnly).toMatchObject({ subject: 'only headers', text: '', messageId: 'm1@client.example' });
  });

  it('reports attachments by name, type and decoded size, never their content', async () => {
    const pdf = Buffer.alloc(12_345, 0x25);
    const raw = rawMessage(
      [...baseHeaders, 'Content-Type: multipart/mixed; boundary="mix"'],
      [
        '--mix',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'See attached.',
        '--mix',
        'Content-Type: application/pdf',
        "Content-Disposition: attachment; filename*=UTF-8''sz%C3%A1mla%20%C5%91%C5%B1.pdf",
        'Content-Transfer-Encoding: base64',
        '',
        pdf.toString('base64'),
        '--mix',
        'Content-Type: image/png',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.alloc(10, 1).toString('base64'),
        '--mix--',
        '',
      ].join(CRLF),
    );
    const parsed = await parseRawMessage(raw);
    expect(parsed.text).toBe('See attached.');
    expect(parsed.attachments).toEqual([
      { name: 'számla őű.pdf', contentType: 'application/pdf', size: 12_345 },
      { name: '', contentType: 'image/png', size: 10 },
    ]);
  });

  it('parses a 10 MB text body in bounded time, and a 10 MB attachment without keeping it', async () => {
    const line = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor ut labore.\r\n';
    const body = line.repeat(Math.ceil(10_000_000 / line.length));
    let started = performance.now();
    const text = await parseRawMessage(rawMessage([...baseHeaders, 'Subject: big', 'Content-Type: text/plain; charset=utf-8'], body));
    // postal-mime collects 8bit bodies line by line into a Blob: ~2.5 s here for 10 MB on Node 20.
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(text.text.length).toBe(body.length - body.length / line.length - 1); // CRLF → LF, last one trimmed

    const attachment = Buffer.alloc(10_000_000, 7);
    started = performance.now();
    const withAttachment = await parseRawMessage(
      rawMessage(
        [...baseHeaders, 'Content-Type: multipart/mixed; boundary=b'],
        `--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\nContent-Type: application/zip; name=big.zip\r\nContent-Transfer-Encoding: base64\r\n\r\n${attachment
          .toString('base64')
          .replace(/.{76}/g, '$&\r\n')}\r\n--b--\r\n`,
      ),
    );
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(withAttachment.attachments).toEqual([{ name: 'big.zip', contentType: 'application/zip', size: 10_000_000 }]);
    expect(JSON.stringify(withAttachment).length).toBeLessThan(5_000);
  }, 120_000);

  it('reads only the first MAX_PARSE_BYTES of an oversized message', async () => {
    const huge = Buffer.alloc(Math.ceil((MAX_PARSE_BYTES * 3) / 4) + 1_000_000, 1).toString('base64');
    const raw = rawMessage(
      [...baseHeaders, 'Subject: huge', 'Content-Type: multipart/mixed; boundary=b'],
      `--b\r\nContent-Type: text/plain\r\n\r\nthe text\r\n--b\r\nContent-Type: application/octet-stream; name=x.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n${huge.replace(/.{76}/g, '$&\r\n')}\r\n--b--\r\n`,
    );
    expect(raw.length).toBeGreaterThan(MAX_PARSE_BYTES);
    const parsed = await parseRawMessage(raw);
    expect(parsed.subject).toBe('huge');
    expect(parsed.text).toBe('the text');
    expect(parsed.attachments[0]?.size).toBeLessThan((MAX_PARSE_BYTES * 3) / 4);
  }, 120_000);
});

describe('parseRawMessage: headers', () => {
  it('lower-cases and trims addresses, flattens groups, keeps display names', async () => {
    const parsed = await parseRawMessage(
      rawMessage(
        [
          'From: "  Anna KOVÁCS " <  Anna.Kovacs@Client.EXAMPLE >',
          'To: Team: Bob@X.example, "Cecil" <CECIL@x.example>;, dora@Y.example',
          'Cc: =?UTF-8?Q?=C3=89va?= <EVA@z.example>, undisclosed-recipients:;',
          'Reply-To: <Billing@Client.example>',
          'Subject: addresses',
        ],
        'x',
      ),
    );
    expect(parsed.from).toEqual({ address: 'anna.kovacs@client.example', name: 'Anna KOVÁCS' });
    expect(parsed.to).toEqual([{ address: 'bob@x.example' }, { address: 'cecil@x.example', name: 'Cecil' }, { address: 'dora@y.example' }]);
    expect(parsed.cc).toEqual([{ address: 'eva@z.example', name: 'Éva' }]);
    expect(parsed.replyTo).toEqual([{ address: 'billing@client.example' }]);
  });

  it('strips angle brackets from Message-ID / In-Reply-To and splits References', async () => {
    const parsed = await parseRawMessage(
      rawMessage(
        [
          'From: a@b.example',
          'Message-ID:   <CAF=abc+123@mail.gmail.com>  ',
          'In-Reply-To: <prev@x.example> (Anna\'s message of "Mon")',
          'References: <root@x.example>',
          '  <mid@x.example>\t<prev@x.example>',
        ],
        'x',
      ),
    );
    expect(parsed.messageId).toBe('CAF=abc+123@mail.gmail.com');
    expect(parsed.inReplyTo).toBe('prev@x.example');
    expect(parsed.references).toEqual(['root@x.example', 'mid@x.example', 'prev@x.example']);
  });

  it('keeps the newest References even when the header is longer than the stored copy', async () => {
    const ids = Array.from({ length: 600 }, (_, i) => `<reference-number-${i}@mail.client.example>`);
    const parsed = await parseRawMessage(rawMessage(['From: a@b.example', `References: ${ids.join('\r\n ')}`], 'x'));
    expect(parsed.references).toHaveLength(500);
    expect(parsed.references[0]).toBe('reference-number-0@mail.client.example');
    expect(parsed.references.at(-1)).toBe('reference-number-599@mail.client.example');
    expect(parsed.headers.references?.length).toBeLessThanOrEqual(16 * 1024);
  });

  it('keeps the threading and auto-reply headers under lower-case names, decoded', async () => {
    const parsed = await parseRawMessage(
      rawMessage(
        [
          'Received: from somewhere',
          'Return-Path: <>',
          'FROM: a@b.example',
          'MESSAGE-ID: <x@y>',
          'Auto-Submitted: auto-replied',
          'X-AutoReply: yes',
          'X-Autorespond: =?UTF-8?Q?igen?=',
          'Precedence: bulk',
          'X-Auto-Response-Suppress: All',
          'List-Id: Clients <clients.example.com>',
          'Content-Type: text/plain; charset=utf-8',
          'Thread-Index: AQHZabc=',
          'X-Other: dropped',
        ],
        'x',
      ),
    );
    expect(parsed.headers).toEqual({
      'return-path': '<>',
      'message-id': '<x@y>',
      'auto-submitted': 'auto-replied',
      'x-autoreply': 'yes',
      'x-autorespond': 'igen',
      precedence: 'bulk',
      'x-auto-response-suppress': 'All',
      'list-id': 'Clients <clients.example.com>',
      'content-type': 'text/plain; charset=utf-8',
      'thread-index': 'AQHZabc=',
    });
    expect(parsed.autoReply).toEqual({ isAutoReply: true, reason: 'Auto-Submitted: auto-replied' });
  });

  it('reads the Date header; missing, unparseable and absurd dates are undefined', async () => {
    const withDate = (date?: string) => parseRawMessage(rawMessage(['From: a@b.example', ...(date ? [`Date: ${date}`] : [])], 'x'));
    expect((await withDate('Tue, 5 Mar 2024 10:00:00 +0100')).date?.toISOString()).toBe('2024-03-05T09:00:00.000Z');
    expect((await withDate()).date).toBeUndefined();
    expect((await withDate('next Tuesday')).date).toBeUndefined();
    expect((await withDate('Mon, 30 Jun 3609 15:33:50 +0600')).date).toBeUndefined();
    expect((await withDate('Thu, 01 Jan 1970 00:00:00 +0000')).date).toBeUndefined();
  });

  it('drops a leading mbox "From " separator line', async () => {
    const parsed = await parseRawMessage(
      Buffer.from(`From MAILER-DAEMON  Sat Oct  4 08:00:09 2025\n${baseHeaders.join('\n')}\nSubject: s\n\nbody\n`),
    );
    expect(parsed.from?.address).toBe('anna@client.example');
    expect(parsed.subject).toBe('s');
  });
});

describe('parseRawMessage: failures', () => {
  it('throws MalformedMessageError for empty input, whitespace, garbage and bare text', async () => {
    expect(await malformedReason(Buffer.alloc(0))).toMatch(/empty message/);
    expect(await malformedReason(Buffer.from('\r\n \t\n'))).toMatch(/empty message/);
    expect(await malformedReason(Buffer.from('// Not an RFC-822 Document'))).toMatch(/not an email message/);
    expect(await malformedReason(Buffer.from('Hello,\n\nplease pay the invoice.\n'))).toMatch(/not an email message/);

    // Deterministic pseudo-random bytes (xorshift), so a failure reproduces.
    let state = 0x9e3779b9;
    const garbage = Buffer.alloc(64 * 1024);
    for (let i = 0; i < garbage.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      garbage[i] = state & 0xff;
    }
    expect(await malformedReason(garbage)).toMatch(/not an email message/);
  });

  it('falls back to the headers when the MIME structure is too deep to parse', async () => {
    const depth = 300; // postal-mime refuses more than 256 levels
    const opens = Array.from({ length: depth }, (_, i) => `--b${i}\r\nContent-Type: multipart/mixed; boundary=b${i + 1}\r\n`).join('\r\n');
    const raw = rawMessage(
      [...baseHeaders, 'Subject: deep', 'Content-Type: multipart/mixed; boundary=b0'],
      `${opens}\r\n--b${depth}\r\n\r\ntext\r\n`,
    );
    const parsed = await parseRawMessage(raw);
    expect(parsed).toMatchObject({ subject: 'deep', text: '', attachments: [], messageId: 'm1@client.example' });
  });

  it('falls back to the headers when the header block exceeds the parser limit', async () => {
    const junk = Array.from({ length: 30_000 }, (_, i) => `X-Junk-${i}: ${'x'.repeat(80)}`);
    const parsed = await parseRawMessage(rawMessage([...baseHeaders, 'Subject: many headers', ...junk], 'body'));
    expect(parsed).toMatchObject({ subject: 'many headers', from: { address: 'anna@client.example' }, text: '' });
  });

  it('never throws anything but MalformedMessageError, whatever the bytes', async () => {
    const check = async (bytes: Uint8Array) => {
      try {
        const parsed = await parseRawMessage(Buffer.from(bytes));
        expect(typeof parsed.text).toBe('string');
      } catch (error) {
        expect(error).toBeInstanceOf(MalformedMessageError);
      }
    };
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), check), { numRuns: 300 });
    // Mail-shaped noise reaches deeper into the parser than random bytes do.
    const token = fc.constantFrom(
      'From: ',
      'Subject: ',
      'Content-Type: multipart/mixed; boundary=x',
      'Content-Type: text/html; charset=iso-8859-2',
      'Content-Transfer-Encoding: base64',
      'Content-Transfer-Encoding: quoted-printable',
      '--x',
      '--x--',
      '=?UTF-8?B?',
      '=?iso-8859-2?Q?=F5',
      '?=',
      '<',
      '>',
      '@',
      '\r\n',
      '\n',
      ' ',
      '=',
      '<p>',
      '&#',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 60 }), (parts) => check(Buffer.from(parts.join('')))),
      { numRuns: 300 },
    );
  });
});
