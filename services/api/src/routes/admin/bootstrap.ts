import { hashPassword } from '@firmly/config';
import { bootstrapWorkspace, installationHasWorkspace, signIn } from '@firmly/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../api-deps';
import { Conflict } from '../../errors';
import { Problem, z } from '../../http/schemas';
import { SignedIn, startSession } from '../session';
import { Password } from './operators';

const DEMO_SLUG = 'demo';

const BootstrapBody = z.strictObject({
  workspace: z.strictObject({
    slug: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$/, 'must be 2–40 characters: a-z, 0-9 and inner hyphens')
      .refine((slug) => slug !== DEMO_SLUG, 'is the demo workspace’s')
      .describe('what operators type to sign in, e.g. `studio`'),
    name: z.string().trim().min(1).max(200),
  }),
  owner: z.strictObject({
    email: z.email().max(320),
    name: z.string().trim().min(1).max(200),
    password: Password,
  }),
});

const ALREADY = 'this installation already has its workspace; sign in, or ask its owner for an account';

/**
 * A fresh installation's first step: its workspace and owner, signed in at once (the same
 * answer and cookies as POST /session). Public, because nobody can sign in yet; allowed only
 * while no workspace but the demo one exists, so afterwards it is a 409 for everyone.
 */
export function bootstrapRoute(app: FastifyInstance, deps: ApiDeps) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/bootstrap',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['session'],
        summary: 'Set up a fresh installation: its first workspace and owner, signed in (once; afterwards 409)',
        security: [],
        body: BootstrapBody,
        response: { 201: SignedIn, 400: Problem, 409: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      // Checked before the (deliberately slow) password hash, so a bootstrapped server spends nothing on it.
      if (await installationHasWorkspace(deps.db)) throw new Conflict(ALREADY);
      const { workspace, owner } = request.body;
      const now = deps.clock.now();
      const created = await bootstrapWorkspace(deps.db, {
        slug: workspace.slug,
        name: workspace.name,
        owner: { email: owner.email, name: owner.name, passwordHash: await hashPassword(owner.password) },
        now,
      });
      if (!created.ok) throw new Conflict(ALREADY);
      const session = await signIn(deps.db, { workspaceSlug: workspace.slug, email: owner.email, password: owner.password, now });
      if (!session) throw new Error('the bootstrapped owner could not sign in');
      return reply.status(201).send(await startSession(deps, request, reply, session, now));
    },
  );
}
