import type { Clock } from '@firmly/core';
import { type Database, findMailbox, saveWatch, schema, watchesExpiringBefore } from '@firmly/db';
import { type MailProviderClient, newClientState } from '@firmly/mail';
import { enqueue, type JobData, type QueueBackend } from '@firmly/queue';
import { and, eq } from 'drizzle-orm';

type MailboxRow = typeof schema.mailboxes.$inferSelect;

export interface PushSettings {
  /** The api's public base URL; Graph posts notifications there. */
  publicUrl: string;
  gmailTopic: string | undefined;
}

/**
 * Creates or renews one mailbox's push registration. A new Graph subscription gets a
 * fresh random clientState, of which only the hash is stored. Push is a hint, so a
 * mailbox without push configured simply has no watch and is polled.
 */
export function renewWatchJob(deps: {
  db: Database;
  clock: Clock;
  push: PushSettings;
  providerFor: (m: MailboxRow) => Promise<MailProviderClient>;
}) {
  return async (data: JobData<'maintenance', 'watch.renew'>) => {
    const mailbox = await findMailbox(deps.db, data.workspaceId, data.mailboxId);
    if (mailbox?.status !== 'active') return { status: 'inactive' as const };
    const [existing] = await deps.db
      .select()
      .from(schema.mailboxWatches)
      .where(and(eq(schema.mailboxWatches.workspaceId, mailbox.workspaceId), eq(schema.mailboxWatches.mailboxId, mailbox.id)));
    const state = newClientState();
    const provider = await deps.providerFor(mailbox);
    const registration = await provider.registerPush(
      {
        ...(deps.push.gmailTopic ? { gmailTopic: deps.push.gmailTopic } : {}),
        graphNotificationUrl: `${deps.push.publicUrl}/webhooks/graph`,
        graphLifecycleUrl: `${deps.push.publicUrl}/webhooks/graph/lifecycle`,
        clientState: state.clientState,
      },
      existing && existing.provider === mailbox.provider ? { externalId: existing.externalId } : null,
    );
    if (!registration) return { status: 'push not configured' as const };
    await saveWatch(deps.db, {
      workspaceId: mailbox.workspaceId,
      mailboxId: mailbox.id,
      provider: mailbox.provider,
      externalId: registration.externalId,
      // A renewed Graph subscription keeps the clientState it was created with.
      clientStateHash: registration.created ? state.hash : (existing?.clientStateHash ?? null),
      expiresAt: registration.renewBy,
    });
    return { status: registration.created ? ('created' as const) : ('renewed' as const), renewBy: registration.renewBy.toISOString() };
  };
}

/** Every quarter hour: renew the registrations whose renew-by time has come. */
export function renewDueWatchesJob(deps: { db: Database; queues: QueueBackend; clock: Clock }) {
  return async () => {
    const due = await watchesExpiringBefore(deps.db, deps.clock.now());
    for (const watch of due) {
      await enqueue(
        deps.queues,
        'maintenance',
        'watch.renew',
        { workspaceId: watch.workspaceId, mailboxId: watch.mailboxId },
        { deduplicationId: `watch-${watch.mailboxId}` },
      );
    }
    return { enqueued: due.length };
  };
}
