import { PageIterator, ResponseType } from '@microsoft/microsoft-graph-client';
import type { Message } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphSandbox } from './server';
import { createGraphSandbox } from './server';
import { connectedMailbox, graphClient, mimeMessage, movableClock, skipWithoutTls, trustedTls } from './test-support';

type DeltaItem = Message & { '@removed'?: { reason: string } };
interface DeltaResponse {
  value: DeltaItem[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

const USER = 'ada@freelance.example';
const CLIENT = 'Client <boss@client.example>';

describe.skipIf(skipWithoutTls)('Graph sandbox: delta query through the real Graph client', () => {
  const clock = movableClock(new Date('2025-03-01T09:00:00Z'));
  let sandbox: GraphSandbox;
  let accessToken = '';
  const client = () => graphClient(sandbox, () => accessToken);
  const deliver = (subject: string, receivedAt?: Date) =>
    sandbox.admin.deliver(USER, mimeMessage({ from: CLIENT, to: USER, subject }).mime, receivedAt ? { receivedAt } : {});

  beforeAll(async () => {
    sandbox = await createGraphSandbox({
      tls: await trustedTls(),
      clock,
      deltaTokenLifetimeMs: 24 * 3_600_000,
      accessTokenTtlMs: 30 * 86_400_000,
    });
    ({ accessToken } = await connectedMailbox(sandbox, USER));
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('pages with odata.maxpagesize, then a delta round brings the new message and @removed ones', async () => {
    const ids = ['one', 'two', 'three', 'four', 'five'].map((subject) => deliver(subject));
    sandbox.admin.deliver(USER, mimeMessage({ from: `Ada <${USER}>`, to: CLIENT, subject: 'sent' }).mime, { folder: 'sentitems' });

    const prefer = 'odata.maxpagesize=2, IdType="ImmutableId"';
    const pages: DeltaResponse[] = [];
    // The first request as firmly makes it; RAW to see Preference-Applied.
    const first = (await client()
      .api('/me/mailFolders/inbox/messages/delta')
      .header('Prefer', prefer)
      .select(['id', 'subject', 'conversationId', 'internetMessageId', 'receivedDateTime'])
      .responseType(ResponseType.RAW)
      .get()) as Response;
    expect(first.status).toBe(200);
    expect(first.headers.get('preference-applied')).toContain('odata.maxpagesize=2');
    pages.push((await first.json()) as DeltaResponse);
    let link = pages[0]?.['@odata.nextLink'];
    while (link) {
      expect(link.startsWith(`${sandbox.url}/v1.0/`)).toBe(true);
      const page = (await client().api(link).header('Prefer', prefer).get()) as DeltaResponse;
      pages.push(page);
      link = page['@odata.nextLink'];
    }
    expect(pages.map((page) => page.value.length)).toEqual([2, 2, 1]);
    const seen = pages.flatMap((page) => page.value);
    expect(seen.map((message) => message.id)).toEqual(ids);
    // $select is kept for the whole sync, like Graph keeps it in the state token.
    expect(Object.keys(seen[4] ?? {}).sort()).toEqual([
      '@odata.etag',
      '@odata.type',
      'conversationId',
      'id',
      'internetMessageId',
      'receivedDateTime',
      'subject',
    ]);
    const deltaLink = pages[2]?.['@odata.deltaLink'];
    expect(deltaLink).toMatch(/\$deltatoken=/);

    // Changes since: one new message, one deleted, one moved out of the inbox.
    const added = deliver('six');
    sandbox.admin.remove(USER, ids[0] ?? '');
    sandbox.admin.move(USER, ids[1] ?? '', 'archive');
    const round = (await client().api(String(deltaLink)).header('Prefer', prefer).get()) as DeltaResponse;
    const more = round['@odata.nextLink']
      ? ((await client().api(round['@odata.nextLink']).header('Prefer', prefer).get()) as DeltaResponse)
      : undefined;
    const changes = [...round.value, ...(more?.value ?? [])];
    expect(changes).toHaveLength(3);
    expect(changes.find((item) => item.id === added)?.subject).toBe('six');
    expect(changes.filter((item) => item['@removed']).map((item) => [item.id, item['@removed']?.reason])).toEqual([
      [ids[0], 'deleted'],
      [ids[1], 'deleted'],
    ]);

    // Nothing changed since: an empty round with a fresh delta link.
    const finalLink = (more ?? round)['@odata.deltaLink'];
    const quiet = (await client().api(String(finalLink)).get()) as DeltaResponse;
    expect(quiet.value).toEqual([]);
    expect(quiet['@odata.deltaLink']).toBeDefined();
  });

  it("the client's PageIterator follows the sandbox's absolute https links", async () => {
    const collected: string[] = [];
    const first = (await client()
      .api('/me/mailFolders/inbox/messages/delta')
      .header('Prefer', 'odata.maxpagesize=1')
      .get()) as DeltaResponse;
    const iterator = new PageIterator(
      client(),
      first,
      (item: DeltaItem) => {
        collected.push(String(item.id));
        return true;
      },
      { headers: { Prefer: 'odata.maxpagesize=1' } },
    );
    await iterator.iterate();
    expect(collected.length).toBe(sandbox.admin.messages(USER, 'inbox').length);
    expect(iterator.getDeltaLink()).toMatch(/^https:\/\/localhost:\d+\/v1\.0\/.*\$deltatoken=/);
  });

  it('answers 410 syncStateNotFound for expired or invalidated delta tokens; the re-list by receivedDateTime works; tokens expire', async () => {
    const start = (await client()
      .api('/me/mailFolders/inbox/messages/delta')
      .header('Prefer', 'odata.maxpagesize=100')
      .get()) as DeltaResponse;
    const deltaLink = String(start['@odata.deltaLink']);

    clock.advance(25 * 3_600_000);
    const expired = await client()
      .api(deltaLink)
      .get()
      .then(
        () => undefined,
        (error: { statusCode: number; code: string }) => error,
      );
    expect(expired).toMatchObject({ statusCode: 410, code: 'syncStateNotFound' });

    const fresh = (await client().api('/me/mailFolders/inbox/messages/delta').get()) as DeltaResponse;
    let link = fresh['@odata.nextLink'] ?? fresh['@odata.deltaLink'];
    sandbox.admin.expireDeltaTokens(USER);
    const invalidated = await client()
      .api(String(link))
      .get()
      .then(
        () => undefined,
        (error: { statusCode: number; code: string }) => error,
      );
    expect(invalidated).toMatchObject({ statusCode: 410, code: 'syncStateNotFound' });

    // The fallback firmly runs after a 410: list the folder from a point in time, oldest first.
    const since = clock.now();
    const late = [deliver('late one'), deliver('late two')];
    clock.advance(1000);
    const listed = (await client()
      .api('/me/mailFolders/inbox/messages')
      .filter(`receivedDateTime ge ${since.toISOString()}`)
      .orderby('receivedDateTime')
      .top(1)
      .get()) as { value: Message[]; '@odata.nextLink'?: string };
    expect(listed.value.map((message) => message.id)).toEqual([late[0]]);
    link = listed['@odata.nextLink'];
    const rest = (await client().api(String(link)).get()) as { value: Message[] };
    expect(rest.value.map((message) => message.id)).toEqual([late[1]]);

    // Or, as firmly's sync does, a new delta bounded by receivedDateTime; the bound sticks to later rounds.
    const bounded = (await client()
      .api('/me/mailFolders/inbox/messages/delta')
      .select(['id', 'receivedDateTime'])
      .filter(`receivedDateTime ge ${since.toISOString()}`)
      .header('Prefer', 'IdType="ImmutableId", odata.maxpagesize=200')
      .get()) as DeltaResponse;
    expect(bounded.value.map((message) => message.id)).toEqual(late);
    deliver('old news', new Date(since.getTime() - 86_400_000));
    const recent = deliver('recent');
    const next = (await client().api(String(bounded['@odata.deltaLink'])).get()) as DeltaResponse;
    expect(next.value.map((message) => message.id)).toEqual([recent]);

    // Exchange refuses a sort that does not follow the filter.
    const inefficient = await client()
      .api('/me/mailFolders/inbox/messages')
      .filter("internetMessageId eq '<x@y>'")
      .orderby('receivedDateTime')
      .get()
      .then(
        () => undefined,
        (error: { statusCode: number; code: string }) => error,
      );
    expect(inefficient).toMatchObject({ statusCode: 400, code: 'InefficientFilter' });

    // Access tokens expire on the sandbox clock.
    clock.advance(31 * 86_400_000);
    const stale = await client()
      .api('/me/mailFolders/inbox/messages')
      .get()
      .then(
        () => undefined,
        (error: { statusCode: number; code: string; message: string }) => error,
      );
    expect(stale).toMatchObject({
      statusCode: 401,
      code: 'InvalidAuthenticationToken',
      message: 'Access token has expired or is not yet valid.',
    });
  });
});
