import { gmail as createGmail, type gmail_v1, auth as googleAuth } from '@googleapis/gmail';
import { type GmailMethod, gmailQuotaUnits } from './quota';

/** Waits until the mailbox's shared quota budget grants `units` (implemented over leases/budgets by the worker). */
export type SpendQuota = (units: number) => Promise<void>;

export interface GmailApiOptions {
  /** e.g. https://gmail.googleapis.com/ — or the sandbox's URL in tests. */
  rootUrl: string;
  accessToken: () => Promise<string>;
  /** Called after a 401 so the next accessToken() refreshes. */
  invalidateToken: () => void;
  spendQuota: SpendQuota;
  /** Per-request timeout; a hung request is an ambiguous failure, retried by the caller. */
  timeoutMs?: number;
}

/** An error from the Gmail API with what classification needs. */
export class GmailApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfterMs: number | undefined,
    readonly reason: string | undefined,
  ) {
    super(message);
    this.name = 'GmailApiError';
  }
}

interface GaxiosLikeError {
  status?: number;
  code?: string | number;
  message: string;
  response?: { status?: number; headers?: Record<string, string> | Headers; data?: unknown };
}

function header(headers: Record<string, string> | Headers | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  return (headers as Record<string, string>)[name] ?? (headers as Record<string, string>)[name.toLowerCase()];
}

/** Retry-After seconds, an HTTP date, or Gmail's "Retry after <ISO date>" in the message. */
export function retryAfterMs(headerValue: string | undefined, message: string, now = Date.now()): number | undefined {
  if (headerValue) {
    const seconds = Number(headerValue);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(headerValue);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const match = /Retry after (\S+)/i.exec(message);
  if (match?.[1]) {
    const date = Date.parse(match[1]);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return undefined;
}

function toApiError(error: unknown): GmailApiError {
  const e = error as GaxiosLikeError;
  const status = e.response?.status ?? (typeof e.status === 'number' ? e.status : undefined);
  const data = e.response?.data as { error?: { errors?: Array<{ reason?: string }>; message?: string } } | undefined;
  const reason = data?.error?.errors?.[0]?.reason;
  const message = data?.error?.message ?? e.message;
  return new GmailApiError(
    message,
    status,
    retryAfterMs(header(e.response?.headers, 'retry-after'), message),
    reason ?? (typeof e.code === 'string' ? e.code : undefined),
  );
}

const isRateLimit = (e: GmailApiError) =>
  e.status === 429 || (e.status === 403 && /rateLimitExceeded|userRateLimitExceeded/.test(e.reason ?? ''));
const isTransient = (e: GmailApiError) => e.status === undefined || e.status >= 500 || isRateLimit(e);

/**
 * The slice of the Gmail API firmly uses, through the real `@googleapis/gmail`
 * client. Every call spends its quota units first; a 401 refreshes the token once;
 * 429s and 5xx are retried here a few times, honouring Retry-After, before the
 * error reaches the job (which then retries with backoff).
 */
export function createGmailApi(options: GmailApiOptions) {
  const oauth = new googleAuth.OAuth2();
  const client: gmail_v1.Gmail = createGmail({
    version: 'v1',
    rootUrl: options.rootUrl,
    auth: oauth,
    timeout: options.timeoutMs ?? 30_000,
    retry: false,
  });

  async function call<T>(method: GmailMethod, run: () => Promise<{ data: T }>): Promise<T> {
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      await options.spendQuota(gmailQuotaUnits[method]);
      oauth.setCredentials({ access_token: await options.accessToken() });
      try {
        return (await run()).data;
      } catch (raw) {
        const error = toApiError(raw);
        if (error.status === 401 && !refreshed) {
          refreshed = true;
          options.invalidateToken();
          continue;
        }
        if (isTransient(error) && attempt < 4) {
          const wait = error.retryAfterMs ?? Math.min(8_000, 250 * 2 ** attempt);
          await new Promise((resolve) => setTimeout(resolve, wait + Math.floor(Math.random() * 100)));
          continue;
        }
        throw error;
      }
    }
  }

  const me = 'me';
  return {
    getProfile: () => call('users.getProfile', () => client.users.getProfile({ userId: me })),
    listMessages: (params: { q?: string; pageToken?: string; maxResults?: number; labelIds?: string[] }) =>
      call('users.messages.list', () => client.users.messages.list({ userId: me, ...params })),
    getRaw: (id: string) => call('users.messages.get', () => client.users.messages.get({ userId: me, id, format: 'raw' })),
    listHistory: (params: { startHistoryId: string; pageToken?: string }) =>
      call('users.history.list', () =>
        client.users.history.list({
          userId: me,
          startHistoryId: params.startHistoryId,
          historyTypes: ['messageAdded'],
          maxResults: 500,
          ...(params.pageToken ? { pageToken: params.pageToken } : {}),
        }),
      ),
    send: (raw: Buffer, threadId: string | undefined) =>
      call('users.messages.send', () =>
        // The upload endpoint takes any size (the JSON body caps near 5 MB). Measured here:
        // the client sends media uploads to Google unless rootUrl is repeated per call.
        client.users.messages.send(
          { userId: me, requestBody: threadId ? { threadId } : {}, media: { mimeType: 'message/rfc822', body: raw } },
          { rootUrl: options.rootUrl },
        ),
      ),
    watch: (topicName: string) =>
      call('users.watch', () =>
        client.users.watch({ userId: me, requestBody: { topicName, labelIds: ['INBOX', 'SENT'], labelFilterBehavior: 'include' } }),
      ),
    stop: () => call('users.stop', () => client.users.stop({ userId: me })),
  };
}

export type GmailApi = ReturnType<typeof createGmailApi>;
