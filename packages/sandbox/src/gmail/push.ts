import { randomInt } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { GOOGLE_ISSUER, type GoogleSigningKeys } from '../google-oauth/keys';
import { googleSubject } from '../google-oauth/token';

/** Where the sandbox's one Pub/Sub push subscription delivers. */
export interface PushOptions {
  /** The push endpoint URL (firmly's webhook). */
  endpoint: string;
  /** The OIDC token's `aud`, as configured on the subscription. */
  audience: string;
  /** The subscription's service account (`email` claim). */
  serviceAccountEmail?: string;
  /** Default `projects/sandbox/subscriptions/firmly`. */
  subscription?: string;
  /** Changes within this window become one notification (default 50 ms). */
  debounceMs?: number;
  /** Deliveries per notification before it is dropped (default 5). */
  maxAttempts?: number;
  /** First retry delay, doubled each time (default 100 ms; Pub/Sub's own minimum is 10 s). */
  retryBaseMs?: number;
  /** Request timeout (Pub/Sub's default ack deadline, 10 s). */
  timeoutMs?: number;
}

/** A users.watch registration. */
export interface WatchState {
  topicName: string;
  labelIds: readonly string[];
  labelFilterBehavior: 'include' | 'exclude';
  expirationMs: number;
}

/** The JSON a Pub/Sub push subscription POSTs (camelCase and snake_case twins, as Pub/Sub sends both). */
export interface PubSubPushBody {
  message: { data: string; messageId: string; message_id: string; publishTime: string; publish_time: string };
  subscription: string;
}

/** The decoded `message.data` of a Gmail notification. Real notifications carry historyId as a JSON number. */
export interface GmailNotification {
  emailAddress: string;
  historyId: number;
}

export interface PushAttempt {
  address: string;
  historyId: number;
  attempt: number;
  /** HTTP status, when the endpoint answered. */
  status?: number;
  error?: string;
  atMs: number;
}

/** Pub/Sub treats these as acknowledgements; anything else is retried. */
const ACK = new Set([102, 200, 201, 202, 204]);
const SERVICE_ACCOUNT = 'gmail-push@sandbox.iam.gserviceaccount.com';

/**
 * Gmail → Pub/Sub → push endpoint, collapsed into one step: a history change in a
 * watched (and unexpired) mailbox schedules a notification, debounced a little as
 * Gmail/Pub/Sub batch them, carrying the mailbox's latest historyId, authenticated by
 * an OIDC token signed with the key published at /oauth2/v3/certs; non-ack answers are
 * retried with backoff.
 */
export class PushNotifier {
  private readonly watches = new Map<string, WatchState>();
  private readonly scheduled = new Map<string, { historyId: number }>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private readonly log: PushAttempt[] = [];
  private readonly abort = new AbortController();

  constructor(
    private readonly options: PushOptions | undefined,
    private readonly keys: GoogleSigningKeys,
    private readonly now: () => number,
  ) {}

  watch(address: string, state: WatchState): void {
    this.watches.set(address, state);
  }

  stop(address: string): void {
    this.watches.delete(address);
  }

  watching(address: string): WatchState | undefined {
    const state = this.watches.get(address);
    return state && state.expirationMs > this.now() ? state : undefined;
  }

  attempts(): readonly PushAttempt[] {
    return [...this.log];
  }

  /** A mailbox changed. */
  changed(address: string, historyId: number, labelIds: readonly string[]): void {
    const watch = this.watching(address);
    if (!watch || !this.options || this.abort.signal.aborted) return;
    if (watch.labelIds.length > 0) {
      const hit = labelIds.some((l) => watch.labelIds.includes(l));
      if (hit !== (watch.labelFilterBehavior === 'include')) return;
    }
    const pending = this.scheduled.get(address);
    if (pending) {
      pending.historyId = Math.max(pending.historyId, historyId);
      return;
    }
    const entry = { historyId };
    this.scheduled.set(address, entry);
    this.track(
      this.sleep(this.options.debounceMs ?? 50).then(async () => {
        this.scheduled.delete(address);
        await this.deliver(address, entry.historyId);
      }),
    );
  }

  /** Resolves once nothing is scheduled or in flight. */
  async settle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  close(): void {
    this.abort.abort();
    for (const [timer, resolve] of this.timers) {
      clearTimeout(timer);
      resolve();
    }
    this.timers.clear();
  }

  /** The push OIDC token; `overrides` replace claims (undefined removes one), for forging bad tokens in tests. */
  async signToken(overrides: Record<string, unknown> = {}, options: { unknownKey?: boolean } = {}): Promise<string> {
    const email = this.options?.serviceAccountEmail ?? SERVICE_ACCOUNT;
    const iat = Math.floor(this.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: GOOGLE_ISSUER,
      aud: this.options?.audience ?? '',
      azp: googleSubject(email),
      sub: googleSubject(email),
      email,
      email_verified: true,
      iat,
      exp: iat + 3600,
      ...overrides,
    };
    for (const [key, value] of Object.entries(claims)) if (value === undefined) delete claims[key];
    return this.keys.sign(claims as JWTPayload, options);
  }

  private async deliver(address: string, historyId: number): Promise<void> {
    const options = this.options;
    if (!options) return;
    const notification: GmailNotification = { emailAddress: address, historyId };
    const messageId = String(randomInt(2 ** 47));
    const body: PubSubPushBody = {
      message: {
        data: Buffer.from(JSON.stringify(notification)).toString('base64'),
        messageId,
        message_id: messageId,
        publishTime: new Date(this.now()).toISOString(),
        publish_time: new Date(this.now()).toISOString(),
      },
      subscription: options.subscription ?? 'projects/sandbox/subscriptions/firmly',
    };
    const maxAttempts = options.maxAttempts ?? 5;
    for (let attempt = 1; attempt <= maxAttempts && !this.abort.signal.aborted; attempt++) {
      const record: PushAttempt = { address, historyId, attempt, atMs: this.now() };
      this.log.push(record);
      try {
        const response = await fetch(options.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.signToken()}` },
          body: JSON.stringify(body),
          signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(options.timeoutMs ?? 10_000)]),
        });
        record.status = response.status;
        await response.arrayBuffer().catch(() => undefined);
        if (ACK.has(response.status)) return;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      if (attempt < maxAttempts) await this.sleep((options.retryBaseMs ?? 100) * 2 ** (attempt - 1));
    }
  }

  private track(work: Promise<void>): void {
    const tracked: Promise<void> = work.catch(() => undefined).finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
  }

  /** A timer that close() cancels (resolving early), so a closed sandbox leaves nothing running. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.abort.signal.aborted) return resolve();
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.set(timer, resolve);
    });
  }
}
