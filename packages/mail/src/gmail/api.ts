import { Readable } from 'node:stream';
import type { Clock } from '@firmly/core';
import { gmail as createGmail, type gmail_v1, auth as googleAuth } from '@googleapis/gmail';
import { callProvider } from '../call';
import type { ProviderErrorInput } from '../errors/index';
import { classifyProviderError, errorFromClassification } from '../errors/index';
import { buildBatchRequest, parseBatchResponse } from './batch';
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
  clock: Clock;
  /**
   * The most units one call may spend (the budget's bucket size), when a budget is
   * on. A batch spends 5 units per message at once, so this caps the batch size.
   */
  maxUnitsPerCall?: number;
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

const GAXIOS_ERROR = Symbol.for('gaxios-gaxios-error');

/** What the classifier needs from a gaxios error: status, Retry-After, Google's error body, or "no response". */
export function describeGaxiosError(error: unknown): Omit<ProviderErrorInput, 'now' | 'afterTokenRefresh'> | undefined {
  const e = error as GaxiosLikeError & { name?: string };
  // Gaxios wraps every HTTP and network failure and marks its errors with this symbol
  // (its `name` is plain 'Error'); anything else thrown here is a bug of ours.
  const isGaxios = typeof error === 'object' && error !== null && GAXIOS_ERROR in error;
  if (!isGaxios && e?.name !== 'AbortError' && e?.name !== 'TimeoutError') return undefined;
  const status = e.response?.status ?? (typeof e.status === 'number' ? e.status : undefined);
  const retryAfter = header(e.response?.headers, 'retry-after');
  return {
    ...(status === undefined ? { networkError: true } : { status }),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(retryAfter ? { retryAfterHeader: retryAfter } : {}),
    ...(e.response?.data !== undefined ? { body: e.response.data } : {}),
  };
}

/**
 * The slice of the Gmail API firmly uses, through the real `@googleapis/gmail`
 * client. Every call spends its quota units first; failures go through the one
 * provider error policy (callProvider).
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

  function call<T>(method: GmailMethod, run: () => Promise<{ data: T }>, times = 1): Promise<T> {
    return callProvider(
      {
        clock: options.clock,
        admit: async () => {
          await options.spendQuota(gmailQuotaUnits[method] * times);
          oauth.setCredentials({ access_token: await options.accessToken() });
          return undefined;
        },
        describe: describeGaxiosError,
        invalidateToken: options.invalidateToken,
      },
      async () => (await run()).data,
    );
  }

  const me = 'me';

  /**
   * messages.get for many ids in one HTTP batch request (each item still costs its
   * 5 units). Items that fail transiently (429, 5xx) are retried in a smaller batch,
   * honouring Retry-After; a 404 means deleted since listing; anything else fails the call.
   */
  async function getRawBatch(ids: readonly string[]): Promise<Map<string, gmail_v1.Schema$Message | null>> {
    const result = new Map<string, gmail_v1.Schema$Message | null>();
    let pending = [...new Set(ids)];
    for (let round = 1; pending.length > 0; round++) {
      const request = buildBatchRequest(
        pending.map((id) => ({ id, method: 'GET', path: `/gmail/v1/users/me/messages/${encodeURIComponent(id)}?format=raw` })),
      );
      const response = await call(
        'users.messages.get',
        async () => {
          const answer = await oauth.request<ArrayBuffer>({
            url: `${options.rootUrl}batch/gmail/v1`,
            method: 'POST',
            headers: { 'Content-Type': request.contentType },
            data: request.body,
            // Bytes, decoded once: the response is megabytes of base64, and decoding it as a
            // text stream chunk by chunk cost more than everything else in a back-fill.
            responseType: 'arraybuffer',
          });
          return {
            data: {
              body: Buffer.from(answer.data).toString('utf8'),
              contentType: header(answer.headers as unknown as Headers, 'content-type'),
            },
          };
        },
        pending.length,
      );
      const retry: string[] = [];
      let waitMs = 0;
      for (const item of parseBatchResponse(response.body, response.contentType)) {
        if (item.status === 200) result.set(item.id, JSON.parse(item.body) as gmail_v1.Schema$Message);
        else if (item.status === 404) result.set(item.id, null);
        else {
          const verdict = classifyProviderError({
            status: item.status,
            ...(item.headers['retry-after'] ? { retryAfterHeader: item.headers['retry-after'] } : {}),
            body: safeJson(item.body),
            now: options.clock.now(),
          });
          if (verdict.kind !== 'retry' || round >= 4) throw errorFromClassification(verdict, undefined, item.status);
          if (verdict.invalidateToken) options.invalidateToken();
          retry.push(item.id);
          waitMs = Math.max(waitMs, verdict.afterMs ?? 250 * 2 ** round);
        }
      }
      const answered = new Set([...result.keys(), ...retry]);
      pending = [...retry, ...pending.filter((id) => !answered.has(id))];
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    return result;
  }

  const perGet = gmailQuotaUnits['users.messages.get'];
  return {
    /** How many messages.get one batch may carry under this mailbox's budget (Google allows 100; 50 recommended). */
    batchSize: Math.max(1, Math.min(50, Math.floor((options.maxUnitsPerCall ?? Number.POSITIVE_INFINITY) / perGet))),
    getRawBatch,
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
          { userId: me, requestBody: threadId ? { threadId } : {}, media: { mimeType: 'message/rfc822', body: Readable.from(raw) } },
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
