import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Clock } from '@firmly/core';
import { csrfMatches, type Database, findLiveSession, touchSession } from '@firmly/db';
import { type QueueBackend, queueNames } from '@firmly/queue';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, Unauthorized } from '../errors';
import { CSRF_HEADER, principalFromApiKey, sessionToken } from './auth';
import { PROBLEM_JSON } from './problem';

export const QUEUE_BOARD_PATH = '/admin/queues';

export interface QueueBoardOptions {
  db: Database;
  queues: QueueBackend;
  clock: Clock;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Like the /v1 auth: a session's expiry slides at most once a minute. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The BullMQ dashboard (bull-board) at /admin/queues, over every queue of the catalog on
 * whichever backend runs them: `QueueBackend.queue(name)` hands out the one shared BullMQ
 * Queue per name, on Redis or on BullMQ's PostgreSQL backend alike.
 *
 * Only an API key with the `admin` scope or a signed-in owner may open it: queues are the
 * deployment's, and the board can retry, remove and empty jobs.
 */
export async function queueBoard(app: FastifyInstance, options: QueueBoardOptions) {
  app.addHook('onRequest', async (request, reply) => {
    const refusal = await boardRefusal(request, options);
    if (refusal) return sendProblem(reply, refusal);
  });
  const serverAdapter = new FastifyAdapter();
  createBullBoard({
    // bull-board resolves its own copy of bullmq; the Queue objects are the same BullMQ class
    // at runtime (it checks their metadata), only the two copies' typings differ.
    queues: queueNames.map(
      (name) => new BullMQAdapter(options.queues.queue(name) as unknown as ConstructorParameters<typeof BullMQAdapter>[0]),
    ),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'firmly queues' } },
  });
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  await app.register(serverAdapter.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
}

/**
 * Why the caller may not use the board, or null when they may. bull-board answers errors of
 * its routes through its own error handler (as JSON for its UI), so refusals are sent from
 * this hook as problem+json instead of thrown.
 */
async function boardRefusal(request: FastifyRequest, options: QueueBoardOptions): Promise<HttpProblem | null> {
  const now = options.clock.now();
  try {
    if (request.headers.authorization) {
      const principal = await principalFromApiKey(options.db, request.headers.authorization, now);
      return principal.scopes.has('admin') ? null : forbidden('the queue board needs an API key with the admin scope');
    }
    const token = sessionToken(request);
    if (!token) return new Unauthorized('sign in as an owner, or send an API key with the admin scope');
    const session = await findLiveSession(options.db, token, now);
    if (!session) return new Unauthorized('the session has ended; sign in again');
    if (session.role !== 'owner') return forbidden('the queue board is for owners');
    if (!SAFE_METHODS.has(request.method) && !sameOriginRequest(request, session.csrfHash)) {
      return forbidden(`a request that changes something must come from the board's own page or carry the session's ${CSRF_HEADER} header`);
    }
    if (!session.lastSeenAt || now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
      await touchSession(options.db, session.id, now);
    return null;
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
}

/**
 * CSRF for a session's change. The /v1 API wants the `x-csrf-token` header (double submit);
 * the board's page is bull-board's and cannot send it, so the browser's Fetch Metadata also
 * counts: `Sec-Fetch-Site: same-origin` is set by the browser itself, never by a page, and a
 * forged request from another site says `cross-site` (the SameSite=Strict cookie would not
 * even be attached then).
 */
function sameOriginRequest(request: FastifyRequest, csrfHash: string): boolean {
  const csrf = request.headers[CSRF_HEADER];
  if (typeof csrf === 'string' && csrfMatches(csrf, csrfHash)) return true;
  return request.headers['sec-fetch-site'] === 'same-origin';
}

function forbidden(detail: string): HttpProblem {
  return new HttpProblem(403, 'Forbidden', detail, { requiredScope: 'admin' });
}

function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  return reply
    .status(problem.status)
    .type(PROBLEM_JSON)
    .send({ type: 'about:blank', title: problem.title, status: problem.status, detail: problem.message, ...problem.extra });
}
