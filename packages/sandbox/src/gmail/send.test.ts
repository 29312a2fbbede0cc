import type { gmail_v1 } from '@googleapis/gmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMime } from './mime';
import type { GmailSandbox } from './sandbox';
import { ALICE, CLIENT_ADDRESS, failure, gmailFor, rfc822, startSandbox } from './test-support';

let sandbox: GmailSandbox;
let api: gmail_v1.Gmail;

beforeAll(async () => {
  // Sends cost 100 units, so the real 250 units/s would throttle this file; quota.test.ts covers the limit.
  sandbox = await startSandbox({ quotaUnitsPerSecond: Number.POSITIVE_INFINITY });
  sandbox.admin.createUser(ALICE);
  api = gmailFor(sandbox, ALICE).api;
});
afterAll(() => sandbox.close());

const b64url = (text: string) => Buffer.from(text).toString('base64url');
const header = (raw: Buffer, name: string) => parseMime(raw).headers.find((h) => h.name.toLowerCase() === name)?.value;

/** A client's question delivered to Alice; returns its ids. */
function clientAsks(subject: string, messageId: string) {
  return sandbox.admin.deliver(ALICE, rfc822({ subject, messageId }));
}

async function storedRaw(id: string): Promise<Buffer> {
  return Buffer.from((await api.users.messages.get({ userId: 'me', id, format: 'raw' })).data.raw ?? '', 'base64url');
}

describe('users.messages.send', () => {
  it('sends into the thread with its own Message-ID, In-Reply-To and References kept, labelled SENT', async () => {
    const question = clientAsks('Invoice 2026-014', 'q1@client.example');
    const reply = rfc822({
      from: ALICE,
      to: CLIENT_ADDRESS,
      subject: 'Re: Invoice 2026-014',
      messageId: 'firmly.r1@firmly.test',
      inReplyTo: 'q1@client.example',
      references: '<q0@client.example> <q1@client.example>',
      body: 'A gentle reminder.',
    });
    const sent = (await api.users.messages.send({ userId: 'me', requestBody: { raw: b64url(reply), threadId: question.threadId } })).data;
    expect(sent).toEqual({ id: expect.stringMatching(/^[0-9a-f]{16}$/), threadId: question.threadId, labelIds: ['SENT'] });

    const raw = await storedRaw(sent.id ?? '');
    expect(raw.toString()).toBe(reply);
    expect(header(raw, 'in-reply-to')).toBe('<q1@client.example>');
    expect(header(raw, 'references')).toBe('<q0@client.example> <q1@client.example>');

    // How firmly finds an ambiguous send again: by its own Message-ID among sent mail.
    const found = (await api.users.messages.list({ userId: 'me', q: 'rfc822msgid:firmly.r1@firmly.test in:sent' })).data;
    expect(found.messages).toEqual([{ id: sent.id, threadId: question.threadId }]);
  });

  it('starts a new thread when the subject does not match the thread (Gmail rule), and 404s an unknown thread', async () => {
    const question = clientAsks('Project kickoff', 'q2@client.example');
    const other = rfc822({
      from: ALICE,
      to: CLIENT_ADDRESS,
      subject: 'Something else',
      messageId: 'firmly.r2@firmly.test',
      inReplyTo: 'q2@client.example',
    });
    const sent = (await api.users.messages.send({ userId: 'me', requestBody: { raw: b64url(other), threadId: question.threadId } })).data;
    expect(sent.threadId).toBe(sent.id);
    expect(sent.threadId).not.toBe(question.threadId);

    const hungarian = rfc822({ from: ALICE, to: CLIENT_ADDRESS, subject: 'Válasz: Project kickoff', messageId: 'firmly.r3@firmly.test' });
    expect(
      (await api.users.messages.send({ userId: 'me', requestBody: { raw: b64url(hungarian), threadId: question.threadId } })).data.threadId,
    ).toBe(question.threadId);

    const unknown = await failure(
      api.users.messages.send({ userId: 'me', requestBody: { raw: b64url(hungarian), threadId: 'ffffffffffffffff' } }),
    );
    expect(unknown.status).toBe(404);
  });

  it('adds a Message-ID when there is none, and refuses a message without recipients or raw', async () => {
    const bare = 'From: alice@firmly.test\r\nTo: bob@client.example\r\nSubject: bare\r\n\r\nhi\r\n';
    const sent = (await api.users.messages.send({ userId: 'me', requestBody: { raw: b64url(bare) } })).data;
    expect(header(await storedRaw(sent.id ?? ''), 'message-id')).toMatch(/^<[0-9a-f]+@mail\.gmail\.com>$/);

    const noRecipient = await failure(api.users.messages.send({ userId: 'me', requestBody: { raw: b64url('Subject: x\r\n\r\nhi\r\n') } }));
    expect(noRecipient.status).toBe(400);
    expect(noRecipient.message).toBe('Recipient address required');
    expect((await failure(api.users.messages.send({ userId: 'me', requestBody: {} }))).status).toBe(400);
  });

  it('accepts uploadType=media and multipart on /upload, when the call carries rootUrl', async () => {
    const rootUrl = `${sandbox.url}/`;
    const question = clientAsks('Upload test', 'q4@client.example');
    const media = rfc822({
      from: ALICE,
      to: CLIENT_ADDRESS,
      subject: 'Re: Upload test',
      messageId: 'firmly.u1@firmly.test',
      inReplyTo: 'q4@client.example',
    });
    const viaMedia = (await api.users.messages.send({ userId: 'me', media: { mimeType: 'message/rfc822', body: media } }, { rootUrl }))
      .data;
    expect(viaMedia.labelIds).toEqual(['SENT']);
    // media alone carries no threadId, so the message starts its own thread.
    expect(viaMedia.threadId).toBe(viaMedia.id);
    expect((await storedRaw(viaMedia.id ?? '')).toString()).toBe(media);

    const multipart = rfc822({
      from: ALICE,
      to: CLIENT_ADDRESS,
      subject: 'RE: Upload test',
      messageId: 'firmly.u2@firmly.test',
      inReplyTo: 'q4@client.example',
      references: '<q4@client.example>',
    });
    const viaMultipart = (
      await api.users.messages.send(
        { userId: 'me', requestBody: { threadId: question.threadId }, media: { mimeType: 'message/rfc822', body: multipart } },
        { rootUrl },
      )
    ).data;
    expect(viaMultipart.threadId).toBe(question.threadId);
    expect((await storedRaw(viaMultipart.id ?? '')).toString()).toBe(multipart);

    // Without mimeType googleapis labels a string body text/plain, which Gmail refuses.
    const wrongType = await failure(api.users.messages.send({ userId: 'me', media: { body: media } }, { rootUrl }));
    expect(wrongType.status).toBe(400);
  });
});

describe('threading of delivered mail', () => {
  it('joins the thread a reply references when the subject matches, else starts a new one', async () => {
    const first = clientAsks('Contract draft', 'c1@client.example');
    const reply = sandbox.admin.deliver(
      ALICE,
      rfc822({ subject: 'Re: Re: Contract draft', messageId: 'c2@client.example', references: '<c1@client.example>' }),
    );
    const renamed = sandbox.admin.deliver(
      ALICE,
      rfc822({ subject: 'New topic', messageId: 'c3@client.example', inReplyTo: 'c1@client.example' }),
    );
    const unrelated = sandbox.admin.deliver(ALICE, rfc822({ subject: 'Contract draft', messageId: 'c4@client.example' }));
    expect(reply.threadId).toBe(first.threadId);
    expect(renamed.threadId).not.toBe(first.threadId);
    expect(unrelated.threadId).not.toBe(first.threadId);
    const thread = (await api.users.messages.list({ userId: 'me', q: 'rfc822msgid:c2@client.example' })).data.messages;
    expect(thread).toEqual([{ id: reply.id, threadId: first.threadId }]);
  });
});
