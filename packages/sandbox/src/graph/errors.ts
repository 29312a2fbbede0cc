import { randomUUID } from 'node:crypto';
import type { PublicErrorResponse, PublicInnerError } from '@microsoft/microsoft-graph-types';
import type { FastifyReply } from 'fastify';

/** Graph's innerError carries these beside the typed fields; firmly logs request-id for support cases. */
type GraphInnerError = PublicInnerError & { date: string; 'request-id': string; 'client-request-id': string };

/** The body every Graph error has: `{ error: { code, message, innerError } }`. */
export function graphErrorBody(code: string, message: string, now: Date): PublicErrorResponse {
  const requestId = randomUUID();
  const innerError: GraphInnerError = {
    date: now.toISOString().replace(/\.\d{3}Z$/, ''),
    'request-id': requestId,
    'client-request-id': requestId,
  };
  return { error: { code, message, innerError } };
}

export function sendGraphError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  now: Date,
  headers: Record<string, string> = {},
): FastifyReply {
  return reply
    .code(status)
    .headers(headers)
    .type('application/json')
    .send(graphErrorBody(code, message, now));
}

/** Thrown from route code; turned into a Graph error by the sandbox's error handler. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'The specified object was not found in the store.') => new GraphHttpError(404, 'ErrorItemNotFound', what);
export const badRequest = (message: string, code = 'BadRequest') => new GraphHttpError(400, code, message);
