import { apiKeyMatches, parseApiKeyPrefix } from '@firmly/config';
import type { Clock } from '@firmly/core';
import { csrfMatches, type Database, findLiveApiKey, findLiveSession, touchApiKey, touchSession } from '@firmly/db';
import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem, Unauthorized } from '../errors';
import type { KnownApiKeys } from './known-api-keys';

/** What a caller may do. `read`: every GET. `review`: act on drafts, asks, proposals, invoices. `admin`: operators, keys, mailboxes, settings. */
export const SCOPES = ['read', 'review', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Principal {
  workspaceId: string;
  operatorId: string;
  scopes: ReadonlySet<Scope>;
  /** How the caller proved who they are. */
  via: { kind: 'api_key'; apiKeyId: string } | { kind: 'session'; sessionId: string };
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** The scope a route needs; by default `read` for GET and HEAD, `review` for the rest. */
    scope?: Scope;
  }
}

export const SESSION_COOKIE = 'firmly_session';
export const CSRF_HEADER = 'x-csrf-token';
/** Readable by the page's script (not HttpOnly), so it can echo the token after a reload: double submit. */
export const CSRF_COOKIE = 'firmly_csrf';

/** last_used_at / last_seen_at are bookkeeping: written at most once a minute, not on every request. */
const TOUCH_EVERY_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** An owner may do everything; a member reads and reviews. */
const SESSION_SCOPES: Record<'owner' | 'member', ReadonlySet<Scope>> = {
  owner: new Set(SCOPES),
  member: new Set(['read', 'review']),
};

/**
 * Authentication for the routes it is registered on (inside the `/v1` scope, without
 * fastify-plugin, so the hooks guard exactly that scope):
 *
 * - `Authorization: Bearer fk_<prefix>_<secret>`: the prefix finds the key, the SHA-256 of the
 *   whole token is compared in constant time; the key's scopes apply.
 * - the `firmly_session` cookie of a signed-in operator; the operator's role gives the scopes,
 *   and every request that changes something must echo the session's CSRF token in
 *   `x-csrf-token` (the cookie alone, which a browser attaches to forged requests too, is not
 *   enough).
 *
 * The principal's workspace scopes every query, so one tenant never reads another's rows.
 * Routes marked `config: { public: true }` (sign-in) skip authentication.
 */
export async function operatorAuth(app: FastifyInstance, options: { db: Database; clock: Clock; knownKeys?: KnownApiKeys }) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if ((request.routeOptions.config as { public?: boolean }).public) return;
    const now = options.clock.now();
    request.principal = request.headers.authorization
      ? await principalFromApiKey(options.db, request.headers.authorization, now, options.knownKeys)
      : await principalFromSession(options.db, request, now);
    const needed = request.routeOptions.config.scope ?? (SAFE_METHODS.has(request.method) ? 'read' : 'review');
    if (!request.principal.scopes.has(needed)) {
      throw new HttpProblem(403, 'Forbidden', `this needs the ${needed} scope`, { requiredScope: needed });
    }
  });
}

/** The caller an `Authorization: Bearer fk_…` header names (also how /metrics and /admin/queues check admin keys). */
export async function principalFromApiKey(db: Database, authorization: string, now: Date, knownKeys?: KnownApiKeys): Promise<Principal> {
  const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
  const prefix = token ? parseApiKeyPrefix(token) : undefined;
  if (!token || !prefix) throw new Unauthorized();
  const key = knownKeys ? await knownKeys.find(prefix, now) : await findLiveApiKey(db, prefix, now);
  if (!key || !apiKeyMatches(token, key.keyHash)) throw new Unauthorized();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await touchApiKey(db, key.id, now);
    knownKeys?.touched(prefix, now);
  }
  return {
    workspaceId: key.workspaceId,
    operatorId: key.operatorId,
    scopes: scopesOf(key.scopes),
    via: { kind: 'api_key', apiKeyId: key.id },
  };
}

function scopesOf(scopes: readonly string[]): ReadonlySet<Scope> {
  return new Set(scopes.filter((scope): scope is Scope => (SCOPES as readonly string[]).includes(scope)));
}

async function principalFromSession(db: Database, request: FastifyRequest, now: Date): Promise<Principal> {
  const token = sessionToken(request);
  if (!token) throw new Unauthorized('sign in, or send an API key');
  const session = await findLiveSession(db, token, now);
  if (!session) throw new Unauthorized('the session has ended; sign in again');
  if (!SAFE_METHODS.has(request.method)) {
    const csrf = request.headers[CSRF_HEADER];
    if (typeof csrf !== 'string' || !csrfMatches(csrf, session.csrfHash)) {
      throw new HttpProblem(403, 'Forbidden', `a request that changes something must carry the session's ${CSRF_HEADER} header`);
    }
  }
  if (!session.lastSeenAt || now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, session.id, now);
  return {
    workspaceId: session.workspaceId,
    operatorId: session.operatorId,
    scopes: SESSION_SCOPES[session.role],
    via: { kind: 'session', sessionId: session.id },
  };
}

/** The session cookie's value (@fastify/cookie parses cookies at the root of the app). */
export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE] ?? undefined;
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Unauthorized();
  return request.principal;
}

/** The audit actor for what the caller does. */
export function actorOf(principal: Principal): string {
  return `operator:${principal.operatorId}`;
}
