import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { GmailApiError } from './errors';

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'INVALID_ARGUMENT',
  413: 'INVALID_ARGUMENT',
  415: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
};

/**
 * The bare HTTP server: every error, ours or Fastify's (bad JSON, body too large,
 * unknown route), leaves in Google's error envelope so googleapis reports it the
 * same way it reports the real API's.
 */
export function createServer(): FastifyInstance {
  // JSON sends carry up to 35 MB of message as base64.
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
  app.setErrorHandler((error: FastifyError | GmailApiError, _request, reply) => {
    if (error instanceof GmailApiError) return reply.code(error.code).headers(error.headers).send(error.body());
    const code = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    const message = code === 500 ? 'Internal error encountered.' : error.message;
    const api = new GmailApiError(code, message, STATUS_NAMES[code] ?? 'INTERNAL', [
      { message, domain: 'global', reason: code === 500 ? 'backendError' : 'badRequest' },
    ]);
    return reply.code(code).send(api.body());
  });
  app.setNotFoundHandler((request, reply) => {
    const message = `The sandbox has no route ${request.method} ${request.url.split('?')[0]}`;
    return reply.code(404).send(new GmailApiError(404, message, 'NOT_FOUND', [{ message, domain: 'global', reason: 'notFound' }]).body());
  });
  return app;
}
