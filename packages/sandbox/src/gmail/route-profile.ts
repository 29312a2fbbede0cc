import type { gmail_v1 } from '@googleapis/gmail';
import type { FastifyInstance } from 'fastify';
import { admit, type GuardDeps } from './guard';

/** GET users/{userId}/profile (users.getProfile). */
export function registerProfileRoute(app: FastifyInstance, deps: GuardDeps): void {
  app.get('/gmail/v1/users/:userId/profile', async (request) => {
    const { mailbox } = await admit(deps, request, 'users.getProfile');
    const body: gmail_v1.Schema$Profile = {
      emailAddress: mailbox.address,
      messagesTotal: mailbox.all().length,
      threadsTotal: mailbox.threadCount,
      historyId: String(mailbox.historyId),
    };
    return body;
  });
}
