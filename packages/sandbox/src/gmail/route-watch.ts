import type { gmail_v1 } from '@googleapis/gmail';
import type { FastifyInstance } from 'fastify';
import { invalidArgument } from './errors';
import { admit, type GuardDeps } from './guard';
import type { PushNotifier } from './push';

/** A watch lasts seven days; Google asks clients to renew it daily. */
const WATCH_TTL_MS = 7 * 24 * 3600_000;

/** users.watch and users.stop. */
export function registerWatchRoutes(app: FastifyInstance, deps: GuardDeps & { push: PushNotifier }): void {
  app.post<{ Body: gmail_v1.Schema$WatchRequest | undefined }>('/gmail/v1/users/:userId/watch', async (request) => {
    const { mailbox } = await admit(deps, request, 'users.watch');
    const watch = request.body ?? {};
    if (!watch.topicName || !/^projects\/[^/]+\/topics\/[^/]+$/.test(watch.topicName)) {
      throw invalidArgument('Invalid topicName does not match projects/SOME_PROJECT/topics/*');
    }
    // labelFilterBehavior replaces the deprecated labelFilterAction; include is the default.
    const behavior = watch.labelFilterBehavior ?? watch.labelFilterAction ?? 'include';
    if (behavior !== 'include' && behavior !== 'exclude') throw invalidArgument(`Invalid value for labelFilterBehavior: ${behavior}`);
    const expirationMs = deps.now() + WATCH_TTL_MS;
    deps.push.watch(mailbox.address, {
      topicName: watch.topicName,
      labelIds: watch.labelIds ?? [],
      labelFilterBehavior: behavior,
      expirationMs,
    });
    const body: gmail_v1.Schema$WatchResponse = { historyId: String(mailbox.historyId), expiration: String(expirationMs) };
    return body;
  });

  app.post('/gmail/v1/users/:userId/stop', async (request, reply) => {
    const { mailbox } = await admit(deps, request, 'users.stop');
    deps.push.stop(mailbox.address);
    return reply.code(204).send();
  });
}
