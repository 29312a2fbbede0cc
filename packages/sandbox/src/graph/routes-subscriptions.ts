import type { Subscription } from '@microsoft/microsoft-graph-types';
import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors';
import { mailboxOf } from './pipeline';
import type { GraphSandboxState } from './state';

/**
 * Change notifications for mail:
 *   POST   /subscriptions            validation handshake first, then 201
 *   GET    /subscriptions, /subscriptions/{id}
 *   PATCH  /subscriptions/{id}       renew (expirationDateTime)
 *   DELETE /subscriptions/{id}       204
 *   POST   /subscriptions/{id}/reauthorize   after a reauthorizationRequired lifecycle event
 * Subscriptions belong to the token's mailbox; another mailbox's id answers 404.
 */
export function registerSubscriptionRoutes(scope: FastifyInstance, state: GraphSandboxState): void {
  const { subscriptions } = state;
  const body = (value: unknown): Subscription => {
    if (!value || typeof value !== 'object') throw badRequest('A JSON subscription object is required.', 'InvalidRequest');
    return value as Subscription;
  };

  scope.post('/subscriptions', async (request, reply) => {
    const created = await subscriptions.create(mailboxOf(request), body(request.body));
    return reply.code(201).send(subscriptions.render(created, state.baseUrl));
  });

  scope.get('/subscriptions', async (request) => ({
    '@odata.context': `${state.baseUrl}/v1.0/$metadata#subscriptions`,
    value: subscriptions.list(mailboxOf(request)).map((subscription) => subscriptions.render(subscription, state.baseUrl)),
  }));

  scope.get<{ Params: { id: string } }>('/subscriptions/:id', async (request) =>
    subscriptions.render(subscriptions.get(mailboxOf(request), request.params.id), state.baseUrl),
  );

  scope.patch<{ Params: { id: string } }>('/subscriptions/:id', async (request) =>
    subscriptions.render(subscriptions.renew(mailboxOf(request), request.params.id, body(request.body)), state.baseUrl),
  );

  scope.delete<{ Params: { id: string } }>('/subscriptions/:id', async (request, reply) => {
    subscriptions.remove(mailboxOf(request), request.params.id);
    return reply.code(204).send();
  });

  scope.post<{ Params: { id: string } }>('/subscriptions/:id/reauthorize', async (request, reply) => {
    subscriptions.get(mailboxOf(request), request.params.id);
    return reply.code(200).send();
  });
}
