import { createApiKey, listApiKeys, revokeApiKey } from '@firmly/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../api-deps';
import { BadRequest, HttpProblem, NotFound } from '../../errors';
import { commonErrors, IdParams, Instant, isoOrNull, Uuid, z } from '../../http/schemas';
import { actorOf, principalOf, SCOPES } from '../../plugins/auth';

const ScopeName = z.enum(SCOPES);

const ApiKey = z
  .object({
    id: Uuid,
    name: z.string(),
    prefix: z.string().describe('the public part of the token (`fk_<prefix>_…`), to tell keys apart'),
    scopes: z.array(z.string()),
    operatorId: Uuid,
    active: z.boolean().describe('neither revoked nor expired'),
    createdAt: Instant,
    lastUsedAt: Instant.nullable(),
    expiresAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'ApiKey' });

const NewApiKey = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(ScopeName).min(1).max(SCOPES.length).describe('read: every GET; review: act on drafts and records; admin: this'),
  expiresAt: Instant.optional(),
});

const IssuedKey = z
  .object({
    id: Uuid,
    token: z.string().describe('`Authorization: Bearer <token>`; shown this once, only its hash is stored'),
    prefix: z.string(),
    scopes: z.array(ScopeName),
  })
  .meta({ id: 'IssuedApiKey' });

/** API keys of the workspace: list (never a secret), issue (the token shown once), revoke. */
export function apiKeyRoutes(app: FastifyInstance, deps: ApiDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api-keys',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: "The workspace's API keys, newest first (revoked ones included; never the secret)",
        response: { 200: z.object({ items: z.array(ApiKey) }), ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const now = deps.clock.now();
      const keys = await listApiKeys(deps.db, workspaceId);
      return {
        items: keys.map((key) => ({
          id: key.id,
          name: key.name,
          prefix: key.prefix,
          scopes: key.scopes,
          operatorId: key.operatorId,
          active: key.revokedAt === null && (key.expiresAt === null || key.expiresAt > now),
          createdAt: key.createdAt.toISOString(),
          lastUsedAt: isoOrNull(key.lastUsedAt),
          expiresAt: isoOrNull(key.expiresAt),
          revokedAt: isoOrNull(key.revokedAt),
        })),
      };
    },
  );

  typed.post(
    '/api-keys',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Issue an API key for the caller; the token is in this answer only',
        body: NewApiKey,
        response: { 201: IssuedKey, ...commonErrors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const now = deps.clock.now();
      // In SCOPES order, once each, so the stored list reads the same however it was asked for.
      const scopes = SCOPES.filter((scope) => request.body.scopes.includes(scope));
      const beyond = scopes.filter((scope) => !principal.scopes.has(scope));
      if (beyond.length > 0)
        throw new HttpProblem(403, 'Forbidden', `a key cannot have scopes its issuer lacks: ${beyond.join(', ')}`, {
          invalidParams: [{ name: 'body.scopes', reason: `not held by the caller: ${beyond.join(', ')}` }],
        });
      const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt) : null;
      if (expiresAt && expiresAt <= now)
        throw new BadRequest('the key would be expired already', [{ name: 'body.expiresAt', reason: 'must be in the future' }]);
      const issued = await createApiKey(deps.db, {
        workspaceId: principal.workspaceId,
        operatorId: principal.operatorId,
        name: request.body.name,
        scopes,
        expiresAt,
        actor: actorOf(principal),
        now,
      });
      return reply.status(201).send({ id: issued.id, token: issued.token, prefix: issued.prefix, scopes });
    },
  );

  typed.delete(
    '/api-keys/:id',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Revoke an API key at once',
        params: IdParams,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const result = await revokeApiKey(deps.db, {
        workspaceId: principal.workspaceId,
        apiKeyId: request.params.id,
        actor: actorOf(principal),
        now: deps.clock.now(),
      });
      if (!result.ok) throw new NotFound(`no API key ${request.params.id}`);
      return reply.status(204).send(null);
    },
  );
}
