import type { Clock } from '@firmly/core';
import { activeMailboxesByAddress, type Database, findGraphWatch, recordPush, type WatchRow } from '@firmly/db';
import { clientStateMatches, type GraphNotification, graphNotificationBody, PushRejected, parseGmailPush } from '@firmly/mail';
import { enqueue, type QueueBackend } from '@firmly/queue';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BadRequest, NotFound, Unauthorized } from '../errors';
import { Problem, z } from '../http/schemas';

export interface WebhookDeps {
  db: Database;
  queues: QueueBackend;
  clock: Clock;
  /** Verifies a Pub/Sub push's OIDC token; absent when Gmail push is not configured. */
  verifyPubSub?: (authorization: string | undefined) => Promise<void>;
}

/**
 * Bodies are parsed by the handlers themselves (their own checks and error messages); the
 * schema only documents the endpoints in the OpenAPI document.
 */
const PushBody = z.unknown();
// No body (void): the handlers answer with an empty 202, as push senders expect.
const Accepted = z.void().describe('Accepted: a sync (or a renewal) is queued');

/**
 * Push endpoints (issue 3: "push is a hint; polling is the floor"). They answer fast
 * (202) and only enqueue: a sync job per mailbox, collapsed while one is pending, so a
 * burst of pushes costs one sync. `last_push_at` is recorded first, which both resets
 * the 10-minute polling floor and tells a running sync to go round once more.
 */
export async function webhookRoutes(app: FastifyInstance, deps: WebhookDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
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

  typed.post(
    '/webhooks/gmail',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Gmail push (Pub/Sub, OIDC-authenticated): sync the mailbox it names soon',
        security: [],
        body: PushBody,
        response: { 202: Accepted, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
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
    },
  );

  /**
   * Both Graph endpoints: the validation handshake (echo validationToken as
   * text/plain within 10 s), then each notification whose subscription is ours and
   * whose clientState matches goes to `act`; none matching is a 401.
   */
  function graphEndpoint(path: string, kind: string, act: (notification: GraphNotification, watch: WatchRow) => Promise<void>) {
    typed.post(
      path,
      {
        schema: {
          tags: ['webhooks'],
          summary: `Microsoft Graph ${kind} notifications (and the subscription's validation handshake)`,
          security: [],
          querystring: z.object({ validationToken: z.string().optional() }),
          body: PushBody,
          response: {
            200: z.string().describe('the validationToken, echoed as text/plain'),
            202: Accepted,
            400: Problem,
            401: Problem,
          },
        },
      },
      async (request, reply) => {
        const token = request.query.validationToken;
        if (token !== undefined) return reply.status(200).type('text/plain; charset=utf-8').send(token);
        const parsed = graphNotificationBody.safeParse(request.body);
        if (!parsed.success) {
          throw new BadRequest(`not a Graph ${kind} notification`, [
            { name: 'body.value', reason: parsed.error.issues[0]?.message ?? 'invalid' },
          ]);
        }
        let accepted = 0;
        for (const notification of parsed.data.value) {
          const watch = await findGraphWatch(deps.db, notification.subscriptionId);
          if (!watch?.clientStateHash || !clientStateMatches(watch.clientStateHash, notification.clientState)) continue;
          accepted += 1;
          await act(notification, watch);
        }
        if (accepted === 0) throw new Unauthorized('no notification carried a known subscription with its clientState');
        return reply.status(202).send();
      },
    );
  }

  graphEndpoint('/webhooks/graph', 'change', (_notification, watch) => syncSoon(watch.workspaceId, watch.mailboxId));

  graphEndpoint('/webhooks/graph/lifecycle', 'lifecycle', async (notification, watch) => {
    if (notification.lifecycleEvent === 'missed') return syncSoon(watch.workspaceId, watch.mailboxId);
    // reauthorizationRequired and subscriptionRemoved both mean: renew or recreate the subscription.
    await enqueue(
      deps.queues,
      'maintenance',
      'watch.renew',
      { workspaceId: watch.workspaceId, mailboxId: watch.mailboxId },
      { deduplicationId: `watch-${watch.mailboxId}` },
    );
  });
}
