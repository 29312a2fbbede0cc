import type { FastifyInstance } from 'fastify';

/**
 * Google's token and revoke endpoints take application/x-www-form-urlencoded, which
 * Fastify does not parse by itself (and @fastify/formbody is not a dependency).
 * Repeated keys keep their first value; OAuth parameters are never repeated.
 */
export function acceptFormBodies(app: FastifyInstance): void {
  if (app.hasContentTypeParser('application/x-www-form-urlencoded')) return;
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const form: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(String(body))) if (!(key in form)) form[key] = value;
    done(null, form);
  });
}

/** The form of a request whose body may be absent or of another type. */
export function formOf(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
