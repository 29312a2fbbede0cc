import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { invalidArgument } from './errors';

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
export function registerBatchRoute(app: FastifyInstance): void {
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
      const answers = await Promise.all(
        inner.map((item) =>
          app.inject({
            method: item.method as 'GET',
            url: item.path,
            headers: { ...item.headers, ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}) },
            ...(item.body ? { payload: item.body } : {}),
          }),
        ),
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
