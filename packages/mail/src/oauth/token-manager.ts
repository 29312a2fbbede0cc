import { setTimeout as sleep } from 'node:timers/promises';
import type { EncryptionKeys } from '@firmly/config';
import type { Clock } from '@firmly/core';
import { AuthConfigurationError, ReauthRequiredError, TransientAuthError } from '../errors/provider-errors';
import type { MailProviderName } from '../model';
import { type Grant, openGrant, sealGrant } from './grant';
import type { ProviderConfig } from './providers';
import type { TokenClient } from './token-client';

/**
 * Structural copy of `Lease` / `Leases` from packages/queue/src/coordination/types.ts
 * (@firmly/queue depends on @firmly/mail's side of the graph, not the reverse), so
 * `postgresCoordination(...).leases` and the Redis leases fit as they are.
 */
export interface Lease {
  readonly name: string;
  readonly token: string;
  extend(ttlMs: number): Promise<boolean>;
  release(): Promise<boolean>;
}
export interface Leases {
  acquire(name: string, ttlMs: number): Promise<Lease | null>;
}

/** Where sealed grants live (mailboxes.encrypted_grant). */
export interface GrantStore {
  loadSealedGrant(mailboxId: string): Promise<string | null>;
  /** Compare-and-set: writes only if the stored value is still `expectedPrevious`; false when someone else changed it. */
  saveSealedGrant(mailboxId: string, sealed: string, expectedPrevious: string): Promise<boolean>;
  markNeedsReauth(mailboxId: string, reason: string): Promise<void>;
}

export interface TokenManager {
  /** A bearer token valid for at least the refresh margin. Throws ReauthRequiredError, TransientAuthError or AuthConfigurationError. */
  accessToken(mailboxId: string): Promise<string>;
  /**
   * After the API refused a token (401): the next accessToken() refreshes instead of
   * returning it. Pass the refused token when known, so a token that has meanwhile been
   * replaced is not thrown away.
   */
  invalidate(mailboxId: string, refusedAccessToken?: string): void;
}

export interface TokenManagerOptions {
  keys: EncryptionKeys;
  leases: Leases;
  store: GrantStore;
  tokenClient: TokenClient;
  clock: Clock;
  providers: Partial<Record<MailProviderName, ProviderConfig>>;
  /** A token expiring sooner than this is refreshed. Default 5 minutes. */
  refreshMarginMs?: number;
  /** The refresh lease; must outlast the token client's timeout plus the save. Default 30 s. */
  leaseTtlMs?: number;
  /** How long to wait for another worker's refresh before giving up (transiently). Default 15 s. */
  waitForPeerMs?: number;
  pollIntervalMs?: number;
}

export const tokenLeaseName = (mailboxId: string) => `mailbox-token:${mailboxId}`;

/**
 * Access tokens per mailbox, refreshed by exactly one worker at a time: concurrent
 * callers in this process share one promise; across processes the `mailbox-token:<id>`
 * lease elects the refresher, which re-reads the grant under the lease (a peer may just
 * have refreshed), refreshes, and stores the new sealed grant — with the rotated refresh
 * token — before releasing. Callers that find the lease taken poll the stored grant.
 */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const { keys, leases, store, tokenClient, clock } = options;
  const marginMs = options.refreshMarginMs ?? 5 * 60_000;
  const leaseTtlMs = options.leaseTtlMs ?? 30_000;
  const waitForPeerMs = options.waitForPeerMs ?? 15_000;
  const pollIntervalMs = options.pollIntervalMs ?? 200;

  const cache = new Map<string, { accessToken: string; expiresAt: Date }>();
  /** Refused tokens; null: "whatever is stored at the next read". */
  const refused = new Map<string, string | null>();
  const inflight = new Map<string, Promise<string>>();

  const usable = (mailboxId: string, token: string | undefined, expiresAt: Date | undefined): token is string =>
    token !== undefined &&
    expiresAt !== undefined &&
    expiresAt.getTime() - clock.now().getTime() > marginMs &&
    refused.get(mailboxId) !== token;

  const remember = (mailboxId: string, accessToken: string, expiresAt: Date): string => {
    cache.set(mailboxId, { accessToken, expiresAt });
    refused.delete(mailboxId);
    return accessToken;
  };

  async function read(mailboxId: string): Promise<{ sealed: string; grant: Grant }> {
    const sealed = await store.loadSealedGrant(mailboxId);
    // No grant: never connected, or disconnected on purpose; not ours to mark needs_reauth.
    if (sealed === null) throw new ReauthRequiredError(`mailbox ${mailboxId} has no OAuth grant`);
    let grant: Grant;
    try {
      grant = openGrant(keys, sealed, mailboxId);
    } catch (error) {
      // A missing key or a corrupted row is the operator's to fix; the user's grant may be fine.
      throw new AuthConfigurationError(`the grant of mailbox ${mailboxId} cannot be opened: ${(error as Error).message}`, { cause: error });
    }
    if (refused.get(mailboxId) === null) refused.set(mailboxId, grant.accessToken ?? '');
    return { sealed, grant };
  }

  function providerOf(grant: Grant): ProviderConfig {
    const provider = options.providers[grant.provider];
    if (!provider) throw new AuthConfigurationError(`no OAuth client configured for ${grant.provider}`);
    return provider;
  }

  async function refreshUnderLease(mailboxId: string): Promise<string> {
    let { sealed, grant } = await read(mailboxId);
    for (let attempt = 0; ; attempt++) {
      if (usable(mailboxId, grant.accessToken, grant.accessTokenExpiresAt)) {
        return remember(mailboxId, grant.accessToken, grant.accessTokenExpiresAt as Date);
      }
      let tokens: Awaited<ReturnType<TokenClient['refresh']>>;
      try {
        tokens = await tokenClient.refresh(providerOf(grant), grant.refreshToken);
      } catch (error) {
        if (!(error instanceof ReauthRequiredError)) throw error;
        // A peer whose lease ran out may have rotated the refresh token meanwhile: a stale
        // refresh token is not a dead grant. Look once more before marking the mailbox.
        const latest = await store.loadSealedGrant(mailboxId);
        if (attempt === 0 && latest !== null && latest !== sealed) {
          ({ sealed, grant } = await read(mailboxId));
          continue;
        }
        await store.markNeedsReauth(mailboxId, error.message);
        throw error;
      }
      const next: Grant = {
        provider: grant.provider,
        refreshToken: tokens.refreshToken,
        accessToken: tokens.accessToken,
        accessTokenExpiresAt: tokens.expiresAt,
        scope: tokens.scope ?? grant.scope,
      };
      const saved = await store.saveSealedGrant(mailboxId, sealGrant(keys, next, mailboxId), sealed);
      if (!saved && (await store.loadSealedGrant(mailboxId)) === null) {
        throw new ReauthRequiredError(`mailbox ${mailboxId} was disconnected while its token was refreshed`);
      }
      // Not saved otherwise: the row changed under us (reconnected, or a peer that outlived
      // its lease). The stored grant wins; the access token we hold is valid all the same.
      return remember(mailboxId, tokens.accessToken, tokens.expiresAt);
    }
  }

  async function obtain(mailboxId: string): Promise<string> {
    let { grant } = await read(mailboxId);
    const deadline = performance.now() + waitForPeerMs;
    for (;;) {
      if (usable(mailboxId, grant.accessToken, grant.accessTokenExpiresAt)) {
        return remember(mailboxId, grant.accessToken, grant.accessTokenExpiresAt as Date);
      }
      const lease = await leases.acquire(tokenLeaseName(mailboxId), leaseTtlMs);
      if (lease) {
        try {
          return await refreshUnderLease(mailboxId);
        } finally {
          // Losing the release (the store is down) only delays peers until the TTL.
          await lease.release().catch(() => false);
        }
      }
      if (performance.now() >= deadline) {
        throw new TransientAuthError(`another worker is refreshing the token of mailbox ${mailboxId} and has not finished`);
      }
      await sleep(pollIntervalMs);
      ({ grant } = await read(mailboxId));
    }
  }

  return {
    accessToken(mailboxId) {
      const cached = cache.get(mailboxId);
      if (cached && usable(mailboxId, cached.accessToken, cached.expiresAt)) return Promise.resolve(cached.accessToken);
      const running = inflight.get(mailboxId);
      if (running) return running;
      const started = obtain(mailboxId).finally(() => inflight.delete(mailboxId));
      inflight.set(mailboxId, started);
      return started;
    },
    invalidate(mailboxId, refusedAccessToken) {
      const cached = cache.get(mailboxId);
      if (refusedAccessToken !== undefined && cached && cached.accessToken !== refusedAccessToken) return;
      cache.delete(mailboxId);
      refused.set(mailboxId, refusedAccessToken ?? cached?.accessToken ?? null);
    },
  };
}
