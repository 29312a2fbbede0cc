import { findMailbox, schema } from '@firmly/db';
import { authorizationUrl, createPkcePair, createState, MailProviderError, missingScopes, openState } from '@firmly/mail';
import { enqueue } from '@firmly/queue';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { BadRequest, HttpProblem, NotFound } from '../errors';
import { clientWithToken, type MailboxConnectionDeps, type Provider, storeConnectedMailbox } from '../mailbox-connection';
import { principalOf } from '../plugins/auth';

const STATE_TTL_MS = 10 * 60_000;

const mailboxView = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    provider: { type: 'string', enum: ['gmail', 'graph'] },
    address: { type: 'string' },
    status: { type: 'string', enum: ['active', 'needs_reauth', 'paused', 'disconnected'] },
    statusReason: { type: ['string', 'null'] },
    lastSyncedAt: { type: ['string', 'null'], format: 'date-time' },
    lastPushAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: ['id', 'provider', 'address', 'status'],
} as const;

const providerParam = { type: 'string', enum: ['gmail', 'graph'] } as const;

class Unprocessable extends HttpProblem {
  constructor(detail: string, name: string) {
    super(422, 'Unprocessable Content', detail, { invalidParams: [{ name, reason: detail }] });
  }
}

function configured(deps: MailboxConnectionDeps, provider: Provider) {
  const config = deps.oauth[provider];
  if (!config)
    throw new BadRequest(`${provider} is not configured on this server`, [{ name: 'body.provider', reason: 'no OAuth client configured' }]);
  return config;
}

/** Mailbox management under /v1 (API-key scope). Responses never include grants. */
export async function mailboxRoutes(app: FastifyInstance, deps: MailboxConnectionDeps) {
  app.get(
    '/mailboxes',
    { schema: { response: { 200: { type: 'object', properties: { mailboxes: { type: 'array', items: mailboxView } } } } } },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const mailboxes = await deps.db
        .select()
        .from(schema.mailboxes)
        .where(eq(schema.mailboxes.workspaceId, workspaceId))
        .orderBy(schema.mailboxes.createdAt);
      return { mailboxes };
    },
  );

  app.post<{ Body: { provider: Provider; loginHint?: string; redirectAfter?: string } }>(
    '/mailboxes/connect',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['provider'],
          properties: {
            provider: providerParam,
            loginHint: { type: 'string', format: 'email' },
            redirectAfter: { type: 'string', pattern: '^/' },
          },
        },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const config = configured(deps, request.body.provider);
      const pkce = createPkcePair();
      const { state, expiresAt } = createState(
        deps.keys,
        {
          workspaceId,
          provider: request.body.provider,
          codeVerifier: pkce.codeVerifier,
          ...(request.body.redirectAfter ? { redirectAfter: request.body.redirectAfter } : {}),
        },
        STATE_TTL_MS,
        deps.clock.now(),
      );
      const url = authorizationUrl(config, {
        state,
        codeChallenge: pkce.codeChallenge,
        ...(request.body.loginHint ? { loginHint: request.body.loginHint } : {}),
      });
      return { authorizationUrl: url, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post<{ Body: { provider: Provider; address: string; refreshToken: string } }>(
    '/mailboxes',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['provider', 'address', 'refreshToken'],
          properties: {
            provider: providerParam,
            address: { type: 'string', format: 'email' },
            refreshToken: { type: 'string', minLength: 10 },
          },
        },
        response: { 201: mailboxView },
      },
    },
    async (request, reply) => {
      const { workspaceId, operatorId } = principalOf(request);
      const config = configured(deps, request.body.provider);
      // Prove the grant works and belongs to the address before storing anything.
      let tokens: Awaited<ReturnType<typeof deps.tokenClient.refresh>>;
      try {
        tokens = await deps.tokenClient.refresh(config, request.body.refreshToken);
      } catch (error) {
        if (error instanceof MailProviderError && error.kind !== 'retry')
          throw new Unprocessable(`the provider refused this refresh token: ${error.message}`, 'body.refreshToken');
        throw error;
      }
      const actual = await clientWithToken(deps, request.body.provider, tokens.accessToken).address();
      if (actual !== request.body.address.toLowerCase())
        throw new Unprocessable(`the grant is for ${actual}, not ${request.body.address}`, 'body.address');
      const mailbox = await storeConnectedMailbox(deps, {
        workspaceId,
        provider: request.body.provider,
        address: actual,
        tokens,
        actor: `operator:${operatorId}`,
      });
      return reply.status(201).send(mailbox);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/mailboxes/:id/sync',
    { schema: { params: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } } },
    async (request, reply) => {
      const { workspaceId } = principalOf(request);
      const mailbox = await findMailbox(deps.db, workspaceId, request.params.id);
      if (!mailbox) throw new NotFound(`no mailbox ${request.params.id}`);
      await enqueue(
        deps.queues,
        'sync',
        'mailbox.sync',
        { workspaceId, mailboxId: mailbox.id, reason: 'manual' },
        { deduplicationId: `sync-${mailbox.id}` },
      );
      return reply.status(202).send({ queued: true });
    },
  );
}

/**
 * The OAuth redirect target (no API key: the provider sends the operator's browser
 * here). Trust comes from the sealed, expiring, single-use state, which names the
 * workspace and carries the PKCE verifier.
 */
export async function oauthCallbackRoutes(app: FastifyInstance, deps: MailboxConnectionDeps) {
  app.get<{ Params: { provider: Provider }; Querystring: { code?: string; state?: string; error?: string; error_description?: string } }>(
    '/oauth/callback/:provider',
    { schema: { params: { type: 'object', required: ['provider'], properties: { provider: providerParam } } } },
    async (request, reply) => {
      const { code, state: rawState, error } = request.query;
      if (error)
        throw new BadRequest(
          `the provider reported: ${error}${request.query.error_description ? ` (${request.query.error_description})` : ''}`,
          [{ name: 'query.error', reason: error }],
        );
      if (!code || !rawState)
        throw new BadRequest('code and state are required', [{ name: code ? 'query.state' : 'query.code', reason: 'missing' }]);
      const opened = openState(deps.keys, rawState, deps.clock.now());
      if (!opened.ok)
        throw new BadRequest(`the sign-in link is ${opened.error === 'expired' ? 'expired' : 'invalid'}; start again`, [
          { name: 'query.state', reason: opened.error },
        ]);
      const state = opened.state;
      if (state.provider !== request.params.provider)
        throw new BadRequest('state was issued for another provider', [{ name: 'query.state', reason: 'provider mismatch' }]);
      // Single use: a replayed callback URL finds its nonce taken.
      const fresh = await deps.queues.coordination.leases.acquire(`oauth-state:${state.nonce}`, STATE_TTL_MS);
      if (!fresh) throw new BadRequest('this sign-in link was already used; start again', [{ name: 'query.state', reason: 'replayed' }]);
      const config = configured(deps, state.provider);
      const tokens = await deps.tokenClient.exchangeCode(config, code, state.codeVerifier);
      const missing = missingScopes(config, tokens.scope ?? '');
      if (missing.length > 0)
        throw new Unprocessable(`the grant lacks ${missing.join(', ')}; allow every requested permission`, 'query.code');
      const address = await clientWithToken(deps, state.provider, tokens.accessToken).address();
      const mailbox = await storeConnectedMailbox(deps, {
        workspaceId: state.workspaceId,
        provider: state.provider,
        address,
        tokens,
        actor: 'system:oauth-callback',
      });
      if (state.redirectAfter)
        return reply.redirect(`${state.redirectAfter}${state.redirectAfter.includes('?') ? '&' : '?'}mailbox=${mailbox.id}`);
      return { connected: { id: mailbox.id, provider: mailbox.provider, address: mailbox.address, status: mailbox.status } };
    },
  );
}
