import type { EncryptionKeys } from '@firmly/config';
import type { Clock } from '@firmly/core';
import { type Database, postgresGrantStore, type schema } from '@firmly/db';
import {
  createGmailApi,
  createGraphApi,
  createTokenClient,
  createTokenManager,
  gmailBudget,
  gmailProvider,
  graphProvider,
  type MailProviderClient,
  type ProviderConfig,
  type TokenManager,
} from '@firmly/mail';
import { acquireSlot, type Coordination, waitForBudget } from '@firmly/queue';

type MailboxRow = typeof schema.mailboxes.$inferSelect;

export interface MailRuntimeConfig {
  gmailApiUrl: string;
  graphApiUrl: string;
  /** Gmail quota units per second per mailbox (Google: 250); 0 = no client-side limit. */
  gmailUnitsPerSecond: number;
  /** OAuth client per provider; a provider without one cannot refresh tokens. */
  oauth: Partial<Record<'gmail' | 'graph', ProviderConfig>>;
}

/** Graph's documented per-mailbox limits: 10,000 requests per 10 minutes, 4 at once. */
const graphRequestBudget = { capacity: 10_000, refillPerSecond: 10_000 / 600 };
const GRAPH_CONCURRENCY = 4;

export interface MailRuntime {
  tokens: TokenManager;
  providerFor(mailbox: MailboxRow): Promise<MailProviderClient>;
}

/**
 * Builds provider clients for mailboxes, wired to the shared token manager and to
 * the quota budgets every worker takes from (PRODUCT §7: quotas are respected per
 * mailbox across all workers).
 */
export function createMailRuntime(deps: {
  db: Database;
  coordination: Coordination;
  keys: EncryptionKeys;
  clock: Clock;
  config: MailRuntimeConfig;
}): MailRuntime {
  const tokens = createTokenManager({
    keys: deps.keys,
    leases: deps.coordination.leases,
    store: postgresGrantStore(deps.db, deps.clock),
    tokenClient: createTokenClient({ clock: deps.clock }),
    clock: deps.clock,
    providers: deps.config.oauth,
  });
  // 0 turns the client-side budget off (benchmarks against an unlimited sandbox).
  const gmailQuota = deps.config.gmailUnitsPerSecond > 0 ? gmailBudget(deps.config.gmailUnitsPerSecond) : undefined;
  return {
    tokens,
    async providerFor(mailbox) {
      const accessToken = () => tokens.accessToken(mailbox.id);
      const invalidateToken = () => tokens.invalidate(mailbox.id);
      if (mailbox.provider === 'gmail') {
        return gmailProvider(
          createGmailApi({
            rootUrl: `${deps.config.gmailApiUrl}/`,
            clock: deps.clock,
            accessToken,
            invalidateToken,
            ...(gmailQuota ? { maxUnitsPerCall: gmailQuota.capacity } : {}),
            spendQuota: gmailQuota
              ? (units) => waitForBudget(deps.coordination.budgets, `gmail:${mailbox.id}`, units, gmailQuota)
              : async () => undefined,
          }),
        );
      }
      return graphProvider(
        createGraphApi({
          baseUrl: deps.config.graphApiUrl,
          clock: deps.clock,
          accessToken,
          invalidateToken,
          acquireRequest: async () => {
            await waitForBudget(deps.coordination.budgets, `graph:${mailbox.id}`, 1, graphRequestBudget);
            const slot = await acquireSlot(deps.coordination.leases, `graph-slot:${mailbox.id}`, GRAPH_CONCURRENCY, 60_000);
            return async () => {
              await slot.release();
            };
          },
        }),
      );
    },
  };
}
