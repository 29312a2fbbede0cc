/**
 * API keys found before, kept between requests: every request of a script or integration
 * names its key, and looking it up was a database round trip per request.
 *
 * A kept key is used only while the workspace's caller generation is unchanged (PostgreSQL
 * NOTIFY from api_keys, operators and operator_sessions; the API bumps it after its own
 * writes), the change feed is listening, and the key has not expired by the clock. So a
 * revoked key stops working as soon as the revocation's notification arrives, in whichever
 * process it was revoked. The token itself is never kept: each request's token is still
 * hashed and compared with the stored hash in constant time.
 */
import { type Database, findLiveApiKey } from '@firmly/db';
import type { ChangeGenerations } from '../review/queue-pages';

export type LiveApiKey = NonNullable<Awaited<ReturnType<typeof findLiveApiKey>>>;

/** Keys kept at most; a flood of made-up prefixes is never kept (only keys that exist are). */
const MAX_KEYS = 10_000;

export class KnownApiKeys {
  private readonly keys = new Map<string, { key: LiveApiKey; generation: number }>();

  constructor(
    private readonly db: Database,
    private readonly changes: ChangeGenerations | null,
  ) {}

  async find(prefix: string, now: Date): Promise<LiveApiKey | undefined> {
    const kept = this.keys.get(prefix);
    if (kept) {
      const generation = this.changes?.generation(kept.key.workspaceId) ?? null;
      if (generation === kept.generation && isLive(kept.key, now)) return kept.key;
      this.keys.delete(prefix);
    }
    const key = await findLiveApiKey(this.db, prefix, now);
    if (!key || !this.changes) return key;
    // The workspace (and so its generation) is known only from the row. Read the generation
    // now, then the row again: a revocation whose notification came before this generation had
    // committed before it, so the second read sees it; one that comes after changes the
    // generation and drops the kept key.
    const generation = this.changes.generation(key.workspaceId);
    if (generation === null) return key;
    const confirmed = await findLiveApiKey(this.db, prefix, now);
    if (!confirmed || confirmed.id !== key.id) return confirmed;
    if (this.keys.size >= MAX_KEYS) this.keys.clear();
    this.keys.set(prefix, { key: confirmed, generation });
    return confirmed;
  }

  /** After this process wrote last_used_at (which notifies nobody): the kept row says so too. */
  touched(prefix: string, at: Date): void {
    const kept = this.keys.get(prefix);
    if (kept) kept.key = { ...kept.key, lastUsedAt: at };
  }
}

function isLive(key: LiveApiKey, now: Date): boolean {
  return key.revokedAt === null && (key.expiresAt === null || key.expiresAt.getTime() > now.getTime());
}
