import type { Clock } from '@firmly/core';
import { activeMailboxesByAddress, type Database, findGraphWatch, recordPush } from '@firmly/db';
import { clientStateMatches, graphNotificationBody, PushRejected, parseGmailPush } from '@firmly/mail';
import { enqueue, type QueueBackend } from '@firmly/queue';
import type { FastifyInstance } from 'fastify';
import { BadRequest, NotFound, Unauthorized } from '../errors';

export interface WebhookDeps {
  db: Database;
  queues: QueueBackend;
  clock: Clock;
  /** Verifies a Pub/Sub push's OIDC token; absent when Gmail push is not configured. */
  verifyPubSub?: (authorization: string | undefined) => Promise<void>;
}

/**
 * Push endpoints (issue 3: "push is a hint; polling is the floor"). They answer fast
 * (202) and only enqueue: a sync job per mailbox, collapsed while one is pending, so a
 * burst of pushes costs one sync. `last_push_at` is recorded first, which both resets
 * the 10-minute polling floor and tells a running sync to go round once more.
 */
export async function webhookRoutes(app: FastifyInstance, deps: WebhookDeps) {
  async function syncSoon(workspaceId: string, mailboxId: string) {
    await recordPush(deps.db, mailboxId, deps.clock.now());
    await enqueue(
      deps.queues,
      'sync',
      'mailbox.sync',
      { workspaceId, mailboxId, reason: 'push' },
      { deduplicationId: `sync-${mailboxId}` },
    );
  }

  app.post('/webhooks/gmail', async (request, reply) => {
    if (!deps.verifyPubSub) throw new NotFound('Gmail push is not configured');
    // The token is checked before the body is even looked at.
    try {
      await deps.verifyPubSub(request.headers.authorization);
    } catch (error) {
      if (error instanceof PushRejected) throw new Unauthorized(`push rejected: ${error.message}`);
      throw error;
    }
    let push: ReturnType<typeof parseGmailPush>;
    try {
      push = parseGmailPush(request.body);
    } catch {
      throw new BadRequest('not a Gmail Pub/Sub notification', [
        { name: 'body.message.data', reason: 'must be base64 JSON with emailAddress and historyId' },
      ]);
    }
    for (const mailbox of await activeMailboxesByAddress(deps.db, 'gmail', push.emailAddress))
      await syncSoon(mailbox.workspaceId, mailbox.id);
    return reply.status(202).send();
  });

  // Graph first proves the endpoint is ours: echo validationToken as text/plain within 10 s.
  const handshake = (query: unknown) => (query as { validationToken?: string }).validationToken;

  app.post('/webhooks/graph', async (request, reply) => {
    const token = handshake(request.query);
    if (token !== undefined) return reply.status(200).type('text/plain; charset=utf-8').send(token);
    const parsed = graphNotificationBody.safeParse(request.body);
    if (!parsed.success)
      throw new BadRequest('not a Graph change notification', [
        { name: 'body.value', reason: parsed.error.issues[0]?.message ?? 'invalid' },
      ]);
    let accepted = 0;
    for (const notification of parsed.data.value) {
      const watch = await findGraphWatch(deps.db, notification.subscriptionId);
      if (!watch?.clientStateHash || !clientStateMatches(watch.clientStateHash, notification.clientState)) continue;
      accepted += 1;
      await syncSoon(watch.workspaceId, watch.mailboxId);
    }
    if (accepted === 0) throw new Unauthorized('no notification carried a known subscription with its clientState');
    return reply.status(202).send();
  });

  app.post('/webhooks/graph/lifecycle', async (request, reply) => {
    const token = handshake(request.query);
    if (token !== undefined) return reply.status(200).type('text/plain; charset=utf-8').send(token);
    const parsed = graphNotificationBody.safeParse(request.body);
    if (!parsed.success)
      throw new BadRequest('not a Graph lifecycle notification', [
        { name: 'body.value', reason: parsed.error.issues[0]?.message ?? 'invalid' },
      ]);
    let accepted = 0;
    for (const notification of parsed.data.value) {
      const watch = await findGraphWatch(deps.db, notification.subscriptionId);
      if (!watch?.clientStateHash || !clientStateMatches(watch.clientStateHash, notification.clientState)) continue;
      accepted += 1;
      const ids = { workspaceId: watch.workspaceId, mailboxId: watch.mailboxId };
      if (notification.lifecycleEvent === 'missed') await syncSoon(ids.workspaceId, ids.mailboxId);
      // reauthorizationRequired and subscriptionRemoved both mean: renew or recreate the subscription.
      else await enqueue(deps.queues, 'maintenance', 'watch.renew', ids, { deduplicationId: `watch-${watch.mailboxId}` });
    }
    if (accepted === 0) throw new Unauthorized('no notification carried a known subscription with its clientState');
    return reply.status(202).send();
  });
}
