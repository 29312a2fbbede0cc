/**
 * The invalidation feed for in-process caches.
 *
 * The API caches read models (review queue pages) and API-key lookups, but PostgreSQL
 * is the record, and the worker writes to it as much as the API does. Triggers
 * (migration 0005) NOTIFY `firmly_changes` with `<table>:<workspace id>` on every change
 * that can alter a cached answer, whichever process made it; this module LISTENs and
 * turns the notifications into per-workspace generation numbers. A cache stores the
 * generation it read under and serves an entry only while the number is unchanged.
 *
 * While not listening (not started yet, PostgreSQL away, reconnecting) notifications
 * are lost, so `generation` is null and the caches are bypassed; after every
 * (re)connection all numbers move past anything cached before.
 */
import pg from 'pg';

export const CHANGE_CHANNEL = 'firmly_changes';

export type ChangedTable = 'outgoing_emails' | 'clients' | 'threads' | 'escalations' | 'api_keys' | 'operators' | 'operator_sessions';

export interface ChangeTracker {
  /** The workspace's current generation, or null while the feed is not live (do not use a cache then). */
  generation(workspaceId: string): number | null;
  /** Moves the workspace on after the caller's own write, without waiting for its notification. */
  bump(workspaceId: string): void;
}

export interface ChangeFeed {
  /** Connects and LISTENs; resolves once listening, or after the first attempt failed (retries go on behind). */
  start(): Promise<void>;
  /** True only while LISTEN is active on a healthy connection. */
  readonly live: boolean;
  /** A tracker for caches that depend on these tables. Make one per cache, at startup. */
  tracker(tables: readonly ChangedTable[]): ChangeTracker;
  /** Stops reconnecting and ends the connection. Idempotent. */
  close(): Promise<void>;
}

export interface ChangeFeedOptions {
  /** Connection failures, lost connections, malformed payloads. Never thrown. */
  onError?: (error: Error) => void;
  /** Reconnection backoff: `first`, doubling up to `max` (ms). */
  retryMs?: { first: number; max: number };
}

const defaultRetryMs = { first: 100, max: 5_000 };

/**
 * One process-wide counter: every generation handed out, by any tracker of any feed, is
 * larger than all before it, so a number seen once never comes back with other content.
 */
let lastGeneration = 0;
function nextGeneration(): number {
  lastGeneration += 1;
  return lastGeneration;
}

class Tracker implements ChangeTracker {
  private epoch = 0;
  private readonly perWorkspace = new Map<string, number>();

  constructor(
    private readonly tables: ReadonlySet<string>,
    private readonly isLive: () => boolean,
  ) {}

  generation(workspaceId: string): number | null {
    if (!this.isLive()) return null;
    return Math.max(this.perWorkspace.get(workspaceId) ?? 0, this.epoch);
  }

  bump(workspaceId: string): void {
    this.perWorkspace.set(workspaceId, nextGeneration());
  }

  /** A notification from the feed: only tables this tracker depends on count. */
  changed(table: string, workspaceId: string): void {
    if (this.tables.has(table)) this.bump(workspaceId);
  }

  /** Notifications may have been missed while down: everything moves past what was cached. */
  reconnected(): void {
    this.epoch = nextGeneration();
    this.perWorkspace.clear();
  }
}

/** `<table>:<workspace id>`, as notify_workspace_change() sends it; null when it is not. */
function parseChangePayload(payload: string | undefined): { table: string; workspaceId: string } | null {
  if (!payload) return null;
  const colon = payload.indexOf(':');
  const table = payload.slice(0, colon);
  const workspaceId = payload.slice(colon + 1);
  if (colon <= 0 || workspaceId === '' || workspaceId.includes(':')) return null;
  return { table, workspaceId };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * A dedicated connection built from the pool's own settings (URL, ssl, password, which
 * pg-pool keeps non-enumerable), not a pool client held forever: it would shrink the
 * pool and a pool may recycle it. Its own application_name tells it apart in pg_stat_activity.
 */
function listenerConfig(pool: pg.Pool): pg.ClientConfig {
  const options = pool.options;
  const config: pg.ClientConfig = {
    ...options,
    application_name: `${options.application_name ?? 'firmly'}-changes`,
    // The connection sits idle for hours: keepalives notice a vanished server.
    keepAlive: true,
  };
  if ('password' in options) config.password = options.password;
  return config;
}

export function createChangeFeed(pool: pg.Pool, options: ChangeFeedOptions = {}): ChangeFeed {
  const retry = options.retryMs ?? defaultRetryMs;
  const trackers: Tracker[] = [];
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let started: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let delay = retry.first;

  // `listening` is cleared whenever `client` is dropped; checking both keeps that an invariant.
  const isLive = () => listening && client !== null;

  const report = (error: unknown) => {
    try {
      options.onError?.(asError(error));
    } catch {
      // A failing reporter must not break the feed.
    }
  };

  const scheduleReconnect = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    timer.unref(); // a feed waiting to reconnect must not keep the process alive
    delay = Math.min(delay * 2, retry.max);
  };

  /** The connection failed or went away: stop trusting it at once and try again later. */
  const lost = (which: pg.Client, error: unknown) => {
    if (which !== client) return; // already handled, or an attempt abandoned by close()
    client = null;
    listening = false;
    which.end().catch(() => undefined);
    report(error);
    scheduleReconnect();
  };

  const notified = (which: pg.Client, message: pg.Notification) => {
    if (which !== client || message.channel !== CHANGE_CHANNEL) return;
    const change = parseChangePayload(message.payload);
    if (!change) {
      report(new Error(`malformed ${CHANGE_CHANNEL} payload: ${JSON.stringify(message.payload ?? null)}`));
      return;
    }
    for (const tracker of trackers) tracker.changed(change.table, change.workspaceId);
  };

  const connect = async (): Promise<void> => {
    if (closed || client) return;
    let next: pg.Client;
    try {
      next = new pg.Client(listenerConfig(pool));
    } catch (error) {
      // A bad configuration throws here; it must surface through onError, not reject in a timer.
      report(error);
      scheduleReconnect();
      return;
    }
    client = next;
    // Without an 'error' listener a dropped connection would crash the process.
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next, new Error('change feed connection ended')));
    next.on('notification', (message) => notified(next, message));
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      lost(next, error);
      return;
    }
    if (next !== client) return; // lost or closed meanwhile
    listening = true;
    delay = retry.first;
    for (const tracker of trackers) tracker.reconnected();
  };

  return {
    start() {
      started ??= connect();
      return started;
    },
    get live() {
      return isLive();
    },
    tracker(tables) {
      const tracker = new Tracker(new Set(tables), isLive);
      trackers.push(tracker);
      return tracker;
    },
    async close() {
      closed = true;
      listening = false;
      if (timer) clearTimeout(timer);
      timer = null;
      const which = client;
      client = null;
      await which?.end().catch(() => undefined);
    },
  };
}
