import { gmail } from '@googleapis/gmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GmailSandbox } from './sandbox';
import { failure, gmailFor, manualClock, rfc822, startSandbox } from './test-support';

const clock = manualClock();
let sandbox: GmailSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ clock });
});
afterAll(() => sandbox.close());

describe('per-user quota', () => {
  it('refuses with 429, Retry-After and rateLimitExceeded past 250 units in a second, until the window slides', async () => {
    const user = 'quota@firmly.test';
    sandbox.admin.createUser(user);
    const { id } = sandbox.admin.deliver(user, rfc822({ subject: 'q', to: user }));
    const { api } = gmailFor(sandbox, user);

    // 50 × messages.get (5 units) = 250 units, all at the same instant of the sandbox clock.
    for (let i = 0; i < 50; i++) await api.users.messages.get({ userId: 'me', id, format: 'minimal' });
    const refused = await failure(api.users.messages.get({ userId: 'me', id, format: 'minimal' }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    const retryAt = new Date(clock.now() + 1000).toISOString();
    expect(refused.message).toBe(`User-rate limit exceeded.  Retry after ${retryAt}`);
    expect(refused.data).toEqual({
      error: {
        code: 429,
        message: `User-rate limit exceeded.  Retry after ${retryAt}`,
        errors: [{ message: `User-rate limit exceeded.  Retry after ${retryAt}`, domain: 'usageLimits', reason: 'rateLimitExceeded' }],
        status: 'RESOURCE_EXHAUSTED',
      },
    });
    // getProfile costs 1 unit, which does not fit either.
    expect((await failure(api.users.getProfile({ userId: 'me' }))).status).toBe(429);

    clock.advance(1000);
    expect((await api.users.getProfile({ userId: 'me' })).status).toBe(200);
    expect(sandbox.admin.stats(user)).toEqual({
      unitsConsumed: 251,
      requestsByMethod: { 'users.messages.get': 51, 'users.getProfile': 2 },
      unitsByMethod: { 'users.messages.get': 250, 'users.getProfile': 1 },
      rateLimited: 2,
      faultsServed: 0,
    });
  });

  it('is per user', async () => {
    const busy = 'busy@firmly.test';
    const calm = 'calm@firmly.test';
    for (const u of [busy, calm]) sandbox.admin.createUser(u);
    const busyApi = gmailFor(sandbox, busy).api;
    for (let i = 0; i < 50; i++) await busyApi.users.messages.list({ userId: 'me' });
    expect((await failure(busyApi.users.messages.list({ userId: 'me' }))).status).toBe(429);
    expect((await gmailFor(sandbox, calm).api.users.messages.list({ userId: 'me' })).status).toBe(200);
  });
});

describe('fault injection', () => {
  it("serves injected 503s, which googleapis' default retry absorbs for GET", async () => {
    const user = 'faults@firmly.test';
    sandbox.admin.createUser(user);
    const { oauth } = gmailFor(sandbox, user);
    const retrying = gmail({ version: 'v1', rootUrl: `${sandbox.url}/`, auth: oauth });
    sandbox.admin.injectFaults({ status: 503, count: 1, methods: ['users.messages.list'] });
    expect((await retrying.users.messages.list({ userId: 'me' })).status).toBe(200);
    expect(sandbox.admin.stats(user)).toMatchObject({ faultsServed: 1, requestsByMethod: { 'users.messages.list': 2 }, unitsConsumed: 5 });
  });

  it('fails a send with 500 Backend Error (POST is not retried), then recovers', async () => {
    const user = 'faults-send@firmly.test';
    sandbox.admin.createUser(user);
    const { api } = gmailFor(sandbox, user);
    sandbox.admin.injectFaults({ status: 500, count: 1, methods: ['users.messages.send'] });
    const raw = Buffer.from(rfc822({ from: user, to: 'x@client.example', subject: 'retry me' })).toString('base64url');
    const failed = await failure(api.users.messages.send({ userId: 'me', requestBody: { raw } }));
    expect(failed.status).toBe(500);
    expect(failed.data).toMatchObject({ error: { code: 500, errors: [{ reason: 'backendError' }] } });
    expect(sandbox.admin.messages(user)).toHaveLength(0);
    clock.advance(1000);
    expect((await api.users.messages.send({ userId: 'me', requestBody: { raw } })).status).toBe(200);
  });

  it('delays responses so a client timeout fires', async () => {
    const user = 'slow@firmly.test';
    sandbox.admin.createUser(user);
    const { api } = gmailFor(sandbox, user);
    await api.users.getProfile({ userId: 'me' }); // fetch the access token first, outside the timed call
    sandbox.admin.injectDelay({ ms: 500, count: 1 });
    await expect(api.users.getProfile({ userId: 'me' }, { timeout: 100 })).rejects.toThrow(/aborted/);
    expect((await api.users.getProfile({ userId: 'me' }, { timeout: 1000 })).status).toBe(200);
  });
});
