import { readFile } from 'node:fs/promises';
import type { gmail_v1 } from '@googleapis/gmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GmailSandbox } from './sandbox';
import { ALICE, failure, gmailFor, manualClock, rfc822, startSandbox } from './test-support';

const clock = manualClock('2026-03-02T10:00:00Z');
let sandbox: GmailSandbox;
let api: gmail_v1.Gmail;

beforeAll(async () => {
  // The clock stands still here, so the quota window would never slide; quota.test.ts covers the limit.
  sandbox = await startSandbox({ clock, quotaUnitsPerSecond: Number.POSITIVE_INFINITY });
  sandbox.admin.createUser(ALICE);
  api = gmailFor(sandbox, ALICE).api;
});
afterAll(() => sandbox.close());

const day = 24 * 3600_000;

describe('users.getProfile', () => {
  it('reports the address, totals and the current historyId', async () => {
    const before = (await api.users.getProfile({ userId: 'me' })).data;
    sandbox.admin.deliver(ALICE, rfc822({ subject: 'profile', messageId: 'profile@client.example' }));
    const after = (await api.users.getProfile({ userId: ALICE })).data;
    expect(after.emailAddress).toBe(ALICE);
    expect(after.messagesTotal).toBe((before.messagesTotal ?? 0) + 1);
    expect(after.threadsTotal).toBe((before.threadsTotal ?? 0) + 1);
    expect(BigInt(after.historyId ?? 0)).toBeGreaterThan(BigInt(before.historyId ?? 0));
  });

  it("refuses another user's mailbox (403) and an unknown route in Google's envelope", async () => {
    const denied = await failure(api.users.getProfile({ userId: 'someone@else.example' }));
    expect(denied.status).toBe(403);
    expect(denied.data).toMatchObject({ error: { code: 403, status: 'PERMISSION_DENIED' } });
  });
});

describe('users.messages.list', () => {
  const inbox = 'list@firmly.test';
  let listApi: gmail_v1.Gmail;
  const ids: string[] = [];

  beforeAll(() => {
    sandbox.admin.createUser(inbox);
    listApi = gmailFor(sandbox, inbox).api;
    // Seven messages a day apart, 2026-02-20 … 2026-02-26, delivered out of order.
    for (const i of [3, 0, 6, 1, 5, 2, 4]) {
      const internalDate = Date.parse('2026-02-20T12:00:00Z') + i * day;
      ids[i] = sandbox.admin.deliver(inbox, rfc822({ subject: `m${i}`, messageId: `m${i}@client.example`, to: inbox }), {
        internalDate,
      }).id;
    }
    sandbox.admin.deliver(inbox, rfc822({ subject: 'junk', to: inbox }), {
      labelIds: ['SPAM'],
      internalDate: Date.parse('2026-02-27T12:00:00Z'),
    });
  });

  it('pages newest first with maxResults and pageToken, without repeats, skipping SPAM', async () => {
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const page = (await listApi.users.messages.list({ userId: 'me', maxResults: 3, pageToken })).data;
      expect(page.resultSizeEstimate).toBe(7);
      seen.push(...(page.messages ?? []).map((m) => m.id ?? ''));
      pageToken = page.nextPageToken ?? undefined;
      pages++;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('does not shift later pages when mail arrives between pages', async () => {
    const first = (await listApi.users.messages.list({ userId: 'me', maxResults: 4 })).data;
    const late = sandbox.admin.deliver(inbox, rfc822({ subject: 'late', to: inbox }), { internalDate: Date.parse('2026-03-01T00:00:00Z') });
    const second = (await listApi.users.messages.list({ userId: 'me', maxResults: 4, pageToken: first.nextPageToken ?? '' })).data;
    expect([...(first.messages ?? []), ...(second.messages ?? [])].map((m) => m.id)).toEqual([...ids].reverse());
    const all = (await listApi.users.messages.list({ userId: 'me' })).data;
    expect(all.messages?.[0]?.id).toBe(late.id);
  });

  it('filters by after:/before: in epoch seconds and in Pacific dates', async () => {
    const after = Date.parse('2026-02-23T00:00:00Z') / 1000;
    const before = Date.parse('2026-02-25T00:00:00Z') / 1000;
    const bySeconds = (await listApi.users.messages.list({ userId: 'me', q: `after:${after} before:${before}` })).data;
    expect(bySeconds.messages?.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    // 2026/02/24 is midnight PST = 08:00Z, so the 12:00Z message of the 24th is included and the 26th excluded.
    const byDate = (await listApi.users.messages.list({ userId: 'me', q: 'after:2026/02/24 before:2026/02/26' })).data;
    expect(byDate.messages?.map((m) => m.id)).toEqual([ids[5], ids[4]]);
  });

  it('finds a message by rfc822msgid (with or without brackets) and filters by label', async () => {
    for (const q of ['rfc822msgid:m2@client.example', 'rfc822msgid:<m2@client.example>']) {
      expect((await listApi.users.messages.list({ userId: 'me', q })).data.messages).toEqual([{ id: ids[2], threadId: ids[2] }]);
    }
    const none = (await listApi.users.messages.list({ userId: 'me', q: 'rfc822msgid:nobody@nowhere in:sent' })).data;
    expect(none).toEqual({ resultSizeEstimate: 0 });
    const spam = (await listApi.users.messages.list({ userId: 'me', labelIds: ['SPAM'], includeSpamTrash: true })).data;
    expect(spam.messages).toHaveLength(1);
    const inboxOnly = (await listApi.users.messages.list({ userId: 'me', q: 'in:inbox', maxResults: 500 })).data;
    expect(inboxOnly.resultSizeEstimate).toBe(8);
  });

  it('refuses search terms the sandbox cannot judge, and bad page tokens, with 400', async () => {
    const unsupported = await failure(listApi.users.messages.list({ userId: 'me', q: 'from:bob@client.example' }));
    expect(unsupported.status).toBe(400);
    expect(unsupported.data).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT', errors: [{ reason: 'invalidArgument' }] } });
    expect((await failure(listApi.users.messages.list({ userId: 'me', pageToken: 'nonsense' }))).status).toBe(400);
  });
});

describe('users.messages.get', () => {
  const raw = [
    'From: =?UTF-8?B?QsOpbGEgS292w6Fjcw==?= <bela@client.example>',
    `To: ${ALICE}`,
    'Subject: =?ISO-8859-2?Q?=C1raj=E1nlat?= =?ISO-8859-2?Q?_k=E9sz?=',
    'Date: Mon, 2 Mar 2026 09:00:00 +0100',
    'Message-ID: <offer@client.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    'preamble',
    '--outer',
    'Content-Type: multipart/alternative; boundary=inner',
    '',
    '--inner',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Szia, csatoltam az =C3=A1raj=C3=A1nlatot. <b>&',
    '--inner',
    'Content-Type: text/html; charset=UTF-8',
    '',
    '<p>Szia</p>',
    '--inner--',
    '--outer',
    'Content-Type: application/pdf; name="offer.pdf"',
    "Content-Disposition: attachment; filename*=UTF-8''%C3%A1raj%C3%A1nlat.pdf",
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('%PDF-1.4 fake').toString('base64'),
    '--outer--',
    '',
  ].join('\r\n');
  let id: string;

  beforeAll(() => {
    id = sandbox.admin.deliver(ALICE, raw).id;
  });

  it('format=raw returns the stored bytes, base64url', async () => {
    const message = (await api.users.messages.get({ userId: 'me', id, format: 'raw' })).data;
    expect(Buffer.from(message.raw ?? '', 'base64url').toString()).toBe(raw);
    expect(message.raw).not.toMatch(/[+/]/);
    expect(message).toMatchObject({
      id,
      threadId: id,
      labelIds: ['INBOX', 'UNREAD'],
      sizeEstimate: Buffer.byteLength(raw),
      internalDate: String(clock.now()),
    });
    expect(message.payload).toBeUndefined();
  });

  it('format=full builds the part tree with decoded headers, body sizes and attachment ids', async () => {
    const message = (await api.users.messages.get({ userId: 'me', id })).data;
    const payload = message.payload;
    expect(payload).toMatchObject({ partId: '', mimeType: 'multipart/mixed', filename: '', body: { size: 0 } });
    expect(payload?.headers).toContainEqual({ name: 'Subject', value: 'Árajánlat kész' });
    expect(payload?.headers).toContainEqual({ name: 'From', value: 'Béla Kovács <bela@client.example>' });
    const [alternative, pdf] = payload?.parts ?? [];
    expect(alternative?.partId).toBe('0');
    expect(alternative?.parts?.map((p) => [p.partId, p.mimeType])).toEqual([
      ['0.0', 'text/plain'],
      ['0.1', 'text/html'],
    ]);
    const text = alternative?.parts?.[0]?.body;
    expect(Buffer.from(text?.data ?? '', 'base64url').toString()).toBe('Szia, csatoltam az árajánlatot. <b>&');
    expect(text?.size).toBe(Buffer.byteLength('Szia, csatoltam az árajánlatot. <b>&'));
    expect(pdf).toMatchObject({ partId: '1', mimeType: 'application/pdf', filename: 'árajánlat.pdf', body: { size: 13 } });
    expect(pdf?.body?.attachmentId).toMatch(/^[\w-]+$/);
    expect(message.snippet).toBe('Szia, csatoltam az árajánlatot. &lt;b&gt;&amp;');
  });

  it('format=full has the keys of a real capture', async () => {
    const capture = JSON.parse(
      await readFile(
        '/work/shared/corpora/emiltholin-gmail-api-parse-message/messages.get.full.multipartAlternativePlainTextAttachmentMessage.json',
        'utf8',
      ),
    ) as gmail_v1.Schema$Message;
    const message = (await api.users.messages.get({ userId: 'me', id, format: 'full' })).data;
    expect(Object.keys(message).sort()).toEqual(Object.keys(capture).sort());
    // That 2016 capture omits partId on multipart parts (its plain-text capture has partId ''); Gmail sends it today.
    expect(Object.keys(message.payload ?? {}).sort()).toEqual([...Object.keys(capture.payload ?? {}), 'partId'].sort());
  });

  it('format=metadata returns only the asked headers; minimal none', async () => {
    const metadata = (await api.users.messages.get({ userId: 'me', id, format: 'metadata', metadataHeaders: ['Message-ID', 'subject'] }))
      .data;
    expect(metadata.payload?.headers).toEqual([
      { name: 'Subject', value: 'Árajánlat kész' },
      { name: 'Message-ID', value: '<offer@client.example>' },
    ]);
    const minimal = (await api.users.messages.get({ userId: 'me', id, format: 'minimal' })).data;
    expect(minimal.payload).toBeUndefined();
    expect(minimal.historyId).toMatch(/^\d+$/);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await failure(api.users.messages.get({ userId: 'me', id: '0000000000000001' }));
    expect(missing.status).toBe(404);
    expect(missing.data).toEqual({
      error: {
        code: 404,
        message: 'Requested entity was not found.',
        errors: [{ message: 'Requested entity was not found.', domain: 'global', reason: 'notFound' }],
        status: 'NOT_FOUND',
      },
    });
    expect((await failure(api.users.messages.get({ userId: 'me', id: 'not-an-id' }))).status).toBe(400);
  });
});
