import { hashPassword } from '@firmly/config';
import { createOperator, disableOperator, listOperators, type OperatorRow } from '@firmly/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../api-deps';
import { Conflict, NotFound } from '../../errors';
import { commonErrors, IdParams, Instant, isoOrNull, Problem, Uuid, z } from '../../http/schemas';
import { actorOf, principalOf } from '../../plugins/auth';

/** Passwords are checked for length only (NIST SP 800-63B): 12 characters or more. */
export const MIN_PASSWORD_LENGTH = 12;
export const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024)
  .describe(`at least ${MIN_PASSWORD_LENGTH} characters; stored as a scrypt hash`);

const Role = z.enum(['owner', 'member']).describe('owner: everything, admin included; member: read and review');

const Operator = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    role: Role,
    canSignIn: z.boolean().describe('has a password and is not disabled'),
    disabledAt: Instant.nullable(),
    createdAt: Instant,
  })
  .meta({ id: 'Operator' });

const NewOperator = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: Role.default('member'),
  password: Password,
});

function operatorView(row: OperatorRow): z.infer<typeof Operator> {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    canSignIn: row.passwordHash !== null && row.disabledAt === null,
    disabledAt: isoOrNull(row.disabledAt),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The workspace's operators: list, add (with a password to sign in with), disable. */
export function operatorRoutes(app: FastifyInstance, deps: ApiDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/operators',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: "The workspace's operators",
        response: { 200: z.object({ items: z.array(Operator) }), ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      return { items: (await listOperators(deps.db, workspaceId)).map(operatorView) };
    },
  );

  typed.post(
    '/operators',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Add an operator who signs in with this email and password',
        body: NewOperator,
        response: { 201: Operator, 409: Problem, ...commonErrors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { email, name, role, password } = request.body;
      const created = await createOperator(deps.db, {
        workspaceId: principal.workspaceId,
        email,
        name,
        role,
        passwordHash: await hashPassword(password),
        actor: actorOf(principal),
        now: deps.clock.now(),
      });
      if (!created.ok) throw new Conflict(`an operator with the email ${email} already exists in this workspace`);
      return reply.status(201).send(operatorView(created.operator));
    },
  );

  typed.post(
    '/operators/:id/disable',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Disable an operator: no more sign-in; their sessions end and their API keys are revoked',
        params: IdParams,
        response: { 200: Operator, 409: Problem, ...commonErrors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const result = await disableOperator(deps.db, {
        workspaceId: principal.workspaceId,
        operatorId: request.params.id,
        actor: actorOf(principal),
        now: deps.clock.now(),
      });
      if (!result.ok) {
        if (result.problem === 'not_found') throw new NotFound(`no operator ${request.params.id}`);
        throw new Conflict('this is the last enabled owner; make another operator an owner first');
      }
      return operatorView(result.operator);
    },
  );
}
