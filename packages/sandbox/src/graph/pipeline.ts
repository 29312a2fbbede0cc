import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphHttpError, sendGraphError } from './errors';
import type { Mailbox } from './mailbox';
import type { GraphSandboxState } from './state';

/** Per-request context without augmenting Fastify's types (the Gmail sandbox shares the package). */
const contexts = new WeakMap<FastifyRequest, { mailbox: Mailbox; release: () => void }>();

export function mailboxOf(request: FastifyRequest): Mailbox {
  const mailbox = contexts.get(request)?.mailbox;
  if (!mailbox) throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  return mailbox;
}

/**
 * What happens before every `/v1.0` route, in Graph's order as far as it is visible:
 * authentication (401), then injected faults, then the mailbox throttle (429), then any
 * injected delay, which holds the request's concurrency slot like a slow backend would.
 */
export function registerPipeline(scope: FastifyInstance, state: GraphSandboxState): void {
  scope.addHook('onRequest', async (request, reply) => {
    const check = state.tokens.check(request.headers.authorization);
    if (!check.ok) {
      const message = check.reason === 'missing' ? 'Access token is empty.' : 'Access token has expired or is not yet valid.';
      return sendGraphError(reply, 401, 'InvalidAuthenticationToken', message, state.now(), {
        'WWW-Authenticate':
          'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token"',
      });
    }
    // A grant for an address with no mailbox yet (admin.grant creates one; this is the safety net).
    const mailbox = state.mailbox(check.user) ?? state.createUser(check.user);
    const stats = state.statsFor(mailbox.user.address);
    stats.requests++;
    const path = request.url.replace(/^\/v1\.0/i, '');
    const fault = state.faults.takeFault(mailbox.user.address, path);
    if (fault) return sendGraphError(reply, fault.status, fault.code, fault.message, state.now(), fault.headers);
    const admission = state.throttle.admit(mailbox.user.address, state.now().getTime());
    if (!admission.ok) {
      stats.throttled++;
      return sendGraphError(reply, 429, admission.code, admission.message, state.now(), { 'Retry-After': String(admission.retryAfterS) });
    }
    // Freed as the response is handed over (onSend below), so a client that has its answer
    // never finds its slot still taken; 'close' covers clients that went away mid-request.
    reply.raw.once('close', admission.release);
    contexts.set(request, { mailbox, release: admission.release });
    const delay = state.faults.takeDelay(mailbox.user.address, path);
    if (delay > 0) await sleep(delay);
  });

  scope.addHook('onSend', async (request) => {
    contexts.get(request)?.release();
  });

  // Graph answers JSON POSTs with an empty body (send, createReply) without complaint.
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(
        new GraphHttpError(
          400,
          'BadRequest',
          'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
        ),
      );
    }
  });

  scope.setErrorHandler((error: FastifyError | GraphHttpError, _request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof GraphHttpError) return sendGraphError(reply, error.status, error.code, error.message, state.now(), error.headers);
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    const code =
      status === 413 ? 'RequestBodyTooLarge' : status === 415 ? 'UnsupportedMediaType' : status < 500 ? 'BadRequest' : 'generalException';
    return sendGraphError(reply, status, code, error.message, state.now());
  });
}
