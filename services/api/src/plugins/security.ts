import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { parseApiKeyPrefix } from '@firmly/config';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import { PROBLEM_JSON } from './problem';

export interface SecurityOptions {
  /** Origins allowed to call the API from a browser; none (CORS off) unless configured. */
  corsOrigins: readonly string[];
  /** Requests per minute per caller (API key, session, or address when anonymous). */
  rateLimitPerMinute: number;
}

/**
 * Security headers on every answer, rate limiting per caller, CORS only where configured.
 * The web page is served from the same origin, so it needs no CORS; its scripts and styles
 * are files (no inline code), which lets the policy forbid inline scripts.
 */
export const security = fp(
  async (app: FastifyInstance, options: SecurityOptions) => {
    const headers = securityHeaders(HELMET_OPTIONS);
    // Set on the raw response, as helmet itself does: they stay on every answer, errors included.
    app.addHook('onRequest', (_request, reply, done) => {
      for (const [name, value] of headers) reply.raw.setHeader(name, value);
      done();
    });
    if (options.corsOrigins.length > 0) {
      await app.register(cors, { origin: [...options.corsOrigins], credentials: true });
    }
    await app.register(rateLimit, {
      max: options.rateLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: callerKey,
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        type: 'about:blank',
        title: 'Too Many Requests',
        status: 429,
        detail: `at most ${context.max} requests per minute; retry in ${Math.ceil(context.ttl / 1000)} s`,
      }),
    });
    app.addHook('onSend', (_request, reply, payload, done) => {
      if (reply.statusCode === 429) reply.type(PROBLEM_JSON);
      done(null, payload);
    });
  },
  { name: 'security', dependencies: ['problem-details'] },
);

export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Chart.js sets canvas sizes through style attributes.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      frameSrc: ["'self'"],
      frameAncestors: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
  crossOriginEmbedderPolicy: false,
};

/**
 * The headers helmet sets, worked out once. With no per-request parts (no nonces, no directive
 * functions) they are the same on every answer; @fastify/helmet built helmet's middleware again
 * on every request (parsing the policy each time), a tenth of what a small request cost.
 * helmet stays the authority on which headers and values: it runs once against a recorder.
 */
export function securityHeaders(options: HelmetOptions): ReadonlyArray<readonly [string, string]> {
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === 'object' ? Object.values(csp.directives ?? {}) : [];
  if (directives.flat().some((value) => typeof value === 'function')) {
    throw new Error('a policy directive is worked out per request (a function); these headers are built once');
  }
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      if (typeof value !== 'string') throw new Error(`helmet set ${name} to a value that is not text`);
      headers.set(name.toLowerCase(), value);
      return recorder;
    },
    // X-Powered-By: Fastify never sets it.
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let called = false;
  // helmet asks for Node's request and response; it reads neither beyond these two methods (checked by the test of this function).
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => {
    called = true;
  });
  if (!called) throw new Error('helmet did not finish synchronously; its headers cannot be worked out once');
  return [...headers];
}

/** The key's public prefix or the session cookie's hash prefix, else the address: one budget per caller. */
function callerKey(request: FastifyRequest): string {
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  const prefix = token ? parseApiKeyPrefix(token) : undefined;
  if (prefix) return `key:${prefix}`;
  const session = /(?:^|;\s*)firmly_session=([A-Za-z0-9_-]{16})/.exec(request.headers.cookie ?? '')?.[1];
  if (session) return `session:${session}`;
  return `ip:${request.ip}`;
}
