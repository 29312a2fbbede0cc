import { randomUUID } from 'node:crypto';
import { generateEncryptionKey, parseEncryptionKeys } from '@firmly/config';
import { fixedClock } from '@firmly/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthConfigurationError, ReauthRequiredError, TransientAuthError } from '../errors';
import { type Grant, openGrant, sealGrant } from './grant';
import { googleProvider, microsoftProvider, type ProviderConfig } from './providers';
import { createTokenClient, type TokenClient } from './token-client';
import { startTokenEndpointDouble, type TokenEndpointDouble } from './token-endpoint-double';
import { createTokenManager, type GrantStore, type Lease, type Leases, type TokenManagerOptions, tokenLeaseName } from './token-manager';

/** In-memory leases with the contract of packages/queue's (acquire if free or expired; release/extend only if ours). */
function memoryLeases(): Leases & { acquired: string[] } {
  const held = new Map<string, { token: string; expiresAt: number }>();
  const acquired: string[] = [];
  return {
    acquired,
    async acquire(name, ttlMs) {
      const current = held.get(name);
      if (current && current.expiresAt > Date.now()) return null;
      const token = randomUUID();
      held.set(name, { token, expiresAt: Date.now() + ttlMs });
      acquired.push(name);
      const ours = () => held.get(name)?.token === token && (held.get(name)?.expiresAt ?? 0) > Date.now();
      const lease: Lease = {
        name,
        token,
        async extend(ms) {
          if (!ours()) return false;
          held.set(name, { token, expiresAt: Date.now() + ms });
          return true;
        },
        async release() {
          if (!ours()) return false;
          held.delete(name);
          return true;
        },
      };
      return lease;
    },
  };
}

/** The Postgres store's contract: compare-and-set on the sealed value. */
function memoryStore(): GrantStore & { rows: Map<string, string | null>; marked: Array<[string, string]>; saves: number } {
  const rows = new Map<string, string | null>();
  const marked: Array<[string, string]> = [];
  const store = {
    rows,
    marked,
    saves: 0,
    async loadSealedGrant(id: string) {
      return rows.get(id) ?? null;
    },
    async saveSealedGrant(id: string, sealed: string, expectedPrevious: string) {
      if (rows.get(id) !== expectedPrevious) return false;
      rows.set(id, sealed);
      store.saves++;
      return true;
    },
    async markNeedsReauth(id: string, reason: string) {
      marked.push([id, reason]);
    },
  };
  return store;
}

const client = { clientId: 'client-1', clientSecret: 'secret-1', redirectUri: 'http://127.0.0.1:3000/oauth/callback' };
const keys = parseEncryptionKeys(generateEncryptionKey('v1'));
const start = new Date('2026-03-02T10:00:00.000Z');
const minutes = (n: number) => n * 60_000;

describe.each(['microsoft', 'google'] as const)('token manager with a %s-like token endpoint', (style) => {
  let endpoint: TokenEndpointDouble;
  let provider: ProviderConfig;

  beforeAll(async () => {
    endpoint = await startTokenEndpointDouble({ style, ...client });
    provider =
      style === 'google' ? googleProvider({ ...client, baseUrl: endpoint.url }) : microsoftProvider({ ...client, loginUrl: endpoint.url });
  });
  afterAll(() => endpoint.close());
  afterEach(() => endpoint.setDelay(0));

  function setup(overrides: Partial<TokenManagerOptions> = {}, timeoutMs = 5_000) {
    const clock = fixedClock(start);
    const store = memoryStore();
    const leases = memoryLeases();
    const tokenClient = createTokenClient({ clock, timeoutMs });
    const options: TokenManagerOptions = {
      keys,
      leases,
      store,
      tokenClient,
      clock,
      providers: { [provider.provider]: provider },
      pollIntervalMs: 10,
      ...overrides,
    };
    const mailboxId = randomUUID();
    const refreshToken = endpoint.createGrant('granted');
    const connect = (grant: Partial<Grant> = {}) =>
      store.rows.set(mailboxId, sealGrant(keys, { provider: provider.provider, refreshToken, scope: 'granted', ...grant }, mailboxId));
    const stored = () => openGrant(keys, store.rows.get(mailboxId) ?? '', mailboxId);
    return { clock, store, leases, options, tokenClient, mailboxId, refreshToken, connect, stored, manager: createTokenManager(options) };
  }

  it('returns a stored token valid beyond the margin without refreshing or locking', async () => {
    const t = setup();
    t.connect({ accessToken: 'stored-at', accessTokenExpiresAt: new Date(start.getTime() + minutes(6)) });
    const before = endpoint.refreshCount;
    await expect(t.manager.accessToken(t.mailboxId)).resolves.toBe('stored-at');
    expect(endpoint.refreshCount).toBe(before);
    expect(t.leases.acquired).toEqual([]);
  });

  it('refreshes a token inside the margin, under the mailbox lease, and stores the new grant', async () => {
    const t = setup();
    t.connect({ accessToken: 'old-at', accessTokenExpiresAt: new Date(start.getTime() + minutes(4)) });
    const before = endpoint.refreshCount;
    const token = await t.manager.accessToken(t.mailboxId);
    expect(token).toMatch(/^at-/);
    expect(endpoint.refreshCount).toBe(before + 1);
    expect(t.leases.acquired).toEqual([tokenLeaseName(t.mailboxId)]);
    expect(t.stored()).toMatchObject({ accessToken: token, accessTokenExpiresAt: new Date(start.getTime() + 3600_000), scope: 'granted' });
    // Released: another worker can take it at once.
    await expect(t.leases.acquire(tokenLeaseName(t.mailboxId), 1000)).resolves.not.toBeNull();
  });

  it('10 concurrent calls with an expired token cause exactly one refresh', async () => {
    const t = setup();
    t.connect();
    endpoint.setDelay(50);
    const before = endpoint.refreshCount;
    const tokens = await Promise.all(Array.from({ length: 10 }, () => t.manager.accessToken(t.mailboxId)));
    expect(new Set(tokens).size).toBe(1);
    expect(endpoint.refreshCount).toBe(before + 1);
  });

  it('10 concurrent calls spread over 5 workers (separate managers, shared lease and store) cause exactly one refresh', async () => {
    const t = setup();
    t.connect({ accessToken: 'expired', accessTokenExpiresAt: new Date(start.getTime() - 1) });
    endpoint.setDelay(100);
    const workers = Array.from({ length: 5 }, () => createTokenManager(t.options));
    const before = endpoint.refreshCount;
    const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => workers[i % 5]?.accessToken(t.mailboxId)));
    expect(new Set(tokens).size).toBe(1);
    expect(endpoint.refreshCount).toBe(before + 1);
    expect(t.store.saves).toBe(1);
    expect(t.stored().accessToken).toBe(tokens[0]);
  });

  it(`persists the refresh token ${style === 'microsoft' ? 'rotated by the provider' : '(Google keeps it)'}, and keeps refreshing with it`, async () => {
    const t = setup();
    t.connect();
    await t.manager.accessToken(t.mailboxId);
    const first = t.stored().refreshToken;
    if (style === 'microsoft') expect(first).not.toBe(t.refreshToken);
    else expect(first).toBe(t.refreshToken);
    t.clock.set(new Date(start.getTime() + 3600_000));
    // A fresh manager (another worker, after a restart) works from the stored grant only.
    const token = await createTokenManager(t.options).accessToken(t.mailboxId);
    expect(t.stored().accessToken).toBe(token);
    if (style === 'microsoft') expect(t.stored().refreshToken).not.toBe(first);
    expect(t.store.marked).toEqual([]);
  });

  it('invalid_grant marks the mailbox needs_reauth and rethrows; the grant is left as it was', async () => {
    const t = setup();
    t.connect();
    const sealed = t.store.rows.get(t.mailboxId);
    endpoint.revoke(t.refreshToken);
    await expect(t.manager.accessToken(t.mailboxId)).rejects.toBeInstanceOf(ReauthRequiredError);
    expect(t.store.marked).toHaveLength(1);
    expect(t.store.marked[0]?.[0]).toBe(t.mailboxId);
    expect(t.store.marked[0]?.[1]).toContain('invalid_grant');
    expect(t.store.rows.get(t.mailboxId)).toBe(sealed);
  });

  it.each([
    ['429', { status: 429, body: { error: 'rate_limited' } }],
    ['500', { status: 500, body: { error: 'server_error' } }],
    ['a hanging endpoint', 'hang' as const],
  ])('%s is transient: nothing is marked, nothing is stored, the next call succeeds', async (_name, failure) => {
    const t = setup({}, failure === 'hang' ? 300 : 5_000);
    t.connect();
    const sealed = t.store.rows.get(t.mailboxId);
    endpoint.failNext(failure);
    await expect(t.manager.accessToken(t.mailboxId)).rejects.toBeInstanceOf(TransientAuthError);
    expect(t.store.marked).toEqual([]);
    expect(t.store.rows.get(t.mailboxId)).toBe(sealed);
    await expect(t.manager.accessToken(t.mailboxId)).resolves.toMatch(/^at-/);
  });

  it('waits for a peer holding the lease and uses the token it stores', async () => {
    const t = setup();
    t.connect();
    const peer = await t.leases.acquire(tokenLeaseName(t.mailboxId), 10_000);
    const before = endpoint.refreshCount;
    const pending = t.manager.accessToken(t.mailboxId);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const current = t.store.rows.get(t.mailboxId) ?? '';
    const peerGrant: Grant = { ...t.stored(), accessToken: 'peer-at', accessTokenExpiresAt: new Date(start.getTime() + 3600_000) };
    await t.store.saveSealedGrant(t.mailboxId, sealGrant(keys, peerGrant, t.mailboxId), current);
    await peer?.release();
    await expect(pending).resolves.toBe('peer-at');
    expect(endpoint.refreshCount).toBe(before);
  });

  it('gives up transiently when a peer holds the lease too long', async () => {
    const t = setup({ waitForPeerMs: 100 });
    t.connect();
    await t.leases.acquire(tokenLeaseName(t.mailboxId), 10_000);
    await expect(t.manager.accessToken(t.mailboxId)).rejects.toBeInstanceOf(TransientAuthError);
    expect(t.store.marked).toEqual([]);
  });

  it('takes over when the holder died and its lease expired', async () => {
    const t = setup({ waitForPeerMs: 2_000 });
    t.connect();
    await t.leases.acquire(tokenLeaseName(t.mailboxId), 100);
    await expect(t.manager.accessToken(t.mailboxId)).resolves.toMatch(/^at-/);
  });

  it('invalidate() after a 401 forces a refresh even though the stored token has not expired', async () => {
    const t = setup();
    t.connect();
    const first = await t.manager.accessToken(t.mailboxId);
    await expect(t.manager.accessToken(t.mailboxId)).resolves.toBe(first);
    t.manager.invalidate(t.mailboxId, first);
    const second = await t.manager.accessToken(t.mailboxId);
    expect(second).not.toBe(first);
    expect(t.stored().accessToken).toBe(second);
    // A stale invalidation (a token already replaced) changes nothing.
    const before = endpoint.refreshCount;
    t.manager.invalidate(t.mailboxId, first);
    await expect(t.manager.accessToken(t.mailboxId)).resolves.toBe(second);
    expect(endpoint.refreshCount).toBe(before);
  });

  it('invalidate() uses a token another worker already refreshed instead of refreshing again', async () => {
    const t = setup();
    t.connect();
    const other = createTokenManager(t.options);
    const first = await t.manager.accessToken(t.mailboxId);
    await expect(other.accessToken(t.mailboxId)).resolves.toBe(first);
    other.invalidate(t.mailboxId);
    const refreshed = await other.accessToken(t.mailboxId);
    const before = endpoint.refreshCount;
    t.manager.invalidate(t.mailboxId);
    await expect(t.manager.accessToken(t.mailboxId)).resolves.toBe(refreshed);
    expect(endpoint.refreshCount).toBe(before);
  });

  it('a refresh token rotated away by a slow peer is not taken for a dead grant', async () => {
    const t = setup();
    t.connect();
    // The "peer" refreshes with the stored token and saves, right before our own request goes out.
    const racing: TokenClient = {
      exchangeCode: t.tokenClient.exchangeCode,
      async refresh(p, refreshToken) {
        const current = t.store.rows.get(t.mailboxId) ?? '';
        const peer = await t.tokenClient.refresh(p, refreshToken);
        const grant: Grant = {
          ...t.stored(),
          refreshToken: peer.refreshToken,
          accessToken: peer.accessToken,
          accessTokenExpiresAt: peer.expiresAt,
        };
        await t.store.saveSealedGrant(t.mailboxId, sealGrant(keys, grant, t.mailboxId), current);
        return t.tokenClient.refresh(p, refreshToken);
      },
    };
    const manager = createTokenManager({ ...t.options, tokenClient: racing });
    if (style === 'microsoft') {
      // Our request used the rotated-away token → invalid_grant; the manager looks again and finds the peer's token.
      const token = await manager.accessToken(t.mailboxId);
      expect(token).toBe(t.stored().accessToken);
      expect(t.store.marked).toEqual([]);
    } else {
      // Google does not rotate: both succeed; the compare-and-set keeps the peer's grant, our token is valid too.
      await expect(manager.accessToken(t.mailboxId)).resolves.toMatch(/^at-/);
      expect(t.store.marked).toEqual([]);
    }
  });

  it('a missing grant is reauth without marking (the mailbox may be disconnected on purpose)', async () => {
    const t = setup();
    await expect(t.manager.accessToken(t.mailboxId)).rejects.toBeInstanceOf(ReauthRequiredError);
    expect(t.store.marked).toEqual([]);
  });

  it('a grant that cannot be opened (moved to another mailbox, unknown key) is a configuration error, not reauth', async () => {
    const t = setup();
    t.store.rows.set(t.mailboxId, sealGrant(keys, { provider: provider.provider, refreshToken: 'rt', scope: '' }, 'another-mailbox'));
    await expect(t.manager.accessToken(t.mailboxId)).rejects.toBeInstanceOf(AuthConfigurationError);
    expect(t.store.marked).toEqual([]);
  });

  it('wrong client credentials are a configuration error and mark nothing', async () => {
    const t = setup({ providers: { [provider.provider]: { ...provider, clientSecret: 'wrong' } } });
    t.connect();
    await expect(t.manager.accessToken(t.mailboxId)).rejects.toBeInstanceOf(AuthConfigurationError);
    expect(t.store.marked).toEqual([]);
  });

  it('a provider without configuration is a configuration error', async () => {
    const t = setup({ providers: {} });
    t.connect();
    await expect(t.manager.accessToken(t.mailboxId)).rejects.toBeInstanceOf(AuthConfigurationError);
  });

  it('a mailbox disconnected during the refresh is reauth', async () => {
    const t = setup();
    t.connect();
    const disconnecting: TokenClient = {
      exchangeCode: t.tokenClient.exchangeCode,
      async refresh(p, refreshToken) {
        t.store.rows.set(t.mailboxId, null);
        return t.tokenClient.refresh(p, refreshToken);
      },
    };
    await expect(createTokenManager({ ...t.options, tokenClient: disconnecting }).accessToken(t.mailboxId)).rejects.toBeInstanceOf(
      ReauthRequiredError,
    );
    expect(t.store.marked).toEqual([]);
  });
});
