import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GmailApiError, invalidArgument, notFound } from './errors';
import { admit, type GuardDeps } from './guard';
import { gmailId } from './params';
import { messageResource } from './payload';

/** Google's documented cap on calls per batch request. */
const MAX_ITEMS = 100;

interface InnerRequest {
  contentId: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

function parseParts(body: string, boundary: string): InnerRequest[] {
  const chunks = body.split(`--${boundary}`).slice(1);
  const requests: InnerRequest[] = [];
  for (const chunk of chunks) {
    if (chunk.startsWith('--')) break;
    const [outerHead = '', ...rest] = chunk.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const contentId = /content-id:\s*<?([^>\r\n]+)>?/i.exec(outerHead)?.[1]?.trim() ?? `item${requests.length + 1}`;
    const [innerHead = '', ...innerBody] = rest.join('\r\n\r\n').split(/\r?\n\r?\n/);
    const [requestLine = '', ...headerLines] = innerHead.split(/\r?\n/);
    const [method = 'GET', path = '/'] = requestLine.trim().split(/\s+/);
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    requests.push({ contentId, method: method.toUpperCase(), path, headers, body: innerBody.join('\r\n\r\n').replace(/\r?\n$/, '') });
  }
  return requests;
}

/**
 * POST /batch/gmail/v1 — Gmail's HTTP batch endpoint. Each inner request is run
 * through this same server (so it is authenticated, metered and fault-injected like
 * any other request, with the outer request's Authorization), and answered as an
 * `application/http` part whose Content-ID is `response-<id>`.
 */
interface InnerAnswer {
  statusCode: number;
  statusMessage: string;
  headers: Record<string, string | number | string[] | undefined>;
  body: string;
}

const RAW_GET = /^\/gmail\/v1\/users\/([^/?]+)\/messages\/([^/?]+)\?format=raw$/;

/**
 * The common item — messages.get?format=raw — runs the same guard (auth, scopes,
 * faults, quota) and the same resource builder as the route itself, without a
 * second trip through the HTTP stack: a back-fill benchmark measures firmly, not
 * the stand-in's request plumbing. Every other item goes through inject.
 */
async function rawGet(deps: GuardDeps, authorization: string | undefined, userId: string, id: string): Promise<InnerAnswer> {
  const request = { headers: { authorization }, params: { userId, id } } as unknown as FastifyRequest;
  try {
    const admitted = await admit(deps, request, 'users.messages.get');
    const message = admitted.mailbox.message(gmailId(decodeURIComponent(id)));
    if (!message) throw notFound();
    return {
      statusCode: 200,
      statusMessage: 'OK',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(messageResource(message, 'raw', [])),
    };
  } catch (error) {
    if (!(error instanceof GmailApiError)) throw error;
    return {
      statusCode: error.code,
      statusMessage: 'Error',
      headers: { 'content-type': 'application/json; charset=utf-8', ...error.headers },
      body: JSON.stringify(error.body()),
    };
  }
}

export function registerBatchRoute(app: FastifyInstance, deps: GuardDeps): void {
  app.register(async (scope) => {
    scope.addContentTypeParser('multipart/mixed', { parseAs: 'string', bodyLimit: 16 * 1024 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    scope.post('/batch/gmail/v1', async (request, reply) => {
      const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(request.headers['content-type'] ?? '');
      const separator = boundary?.[1] ?? boundary?.[2];
      if (!separator) throw invalidArgument('Batch requests must be multipart/mixed with a boundary.');
      const inner = parseParts(typeof request.body === 'string' ? request.body : '', separator);
      if (inner.length === 0 || inner.length > MAX_ITEMS) {
        throw invalidArgument(`A batch holds 1 to ${MAX_ITEMS} requests.`);
      }
      const answers: InnerAnswer[] = await Promise.all(
        inner.map((item) => {
          const raw = item.method === 'GET' ? RAW_GET.exec(item.path) : null;
          if (raw?.[1] && raw[2]) return rawGet(deps, request.headers.authorization, decodeURIComponent(raw[1]), raw[2]);
          return app.inject({
            method: item.method as 'GET',
            url: item.path,
            headers: { ...item.headers, ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}) },
            ...(item.body ? { payload: item.body } : {}),
          });
        }),
      );
      const out = `batch_${randomBytes(12).toString('hex')}`;
      const parts = answers.map((answer, index) => {
        const headers = ['content-type', 'retry-after']
          .filter((name) => answer.headers[name] !== undefined)
          .map((name) => `${name === 'content-type' ? 'Content-Type' : 'Retry-After'}: ${String(answer.headers[name])}`);
        return `--${out}\r\nContent-Type: application/http\r\nContent-ID: <response-${inner[index]?.contentId}>\r\n\r\nHTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\n${headers.join('\r\n')}\r\n\r\n${answer.body}\r\n`;
      });
      return reply.type(`multipart/mixed; boundary=${out}`).send(`${parts.join('')}--${out}--\r\n`);
    });
  });
}
