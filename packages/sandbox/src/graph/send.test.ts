import { ResponseType } from '@microsoft/microsoft-graph-client';
import type { Message } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphSandbox, type GraphSandbox } from './server';
import { connectedMailbox, graphClient, mimeMessage, skipWithoutTls, trustedTls } from './test-support';

const USER = 'ada@freelance.example';
const CLIENT = 'boss@client.example';

describe.skipIf(skipWithoutTls)('Graph sandbox: sending through the real Graph client', () => {
  let sandbox: GraphSandbox;
  let accessToken = '';
  const client = () => graphClient(sandbox, () => accessToken);

  beforeAll(async () => {
    sandbox = await createGraphSandbox({ tls: await trustedTls() });
    ({ accessToken } = await connectedMailbox(sandbox, USER));
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('sendMail with raw MIME lands in Sent Items, in the conversation its In-Reply-To names, with our Message-ID', async () => {
    const incoming = mimeMessage({ from: `Boss <${CLIENT}>`, to: USER, subject: 'Invoice 12' });
    const incomingId = sandbox.admin.deliver(USER, incoming.mime);
    const original = (await client().api(`/me/messages/${incomingId}`).get()) as Message;
    expect(original.internetMessageId).toBe(incoming.messageId);

    const ours = '<firmly-0193f2aa@mail.firmly.example>';
    const reply = mimeMessage({
      from: `Ada <${USER}>`,
      to: CLIENT,
      subject: 'Re: Invoice 12',
      messageId: ours,
      inReplyTo: incoming.messageId,
      references: incoming.messageId,
      text: 'A friendly reminder.',
    });
    const answer = (await client()
      .api('/me/sendMail')
      .header('Content-Type', 'text/plain')
      .responseType(ResponseType.RAW)
      .post(reply.mime.toString('base64'))) as Response;
    expect(answer.status).toBe(202);

    // The exists-in-Sent check firmly makes after an ambiguous send.
    const found = (await client()
      .api('/me/messages')
      .filter(`internetMessageId eq '${ours}'`)
      .select(['id', 'conversationId', 'parentFolderId', 'internetMessageId', 'subject', 'from', 'toRecipients', 'sentDateTime'])
      .get()) as { value: Message[] };
    expect(found.value).toHaveLength(1);
    const sent = found.value[0] as Message;
    expect(sent.internetMessageId).toBe(ours);
    expect(sent.conversationId).toBe(original.conversationId);
    const sentItems = (await client().api('/me/mailFolders/sentitems').get()) as { id: string };
    expect(sent.parentFolderId).toBe(sentItems.id);
    expect(sent.toRecipients?.[0]?.emailAddress?.address).toBe(CLIENT);

    // $value returns the bytes as sent.
    const raw = (await client().api(`/me/messages/${sent.id}/$value`).get()) as string;
    expect(raw).toBe(reply.mime.toString('utf8'));

    // internetMessageHeaders only when selected.
    expect(original.internetMessageHeaders).toBeUndefined();
    const withHeaders = (await client().api(`/me/messages/${sent.id}`).select('internetMessageHeaders').get()) as Message;
    expect(withHeaders.internetMessageHeaders?.find((header) => header.name === 'In-Reply-To')?.value).toBe(incoming.messageId);

    const none = (await client().api('/me/messages').filter("internetMessageId eq '<never-sent@x>'").get()) as { value: Message[] };
    expect(none.value).toEqual([]);
  });

  it('refuses sendMail bodies that are not base64 MIME, like Graph', async () => {
    const error = await client()
      .api('/me/sendMail')
      .header('Content-Type', 'text/plain')
      .post('this is not base64!')
      .then(
        () => undefined,
        (failure: { statusCode: number; code: string }) => failure,
      );
    expect(error).toMatchObject({ statusCode: 400, code: 'ErrorMimeContentInvalidBase64String' });
  });

  it('createReply then send: the draft keeps its id and moves to Sent Items in the same conversation; local recipients receive it', async () => {
    sandbox.admin.createUser(CLIENT);
    const incoming = mimeMessage({ from: CLIENT, to: USER, subject: 'Scope change' });
    const id = sandbox.admin.deliver(USER, incoming.mime);
    const draft = (await client().api(`/me/messages/${id}/createReply`).post({ comment: 'Happy to discuss the new scope.' })) as Message;
    expect(draft.isDraft).toBe(true);
    expect(draft.subject).toBe('RE: Scope change');
    expect(draft.toRecipients?.[0]?.emailAddress?.address).toBe(CLIENT);

    const sendAnswer = (await client().api(`/me/messages/${draft.id}/send`).responseType(ResponseType.RAW).post(null)) as Response;
    expect(sendAnswer.status).toBe(202);
    const sent = (await client().api(`/me/messages/${draft.id}`).get()) as Message;
    expect(sent.isDraft).toBe(false);
    expect(sent.conversationId).toBe(((await client().api(`/me/messages/${id}`).get()) as Message).conversationId);
    expect(sandbox.admin.messages(USER, 'sentitems').map((message) => message.id)).toContain(draft.id);

    const received = sandbox.admin.messages(CLIENT, 'inbox');
    expect(received.map((message) => message.internetMessageId)).toEqual([sent.internetMessageId]);
    expect(received[0]?.mime.toString('utf8')).toContain(`In-Reply-To: ${incoming.messageId}`);
  });
});
