import type { gmail_v1 } from '@googleapis/gmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GmailSandbox } from './sandbox';
import { ALICE, failure, gmailFor, rfc822, startSandbox } from './test-support';

let sandbox: GmailSandbox;
let api: gmail_v1.Gmail;

beforeAll(async () => {
  sandbox = await startSandbox({ historyRetention: 8 });
  sandbox.admin.createUser(ALICE);
  api = gmailFor(sandbox, ALICE).api;
});
afterAll(() => sandbox.close());

async function allHistory(startHistoryId: string, maxResults: number) {
  const records: gmail_v1.Schema$History[] = [];
  let pageToken: string | undefined;
  let historyId = '';
  let pages = 0;
  do {
    const page = (await api.users.history.list({ userId: 'me', startHistoryId, maxResults, pageToken })).data;
    records.push(...(page.history ?? []));
    historyId = page.historyId ?? '';
    pageToken = page.nextPageToken ?? undefined;
    pages++;
  } while (pageToken);
  return { records, historyId, pages };
}

describe('users.history.list', () => {
  it('pages messagesAdded records after startHistoryId, ids increasing, ending at the current historyId', async () => {
    const start = (await api.users.getProfile({ userId: 'me' })).data.historyId ?? '';
    const delivered = [1, 2, 3, 4, 5].map((i) => sandbox.admin.deliver(ALICE, rfc822({ subject: `h${i}` })));
    const sent = (
      await api.users.messages.send({
        userId: 'me',
        requestBody: { raw: Buffer.from(rfc822({ from: ALICE, to: 'x@client.example', subject: 'out' })).toString('base64url') },
      })
    ).data;

    const { records, historyId, pages } = await allHistory(start, 2);
    expect(pages).toBe(3);
    expect(records.map((r) => r.messagesAdded?.[0]?.message?.id)).toEqual([...delivered.map((d) => d.id), sent.id]);
    const ids = records.map((r) => BigInt(r.id ?? 0));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    expect(BigInt(ids[0] ?? 0)).toBeGreaterThan(BigInt(start));
    expect(records[5]?.messagesAdded?.[0]?.message).toEqual({ id: sent.id, threadId: sent.threadId, labelIds: ['SENT'] });
    expect(records[0]?.messages).toEqual([{ id: delivered[0]?.id, threadId: delivered[0]?.threadId }]);
    expect(historyId).toBe((await api.users.getProfile({ userId: 'me' })).data.historyId);
    expect(historyId).toBe(records.at(-1)?.id);

    // Nothing new: no `history`, the same historyId to keep.
    const idle = (await api.users.history.list({ userId: 'me', startHistoryId: historyId })).data;
    expect(idle).toEqual({ historyId });
  });

  it('filters by historyTypes and labelId', async () => {
    const start = (await api.users.getProfile({ userId: 'me' })).data.historyId ?? '';
    sandbox.admin.deliver(ALICE, rfc822({ subject: 'typed' }));
    expect(
      (await api.users.history.list({ userId: 'me', startHistoryId: start, historyTypes: ['messageAdded'] })).data.history,
    ).toHaveLength(1);
    expect(
      (await api.users.history.list({ userId: 'me', startHistoryId: start, historyTypes: ['labelRemoved'] })).data.history,
    ).toBeUndefined();
    expect((await api.users.history.list({ userId: 'me', startHistoryId: start, labelId: 'SENT' })).data.history).toBeUndefined();
    expect((await failure(api.users.history.list({ userId: 'me', startHistoryId: start, historyTypes: ['nonsense'] }))).status).toBe(400);
  });

  it("answers 404 in Google's shape once startHistoryId is older than the history kept, and after expireHistoryBefore", async () => {
    const old = (await api.users.getProfile({ userId: 'me' })).data.historyId ?? '';
    // Retention is 8 records: eight deliveries fill it, a ninth pushes out the first record after `old`.
    for (let i = 0; i < 8; i++) sandbox.admin.deliver(ALICE, rfc822({ subject: `fill${i}` }));
    expect((await api.users.history.list({ userId: 'me', startHistoryId: old })).data.history).toHaveLength(8);
    sandbox.admin.deliver(ALICE, rfc822({ subject: 'one too many' }));
    const expired = await failure(api.users.history.list({ userId: 'me', startHistoryId: old }));
    expect(expired.status).toBe(404);
    expect(expired.data).toEqual({
      error: {
        code: 404,
        message: 'Requested entity was not found.',
        errors: [{ message: 'Requested entity was not found.', domain: 'global', reason: 'notFound' }],
        status: 'NOT_FOUND',
      },
    });

    const recent = (await api.users.getProfile({ userId: 'me' })).data.historyId ?? '';
    expect((await api.users.history.list({ userId: 'me', startHistoryId: recent })).data.historyId).toBe(recent);
    sandbox.admin.deliver(ALICE, rfc822({ subject: 'later' }));
    sandbox.admin.expireHistoryBefore(sandbox.admin.historyId(ALICE));
    expect((await failure(api.users.history.list({ userId: 'me', startHistoryId: recent }))).status).toBe(404);
    expect((await api.users.history.list({ userId: 'me', startHistoryId: sandbox.admin.historyId(ALICE) })).status).toBe(200);
  });

  it('needs a startHistoryId', async () => {
    expect((await failure(api.users.history.list({ userId: 'me' }))).status).toBe(400);
    expect((await failure(api.users.history.list({ userId: 'me', startHistoryId: 'abc' }))).status).toBe(400);
  });
});
