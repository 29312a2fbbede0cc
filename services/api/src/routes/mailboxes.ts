import { disconnectMailbox, findMailbox, restartMailboxSync, schema, storedCountsByMailbox } from '@firmly/db';
import { authorizationUrl, createPkcePair, createState, MailProviderError, missingScopes, openState } from '@firmly/mail';
import { enqueue } from '@firmly/queue';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BadRequest, Conflict, HttpProblem, NotFound } from '../errors';
import { commonErrors, IdParams, Instant, Problem, Uuid, z } from '../http/schemas';
import { clientWithToken, type MailboxConnectionDeps, type Provider, storeConnectedMailbox } from '../mailbox-connection';
import { actorOf, principalOf } from '../plugins/auth';
import { MailboxView, mailboxView, ProviderName } from './mailbox-view';

const STATE_TTL_MS = 10 * 60_000;
/** The worker's per-mailbox sync lease (services/worker/src/processors/sync-mailbox.ts): held, no sync runs. */
const syncLeaseName = (mailboxId: string) => `mailbox-sync:${mailboxId}`;
const RESET_LEASE_MS = 30_000;

const ConnectBody = z.strictObject({
  provider: ProviderName,
  loginHint: z.email().optional(),
  // A path on this site only: "//host" and "/\\host" would leave it.
  redirectAfter: z
    .string()
    .max(2048)
    .regex(/^\/(?![/\\])/, 'must be a path on this site, starting with a single /')
    .optional()
    .describe('Where the browser goes after the callback (`?mailbox=<id>` is appended)'),
});

const ImportBody = z.strictObject({
  provider: ProviderName,
  address: z.email(),
  refreshToken: z.string().min(10),
});

const Queued = z.object({ queued: z.literal(true) });

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

async function viewOf(deps: MailboxConnectionDeps, workspaceId: string, row: typeof schema.mailboxes.$inferSelect) {
  const counts = await storedCountsByMailbox(deps.db, workspaceId, row.id);
  return mailboxView(row, counts.get(row.id));
}

/**
 * Mailbox management under /v1. Reading and "sync now" follow the default scopes; connecting,
 * importing, a full re-sync and disconnecting need `admin`. Responses never include grants.
 */
export async function mailboxRoutes(app: FastifyInstance, deps: MailboxConnectionDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/mailboxes',
    {
      schema: {
        tags: ['mailboxes'],
        summary: "The workspace's mailboxes: connection, sync status and progress",
        response: { 200: z.object({ mailboxes: z.array(MailboxView) }), ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const [rows, counts] = await Promise.all([
        deps.db
          .select()
          .from(schema.mailboxes)
          .where(eq(schema.mailboxes.workspaceId, workspaceId))
          .orderBy(schema.mailboxes.createdAt, schema.mailboxes.id),
        storedCountsByMailbox(deps.db, workspaceId),
      ]);
      return { mailboxes: rows.map((row) => mailboxView(row, counts.get(row.id))) };
    },
  );

  typed.post(
    '/mailboxes/connect',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['mailboxes'],
        summary: "Start connecting a mailbox: the provider's consent URL (PKCE, signed single-use state, 10 minutes)",
        body: ConnectBody,
        response: { 200: z.object({ authorizationUrl: z.url(), expiresAt: Instant }), ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const { provider, loginHint, redirectAfter } = request.body;
      const config = configured(deps, provider);
      const pkce = createPkcePair();
      const { state, expiresAt } = createState(
        deps.keys,
        { workspaceId, provider, codeVerifier: pkce.codeVerifier, ...(redirectAfter ? { redirectAfter } : {}) },
        STATE_TTL_MS,
        deps.clock.now(),
      );
      const url = authorizationUrl(config, { state, codeChallenge: pkce.codeChallenge, ...(loginHint ? { loginHint } : {}) });
      return { authorizationUrl: url, expiresAt: expiresAt.toISOString() };
    },
  );

  // Headless import of an existing grant: `POST /mailboxes` (as documented since issue 3) and
  // `POST /mailboxes/import` (the console's name for it) are the same operation.
  for (const path of ['/mailboxes', '/mailboxes/import']) {
    typed.post(
      path,
      {
        config: { scope: 'admin' },
        schema: {
          tags: ['mailboxes'],
          summary: 'Import an existing grant (checked against the provider first)',
          body: ImportBody,
          response: { 201: MailboxView, 422: Problem, ...commonErrors },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const { provider, address, refreshToken } = request.body;
        const config = configured(deps, provider);
        // Prove the grant works and belongs to the address before storing anything.
        let tokens: Awaited<ReturnType<typeof deps.tokenClient.refresh>>;
        try {
          tokens = await deps.tokenClient.refresh(config, refreshToken);
        } catch (error) {
          if (error instanceof MailProviderError && error.kind !== 'retry')
            throw new Unprocessable(`the provider refused this refresh token: ${error.message}`, 'body.refreshToken');
          throw error;
        }
        const actual = await clientWithToken(deps, provider, tokens.accessToken).address();
        if (actual !== address.toLowerCase()) throw new Unprocessable(`the grant is for ${actual}, not ${address}`, 'body.address');
        const mailbox = await storeConnectedMailbox(deps, {
          workspaceId: principal.workspaceId,
          provider,
          address: actual,
          tokens,
          actor: actorOf(principal),
        });
        return reply.status(201).send(await viewOf(deps, principal.workspaceId, mailbox));
      },
    );
  }

  typed.post(
    '/mailboxes/:id/sync',
    {
      schema: {
        tags: ['mailboxes'],
        summary: 'Sync now (collapsed into a sync already waiting)',
        params: IdParams,
        response: { 202: Queued, ...commonErrors },
      },
    },
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
      return reply.status(202).send({ queued: true as const });
    },
  );

  typed.post(
    '/mailboxes/:id/resync',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['mailboxes'],
        summary: 'Full re-sync: forget the sync cursor and back-fill again (what is stored stays, once)',
        params: IdParams,
        response: { 202: Queued.extend({ mailbox: MailboxView }), 409: Problem, ...commonErrors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { workspaceId } = principal;
      const mailboxId = request.params.id;
      if (!(await findMailbox(deps.db, workspaceId, mailboxId))) throw new NotFound(`no mailbox ${mailboxId}`);
      // Holding the sync lease while the cursor is cleared: a sync running now would otherwise
      // store its own cursor over the reset and the back-fill would silently not happen.
      const lease = await deps.queues.coordination.leases.acquire(syncLeaseName(mailboxId), RESET_LEASE_MS);
      if (!lease) throw new Conflict('a sync of this mailbox is running; ask again when it has finished');
      let reset: Awaited<ReturnType<typeof restartMailboxSync>>;
      try {
        reset = await restartMailboxSync(deps.db, { workspaceId, mailboxId, actor: actorOf(principal), now: deps.clock.now() });
      } finally {
        await lease.release();
      }
      if (!reset.ok) {
        if (reset.problem === 'not_found') throw new NotFound(`no mailbox ${mailboxId}`);
        throw new Conflict(`the mailbox is ${reset.mailbox?.status ?? 'not active'}; connect it again before re-syncing`);
      }
      // The sync job reads the mailbox afresh, so a sync already waiting (collapsed into) back-fills too.
      await enqueue(
        deps.queues,
        'sync',
        'mailbox.sync',
        { workspaceId, mailboxId, reason: 'backfill' },
        { deduplicationId: `sync-${mailboxId}` },
      );
      return reply.status(202).send({ queued: true as const, mailbox: await viewOf(deps, workspaceId, reset.mailbox) });
    },
  );

  typed.delete(
    '/mailboxes/:id',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['mailboxes'],
        summary: 'Disconnect: delete the grant and the push registration; what was stored stays',
        params: IdParams,
        response: { 200: MailboxView, ...commonErrors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const result = await disconnectMailbox(deps.db, {
        workspaceId: principal.workspaceId,
        mailboxId: request.params.id,
        actor: actorOf(principal),
        now: deps.clock.now(),
      });
      if (!result.ok) throw new NotFound(`no mailbox ${request.params.id}`);
      return viewOf(deps, principal.workspaceId, result.mailbox);
    },
  );
}

const CallbackQuery = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

const Connected = z.object({
  connected: z.object({ id: Uuid, provider: ProviderName, address: z.string(), status: MailboxView.shape.status }),
});

/**
 * The OAuth redirect target (no API key: the provider sends the operator's browser
 * here). Trust comes from the sealed, expiring, single-use state, which names the
 * workspace and carries the PKCE verifier.
 */
export async function oauthCallbackRoutes(app: FastifyInstance, deps: MailboxConnectionDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/oauth/callback/:provider',
    {
      schema: {
        tags: ['mailboxes'],
        summary: "The provider's redirect back after consent: stores the sealed grant, starts the back-fill and push",
        security: [],
        params: z.object({ provider: ProviderName }),
        querystring: CallbackQuery,
        response: { 200: Connected, 400: Problem, 422: Problem },
      },
    },
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
