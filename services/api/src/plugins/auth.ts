import { apiKeyMatches, parseApiKeyPrefix } from '@firmly/config';
import type { Clock } from '@firmly/core';
import { type Database, findLiveApiKey, touchApiKey } from '@firmly/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Unauthorized } from '../errors';

export interface Principal {
  workspaceId: string;
  operatorId: string;
  apiKeyId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** last_used_at is bookkeeping: written at most once a minute per key, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * API-key authentication for the routes it is registered on: `Authorization:
 * Bearer fk_<prefix>_<secret>`. The prefix finds the key; the SHA-256 of the whole
 * token is compared in constant time; the key's workspace scopes every query the
 * request makes, so one tenant never reads another's rows. Registered (without
 * fastify-plugin) inside the `/v1` scope, so the hook guards exactly that scope.
 */
export async function apiKeyAuth(app: FastifyInstance, options: { db: Database; clock: Clock }) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const prefix = token ? parseApiKeyPrefix(token) : undefined;
    if (!token || !prefix) throw new Unauthorized();
    const now = options.clock.now();
    const key = await findLiveApiKey(options.db, prefix, now);
    if (!key || !apiKeyMatches(token, key.keyHash)) throw new Unauthorized();
    request.principal = { workspaceId: key.workspaceId, operatorId: key.operatorId, apiKeyId: key.id };
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_EVERY_MS) await touchApiKey(options.db, key.id, now);
  });
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Unauthorized();
  return request.principal;
}
