import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { parseApiKeyPrefix } from '@firmly/config';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
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
    await app.register(helmet, {
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
    app.addHook('onSend', async (_request, reply, payload) => {
      if (reply.statusCode === 429) reply.type(PROBLEM_JSON);
      return payload;
    });
  },
  { name: 'security', dependencies: ['problem-details'] },
);

/** The key's public prefix or the session cookie's hash prefix, else the address: one budget per caller. */
function callerKey(request: FastifyRequest): string {
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  const prefix = token ? parseApiKeyPrefix(token) : undefined;
  if (prefix) return `key:${prefix}`;
  const session = /(?:^|;\s*)firmly_session=([A-Za-z0-9_-]{16})/.exec(request.headers.cookie ?? '')?.[1];
  if (session) return `session:${session}`;
  return `ip:${request.ip}`;
}
