import { Client, GraphError, ResponseType, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { Message } from '@microsoft/microsoft-graph-types';
import { retryAfterMs } from '../gmail/api';

export interface GraphApiOptions {
  /** https://graph.microsoft.com (or a national cloud, or the sandbox). */
  baseUrl: string;
  accessToken: () => Promise<string>;
  invalidateToken: () => void;
  /** Waits for the mailbox's shared request budget (10,000 per 10 minutes) and a concurrency slot (4). */
  acquireRequest: () => Promise<() => Promise<void>>;
}

export class GraphApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly code: string | undefined,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
    this.name = 'GraphApiError';
  }
}

export interface DeltaPage {
  value: Array<Message & { '@removed'?: { reason: string } }>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

function toApiError(error: unknown): GraphApiError {
  if (error instanceof GraphError) {
    const status = error.statusCode > 0 ? error.statusCode : undefined;
    return new GraphApiError(
      error.message,
      status,
      error.code ?? undefined,
      retryAfterMs(error.headers?.get('retry-after') ?? undefined, error.message),
    );
  }
  return new GraphApiError((error as Error).message, undefined, 'network', undefined);
}

const transient = (e: GraphApiError) => e.status === undefined || e.status === 429 || e.status >= 500;

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

  async function call<T>(run: (c: Client) => Promise<T>): Promise<T> {
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const release = await options.acquireRequest();
      try {
        return await run(client);
      } catch (raw) {
        const error = toApiError(raw);
        if (error.status === 401 && !refreshed) {
          refreshed = true;
          options.invalidateToken();
          continue;
        }
        if (transient(error) && attempt < 4) {
          await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs ?? Math.min(8_000, 250 * 2 ** attempt)));
          continue;
        }
        throw error;
      } finally {
        await release();
      }
    }
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
    findByInternetMessageId: (messageId: string) =>
      call<{ value: Message[] }>((c) =>
        c
          .api('/me/messages')
          .filter(`internetMessageId eq '<${messageId.replace(/'/g, "''")}>'`)
          .select(['id', 'conversationId'])
          .header('Prefer', prefer())
          .middlewareOptions([noRetry])
          .get(),
      ),
  };
}

export type GraphApi = ReturnType<typeof createGraphApi>;
