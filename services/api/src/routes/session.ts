import { type IssuedSession, schema, signIn, signOut } from '@firmly/db';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps';
import { HttpProblem, NotFound } from '../errors';
import { commonErrors, Instant, Problem, Uuid, z } from '../http/schemas';
import { CSRF_COOKIE, principalOf, SCOPES, SESSION_COOKIE } from '../plugins/auth';

type SessionDeps = Pick<ApiDeps, 'db' | 'clock' | 'publicUrl'>;

const SignInBody = z.object({
  workspace: z.string().min(1).max(100).describe("The workspace's slug, e.g. `demo`"),
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

const Me = z
  .object({
    operator: z.object({ id: Uuid, email: z.string(), name: z.string(), role: z.enum(['owner', 'member']) }),
    workspace: z.object({ id: Uuid, slug: z.string(), name: z.string(), demo: z.boolean() }),
    scopes: z.array(z.enum(SCOPES)),
    via: z.enum(['api_key', 'session']),
  })
  .meta({ id: 'Me' });

export const SignedIn = Me.extend({ csrfToken: z.string(), expiresAt: Instant }).meta({ id: 'SignedIn' });

/**
 * Operators sign in with the workspace's slug, their email and password into a session:
 * an HttpOnly, SameSite=Strict cookie (Secure whenever the API is served over https) and a
 * CSRF token, returned here and also set as a readable cookie for the page to echo.
 */
export async function sessionRoutes(app: FastifyInstance, deps: SessionDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/session',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['session'],
        summary: 'Sign in',
        body: SignInBody,
        response: { 200: SignedIn, 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const now = deps.clock.now();
      const session = await signIn(deps.db, {
        workspaceSlug: request.body.workspace,
        email: request.body.email,
        password: request.body.password,
        now,
      });
      if (!session) throw new HttpProblem(401, 'Unauthorized', 'the workspace, email or password is not right');
      return startSession(deps, request, reply, session, now);
    },
  );

  typed.get(
    '/session',
    { schema: { tags: ['session'], summary: 'Who is signed in', response: { 200: Me, ...commonErrors } } },
    async (request) => {
      const principal = principalOf(request);
      return describe(deps, principal.workspaceId, principal.operatorId, principal.via.kind);
    },
  );

  typed.delete(
    '/session',
    { config: { scope: 'read' }, schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null(), ...commonErrors } } },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.via.kind !== 'session')
        throw new HttpProblem(400, 'Bad Request', 'an API key has no session to end; revoke the key instead');
      await signOut(
        deps.db,
        { id: principal.via.sessionId, workspaceId: principal.workspaceId, operatorId: principal.operatorId },
        deps.clock.now(),
      );
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );
}

/**
 * Hands a new session to the browser (the cookies) and answers who is signed in with the CSRF
 * token: POST /session, and the first owner's bootstrap, which signs them in at once.
 */
export async function startSession(deps: SessionDeps, request: FastifyRequest, reply: FastifyReply, session: IssuedSession, now: Date) {
  const secure = isSecure(request, deps.publicUrl);
  const maxAge = Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000);
  reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure, maxAge });
  const me = await describe(deps, session.workspaceId, session.operatorId, 'session');
  return { ...me, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
}

async function describe(deps: SessionDeps, workspaceId: string, operatorId: string, via: 'api_key' | 'session') {
  const [row] = await deps.db
    .select({ operator: schema.operators, workspace: schema.workspaces })
    .from(schema.operators)
    .innerJoin(schema.workspaces, eq(schema.workspaces.id, schema.operators.workspaceId))
    .where(and(eq(schema.operators.workspaceId, workspaceId), eq(schema.operators.id, operatorId)));
  if (!row) throw new NotFound('no such operator');
  const { operator, workspace } = row;
  const scopes = operator.role === 'owner' ? [...SCOPES] : (['read', 'review'] as const);
  return {
    operator: { id: operator.id, email: operator.email, name: operator.name, role: operator.role },
    workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name, demo: workspace.settings.demo === true },
    scopes: [...scopes],
    via,
  };
}

function isSecure(request: FastifyRequest, publicUrl: string | undefined): boolean {
  return request.protocol === 'https' || (publicUrl?.startsWith('https:') ?? false);
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
