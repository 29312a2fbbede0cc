import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { createIdTokenSigner } from '../microsoft-oauth/id-token';
import { IdentityState } from '../microsoft-oauth/identity';
import { registerIdentityRoutes } from '../microsoft-oauth/routes';
import { createAdmin, type GraphSandboxAdmin } from './admin';
import { graphErrorBody } from './errors';
import { httpNotificationTarget } from './notifier';
import { type GraphSandboxOptions, resolveOptions } from './options';
import { registerPipeline } from './pipeline';
import { registerDeltaRoutes } from './routes-delta';
import { registerReadRoutes } from './routes-read';
import { registerSubscriptionRoutes } from './routes-subscriptions';
import { registerWriteRoutes } from './routes-write';
import { GraphSandboxState } from './state';

export interface GraphSandbox {
  /**
   * `https://localhost:PORT`, the origin of both APIs, like `https://graph.microsoft.com`:
   * Graph under `/v1.0` (firmly's GRAPH_API_URL = url; the client adds the version), the
   * identity platform under `/{tenant}/oauth2/v2.0` (MICROSOFT_LOGIN_URL = url too).
   */
  readonly url: string;
  /** The same origin; named for MICROSOFT_LOGIN_URL. */
  readonly loginUrl: string;
  readonly tenantId: string;
  readonly admin: GraphSandboxAdmin;
  /** Stops listening, drops open connections, and waits for notifications in flight. */
  close(): Promise<void>;
}

/**
 * Graph raw MIME sends are limited to 4 MB of MIME; base64 makes that about 5.4 MB.
 * A little more is accepted so that firmly's own size check, not the sandbox, decides.
 */
const BODY_LIMIT = 8 * 1024 * 1024;

/** Graph addresses entities as `mailFolders('inbox')`; the router understands `mailFolders/inbox`. */
function rewriteKeySegments(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const rewritten = path.replace(/\/([A-Za-z]+)\((?:'|%27)([^/']*?)(?:'|%27)\)/g, '/$1/$2');
  return queryAt === -1 ? rewritten : rewritten + url.slice(queryAt);
}

export async function createGraphSandbox(options: GraphSandboxOptions): Promise<GraphSandbox> {
  const resolved = resolveOptions(options, randomUUID());
  const state = new GraphSandboxState(resolved, options.notificationTarget ?? httpNotificationTarget);
  const identity = new IdentityState(
    state.tokens,
    await createIdTokenSigner(),
    resolved.tenantId,
    (address) => {
      const user = state.mailbox(address)?.user;
      return user ? { id: user.id, address: user.address, displayName: user.displayName } : undefined;
    },
    () => resolved.clock.now().getTime(),
  );

  const app = Fastify({
    https: { cert: options.tls.cert, key: options.tls.key },
    // Graph's paths are case-insensitive (mailFolders / mailfolders) and ids are long.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 2048 },
    rewriteUrl: (request) => rewriteKeySegments(request.url ?? '/'),
    bodyLimit: BODY_LIMIT,
    forceCloseConnections: true,
    logger: false,
  });

  app.register(
    async (scope) => {
      registerPipeline(scope, state);
      registerReadRoutes(scope, state);
      registerDeltaRoutes(scope, state);
      registerWriteRoutes(scope, state);
      registerSubscriptionRoutes(scope, state);
    },
    { prefix: '/v1.0' },
  );
  app.register(async (scope) => registerIdentityRoutes(scope, { identity, baseUrl: () => state.baseUrl, now: () => state.now() }));
  app.setNotFoundHandler((request, reply) => {
    const body = graphErrorBody(
      'BadRequest',
      `Resource not found for the segment '${request.url.split('?')[0]}'. (Not implemented by the Graph sandbox: ${request.method} ${request.url.split('?')[0]}.)`,
      state.now(),
    );
    return reply.code(400).send(body);
  });

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  // Always `localhost`: the Graph client attaches tokens only to hosts in customHosts, and
  // the certificate names localhost (127.0.0.1 too, for other clients).
  state.baseUrl = `https://localhost:${port}`;
  return {
    url: state.baseUrl,
    loginUrl: state.baseUrl,
    tenantId: resolved.tenantId,
    admin: createAdmin(state, identity),
    async close() {
      await app.close();
      await state.notifier.settle();
    },
  };
}
