import type { Clock } from '@firmly/core';
import { Client, GraphError, ResponseType, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { Message } from '@microsoft/microsoft-graph-types';
import { callProvider } from '../call';
import type { ProviderErrorInput } from '../errors/index';

export interface GraphApiOptions {
  /** https://graph.microsoft.com (or a national cloud, or the sandbox). */
  baseUrl: string;
  accessToken: () => Promise<string>;
  invalidateToken: () => void;
  /** Waits for the mailbox's shared request budget (10,000 per 10 minutes) and a concurrency slot (4). */
  acquireRequest: () => Promise<() => Promise<void>>;
  clock: Clock;
}

export interface DeltaPage {
  value: Array<Message & { '@removed'?: { reason: string } }>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** What the classifier needs from a Graph client error; a GraphError without a status had no response. */
export function describeGraphError(error: unknown): Omit<ProviderErrorInput, 'now' | 'afterTokenRefresh'> | undefined {
  if (error instanceof GraphError) {
    const retryAfter = error.headers?.get('retry-after') ?? undefined;
    const status = error.statusCode > 0 ? error.statusCode : undefined;
    return {
      ...(status === undefined ? { networkError: true } : { status }),
      ...(error.code ? { code: error.code } : {}),
      ...(retryAfter ? { retryAfterHeader: retryAfter } : {}),
      ...(error.body !== undefined ? { body: typeof error.body === 'string' ? safeJson(error.body) : error.body } : {}),
    };
  }
  // fetch rejects with a TypeError whose cause is the socket error; other throws are bugs of ours.
  const e = error as { name?: string; message?: string; cause?: { code?: unknown } };
  const networkCode = typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  if (networkCode || e?.name === 'AbortError' || e?.name === 'TimeoutError' || e?.message === 'fetch failed') {
    return { networkError: true, code: networkCode ?? e.name ?? 'network' };
  }
  return undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The slice of Microsoft Graph firmly uses, through the real Graph client. Every
 * request sends `Prefer: IdType="ImmutableId"` so ids survive moves between folders.
 * The client's own retry middleware is switched off: retries happen here, so each
 * one also passes the shared budget.
 */
export function createGraphApi(options: GraphApiOptions) {
  const host = new URL(options.baseUrl).hostname;
  const client = Client.initWithMiddleware({
    baseUrl: options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
    defaultVersion: 'v1.0',
    // The client attaches the token only to Graph hosts; a national cloud or the sandbox is named here.
    customHosts: new Set([host]),
    authProvider: { getAccessToken: () => options.accessToken() },
  });
  const noRetry = new RetryHandlerOptions(0, 0);

  function call<T>(run: (c: Client) => Promise<T>): Promise<T> {
    return callProvider(
      { clock: options.clock, admit: options.acquireRequest, describe: describeGraphError, invalidateToken: options.invalidateToken },
      () => run(client),
    );
  }

  const prefer = (maxPageSize?: number) =>
    ['IdType="ImmutableId"', ...(maxPageSize ? [`odata.maxpagesize=${maxPageSize}`] : [])].join(', ');

  return {
    /** A delta round: the first URL for a folder, or a stored next/delta link. */
    delta: (urlOrFolder: { link: string } | { folder: string; receivedSince?: Date }) =>
      call<DeltaPage>((c) => {
        let request = 'link' in urlOrFolder ? c.api(urlOrFolder.link) : c.api(`/me/mailFolders/${urlOrFolder.folder}/messages/delta`);
        if (!('link' in urlOrFolder)) {
          request = request.select(['id', 'conversationId', 'receivedDateTime', 'parentFolderId', 'internetMessageId']);
          // The one filter Graph's message delta accepts: it bounds the back-fill and the re-list.
          if (urlOrFolder.receivedSince) request = request.filter(`receivedDateTime ge ${urlOrFolder.receivedSince.toISOString()}`);
        }
        return request.header('Prefer', prefer(200)).middlewareOptions([noRetry]).get();
      }),
    mime: (id: string) =>
      call(async (c) => {
        const body: unknown = await c
          .api(`/me/messages/${id}/$value`)
          .header('Prefer', prefer())
          .middlewareOptions([noRetry])
          .responseType(ResponseType.ARRAYBUFFER)
          .get();
        return Buffer.from(body as ArrayBuffer);
      }),
    sendMime: (raw: Buffer) =>
      call((c) =>
        c
          .api('/me/sendMail')
          .header('Content-Type', 'text/plain')
          .header('Prefer', prefer())
          .middlewareOptions([noRetry])
          .post(raw.toString('base64')),
      ),
    me: () =>
      call<{ mail?: string | null; userPrincipalName?: string | null }>((c) =>
        c.api('/me').select(['mail', 'userPrincipalName']).middlewareOptions([noRetry]).get(),
      ),
    createSubscription: (body: {
      notificationUrl: string;
      lifecycleNotificationUrl: string;
      clientState: string;
      expirationDateTime: string;
    }) =>
      call<{ id: string; expirationDateTime: string }>((c) =>
        c
          .api('/subscriptions')
          .middlewareOptions([noRetry])
          .post({ changeType: 'created', resource: 'me/messages', ...body }),
      ),
    renewSubscription: (id: string, expirationDateTime: string) =>
      call<{ id: string; expirationDateTime: string }>((c) =>
        c.api(`/subscriptions/${id}`).middlewareOptions([noRetry]).patch({ expirationDateTime }),
      ),
    findByInternetMessageId: (messageId: string) =>
      call<{ value: Message[] }>((c) =>
        c
          .api('/me/messages')
          // The client puts $filter into the URL as given; a '+' in a Message-ID would be read
          // as a space (and '&' or '#' would cut the query), so the expression is encoded here.
          .filter(encodeURIComponent(`internetMessageId eq '<${messageId.replace(/'/g, "''")}>'`))
          .select(['id', 'conversationId'])
          .header('Prefer', prefer())
          .middlewareOptions([noRetry])
          .get(),
      ),
  };
}

export type GraphApi = ReturnType<typeof createGraphApi>;
