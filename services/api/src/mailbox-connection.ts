import type { EncryptionKeys } from '@firmly/config';
import type { Clock } from '@firmly/core';
import { appendAuditEvent, type Database, schema } from '@firmly/db';
import {
  createGmailApi,
  createGraphApi,
  gmailProvider,
  graphProvider,
  type MailProviderClient,
  type ProviderConfig,
  sealGrant,
  type TokenClient,
  type TokenSet,
} from '@firmly/mail';
import { enqueue, type QueueBackend } from '@firmly/queue';
import { and, eq, sql } from 'drizzle-orm';

export type Provider = 'gmail' | 'graph';

export interface MailboxConnectionDeps {
  db: Database;
  queues: QueueBackend;
  clock: Clock;
  keys: EncryptionKeys;
  tokenClient: TokenClient;
  oauth: Partial<Record<Provider, ProviderConfig>>;
  gmailApiUrl: string;
  graphApiUrl: string;
}

/** A one-off provider client for a token we hold in hand (before the mailbox row exists). */
export function clientWithToken(deps: MailboxConnectionDeps, provider: Provider, accessToken: string): MailProviderClient {
  const token = async () => accessToken;
  const noop = () => undefined;
  return provider === 'gmail'
    ? gmailProvider(
        createGmailApi({
          rootUrl: `${deps.gmailApiUrl}/`,
          clock: deps.clock,
          accessToken: token,
          invalidateToken: noop,
          spendQuota: async () => undefined,
        }),
      )
    : graphProvider(
        createGraphApi({
          baseUrl: deps.graphApiUrl,
          clock: deps.clock,
          accessToken: token,
          invalidateToken: noop,
          acquireRequest: async () => async () => undefined,
        }),
      );
}

/**
 * Stores a freshly granted mailbox (OAuth callback or headless import): the row and
 * its sealed grant are written in one transaction, with an audit event, and the
 * back-fill and push registration are queued. Connecting the same address again
 * replaces the grant and re-activates the mailbox (re-authorisation after
 * needs_reauth) instead of creating a second one.
 */
export async function storeConnectedMailbox(
  deps: MailboxConnectionDeps,
  input: { workspaceId: string; provider: Provider; address: string; tokens: TokenSet; actor: string },
) {
  const address = input.address.toLowerCase();
  const mailbox = await deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: schema.mailboxes.id })
      .from(schema.mailboxes)
      .where(
        and(
          eq(schema.mailboxes.workspaceId, input.workspaceId),
          eq(schema.mailboxes.provider, input.provider),
          eq(sql`lower(${schema.mailboxes.address})`, address),
        ),
      );
    const id =
      existing?.id ??
      (
        await tx
          .insert(schema.mailboxes)
          .values({ workspaceId: input.workspaceId, provider: input.provider, address })
          .returning({ id: schema.mailboxes.id })
      )[0]?.id;
    if (!id) throw new Error('mailbox row was not created');
    const sealed = sealGrant(
      deps.keys,
      {
        provider: input.provider,
        refreshToken: input.tokens.refreshToken,
        accessToken: input.tokens.accessToken,
        accessTokenExpiresAt: input.tokens.expiresAt,
        scope: input.tokens.scope ?? '',
      },
      id,
    );
    const [row] = await tx
      .update(schema.mailboxes)
      .set({ encryptedGrant: sealed, status: 'active', statusReason: null })
      .where(eq(schema.mailboxes.id, id))
      .returning();
    if (!row) throw new Error('mailbox row vanished');
    await appendAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: existing ? 'mailbox.reconnected' : 'mailbox.connected',
      subjectType: 'mailbox',
      subjectId: id,
      data: { provider: input.provider, address },
      occurredAt: deps.clock.now(),
    });
    return row;
  });
  const ids = { workspaceId: mailbox.workspaceId, mailboxId: mailbox.id };
  await enqueue(deps.queues, 'sync', 'mailbox.sync', { ...ids, reason: 'backfill' }, { deduplicationId: `sync-${mailbox.id}` });
  await enqueue(deps.queues, 'maintenance', 'watch.renew', ids, { deduplicationId: `watch-${mailbox.id}` });
  return mailbox;
}
