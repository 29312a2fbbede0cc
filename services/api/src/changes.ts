/**
 * The API's view of what changes in PostgreSQL: one LISTEN connection (@firmly/db change
 * feed) and the generations the in-memory read paths check before reusing what they kept.
 */
import { type ChangeTracker, createChangeFeed, type Database, poolOf } from '@firmly/db';
import type { FastifyInstance } from 'fastify';

export interface ApiChanges {
  /** Drafts, clients, thread subjects, escalations: what a review queue page shows. */
  reviewQueue: ChangeTracker;
  /** API keys, operators, sessions: who a caller is. */
  callers: ChangeTracker;
  /** After this process changed a workspace: what it kept of it is not reused, without waiting for the notification. */
  changed(workspaceId: string): void;
}

/** Starts following changes for the app's lifetime (closed with it). PostgreSQL away at start: nothing is kept until it is back. */
export async function followChanges(fastify: FastifyInstance, db: Database): Promise<ApiChanges> {
  const feed = createChangeFeed(poolOf(db), {
    onError: (error) =>
      fastify.log.warn({ err: error }, 'change feed: %s (kept pages and keys are not used until it listens again)', error.message),
  });
  await feed.start();
  fastify.addHook('onClose', async () => feed.close());
  const reviewQueue = feed.tracker(['outgoing_emails', 'clients', 'threads', 'escalations']);
  const callers = feed.tracker(['api_keys', 'operators', 'operator_sessions']);
  return {
    reviewQueue,
    callers,
    changed(workspaceId) {
      reviewQueue.bump(workspaceId);
      callers.bump(workspaceId);
    },
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * In a scope where callers are authenticated: a request that may have changed the caller's
 * workspace moves its generations on before its answer leaves (onSend), so the caller's next
 * read, here, sees the change.
 */
export function forgetAfterWrites(scope: FastifyInstance, changes: ApiChanges): void {
  scope.addHook('onSend', (request, _reply, payload, done) => {
    if (!SAFE_METHODS.has(request.method) && request.principal) changes.changed(request.principal.workspaceId);
    done(null, payload);
  });
}
