import type { GoogleOAuthClient } from '../google-oauth/clients';
import type { FaultSpec } from './faults';
import type { PushOptions } from './push';

export interface GmailSandboxOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  /** Per-user rate limit in quota units per second, as a 1 s moving window (default 250; `Infinity` turns it off). */
  quotaUnitsPerSecond?: number;
  /** History records kept per mailbox; a startHistoryId from before the oldest kept one gets 404 (default 10,000). */
  historyRetention?: number;
  /** Access-token lifetime (default 3599 s, what Google's token endpoint reports). */
  accessTokenTtlSeconds?: number;
  /** The sandbox's time: token expiry, internalDate, quota window, watch expiry. Default: the system clock. */
  clock?: { now(): Date | number };
  /** Pub/Sub push delivery of watch notifications; without it, watch works but nothing is pushed. */
  push?: PushOptions;
  /** Faults queued from the start. */
  faults?: readonly FaultSpec[];
  /** OAuth clients the authorization and token endpoints accept. */
  oauthClients?: readonly GoogleOAuthClient[];
  /** Mailboxes to create up front. */
  users?: readonly string[];
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 0,
  quotaUnitsPerSecond: 250,
  historyRetention: 10_000,
  accessTokenTtlSeconds: 3599,
} as const;
