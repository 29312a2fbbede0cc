import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { gmail_v1 } from '@googleapis/gmail';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GmailNotification, PubSubPushBody } from './push';
import type { GmailSandbox } from './sandbox';
import { ALICE, gmailFor, oauthClient, rfc822, startSandbox } from './test-support';

const AUDIENCE = 'https://firmly.test/webhooks/gmail';
const SERVICE_ACCOUNT = 'push@firmly-sandbox.iam.gserviceaccount.com';

/** firmly's webhook stand-in: records each push and answers with the next queued status (204 when none). */
const received: { authorization: string; body: PubSubPushBody }[] = [];
const answers: number[] = [];
let receiver: Server;
let sandbox: GmailSandbox;
let api: gmail_v1.Gmail;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    request.on('end', () => {
      received.push({ authorization: request.headers.authorization ?? '', body: JSON.parse(text) as PubSubPushBody });
      response.statusCode = answers.shift() ?? 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  sandbox = await startSandbox({
    quotaUnitsPerSecond: Number.POSITIVE_INFINITY,
    push: {
      endpoint: `http://127.0.0.1:${port}/webhooks/gmail`,
      audience: AUDIENCE,
      serviceAccountEmail: SERVICE_ACCOUNT,
      debounceMs: 30,
      retryBaseMs: 10,
    },
  });
  sandbox.admin.createUser(ALICE);
  api = gmailFor(sandbox, ALICE).api;
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(async () => {
  await sandbox.admin.settlePushes();
  received.length = 0;
  answers.length = 0;
});

const notification = (body: PubSubPushBody) => JSON.parse(Buffer.from(body.message.data, 'base64').toString()) as GmailNotification;
const verify = (token: string) =>
  jwtVerify(token, createRemoteJWKSet(new URL(`${sandbox.url}/oauth2/v3/certs`)), {
    issuer: 'https://accounts.google.com',
    audience: AUDIENCE,
  });

describe('watch and Pub/Sub push', () => {
  it('watches for 7 days and pushes one debounced notification with the latest historyId, signed by the JWKS key', async () => {
    const watch = (await api.users.watch({ userId: 'me', requestBody: { topicName: 'projects/firmly/topics/gmail', labelIds: ['INBOX'] } }))
      .data;
    expect(BigInt(watch.historyId ?? 0)).toBe(BigInt(sandbox.admin.historyId(ALICE)));
    expect(Number(watch.expiration) - Date.now()).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);

    sandbox.admin.deliver(ALICE, rfc822({ subject: 'one' }));
    const last = sandbox.admin.deliver(ALICE, rfc822({ subject: 'two' }));
    await sandbox.admin.settlePushes();

    expect(received).toHaveLength(1);
    const [push] = received;
    if (!push) throw new Error('no push');
    expect(push.body.subscription).toBe('projects/sandbox/subscriptions/firmly');
    expect(push.body.message.messageId).toBe(push.body.message.message_id);
    expect(Date.parse(push.body.message.publishTime)).toBeGreaterThan(Date.now() - 60_000);
    expect(notification(push.body)).toEqual({ emailAddress: ALICE, historyId: Number(last.historyId) });

    const token = push.authorization.replace(/^Bearer /, '');
    const { payload, protectedHeader } = await verify(token);
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ email: SERVICE_ACCOUNT, email_verified: true, aud: AUDIENCE });
    // google-auth-library's verifier, as firmly's webhook may use it, with its cert URLs moved to the sandbox.
    const ticket = await oauthClient(sandbox).verifyIdToken({ idToken: token, audience: AUDIENCE });
    expect(ticket.getPayload()?.email).toBe(SERVICE_ACCOUNT);
  });

  it('lets tests forge tokens that fail verification', async () => {
    await expect(verify(await sandbox.admin.signPushToken())).resolves.toBeDefined();
    await expect(verify(await sandbox.admin.signPushToken({ aud: 'https://elsewhere.example' }))).rejects.toThrow(/aud/);
    await expect(verify(await sandbox.admin.signPushToken({ iss: 'https://evil.example' }))).rejects.toThrow(/iss/);
    await expect(verify(await sandbox.admin.signPushToken({ exp: Math.floor(Date.now() / 1000) - 60 }))).rejects.toThrow(/exp/);
    await expect(verify(await sandbox.admin.signPushToken({}, { unknownKey: true }))).rejects.toThrow(/signature/);
  });

  it('retries a push the endpoint did not acknowledge', async () => {
    answers.push(500, 503);
    sandbox.admin.deliver(ALICE, rfc822({ subject: 'retry' }));
    await sandbox.admin.settlePushes();
    expect(received).toHaveLength(3);
    expect(
      sandbox.admin
        .pushes()
        .slice(-3)
        .map((p) => [p.attempt, p.status]),
    ).toEqual([
      [1, 500],
      [2, 503],
      [3, 204],
    ]);
  });

  it('honours the label filter, and stops after users.stop', async () => {
    const raw = Buffer.from(rfc822({ from: ALICE, to: 'bob@client.example', subject: 'outgoing' })).toString('base64url');
    await api.users.messages.send({ userId: 'me', requestBody: { raw } });
    await sandbox.admin.settlePushes();
    expect(received).toHaveLength(0); // SENT only; the watch asked for INBOX

    expect((await api.users.stop({ userId: 'me' })).status).toBe(204);
    sandbox.admin.deliver(ALICE, rfc822({ subject: 'after stop' }));
    await sandbox.admin.settlePushes();
    expect(received).toHaveLength(0);
  });

  it('needs a Pub/Sub topic name', async () => {
    await expect(api.users.watch({ userId: 'me', requestBody: { topicName: 'gmail' } })).rejects.toMatchObject({ status: 400 });
  });
});
