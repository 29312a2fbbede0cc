import type { Clock } from '@firmly/core';
import { eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit';
import type { Database } from '../client';
import { mailboxes } from '../schema/mailboxes';
import { raiseAlert } from './alerts';
import { replaceSealedGrant } from './mailboxes';

/**
 * The grant store the token manager (@firmly/mail oauth) works against, on
 * PostgreSQL: sealed grants with compare-and-set, and the needs_reauth transition
 * with its alert and audit record in one transaction.
 */
export function postgresGrantStore(db: Database, clock: Clock) {
  return {
    async loadSealedGrant(mailboxId: string): Promise<string | null> {
      const [row] = await db.select({ grant: mailboxes.encryptedGrant }).from(mailboxes).where(eq(mailboxes.id, mailboxId));
      return row?.grant ?? null;
    },
    saveSealedGrant(mailboxId: string, sealed: string, expectedPrevious: string): Promise<boolean> {
      return replaceSealedGrant(db, mailboxId, sealed, expectedPrevious);
    },
    async markNeedsReauth(mailboxId: string, reason: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(mailboxes)
          .set({ status: 'needs_reauth', statusReason: reason })
          .where(eq(mailboxes.id, mailboxId))
          .returning({ workspaceId: mailboxes.workspaceId, address: mailboxes.address, status: mailboxes.status });
        if (!row) return;
        await raiseAlert(tx, {
          workspaceId: row.workspaceId,
          kind: 'mailbox.needs_reauth',
          subjectType: 'mailbox',
          subjectId: mailboxId,
          message: `${row.address} must be connected again: ${reason}`,
          dedupeKey: `mailbox.needs_reauth:${mailboxId}`,
        });
        await appendAuditEvent(tx, {
          workspaceId: row.workspaceId,
          actor: 'system:token-manager',
          action: 'mailbox.needs_reauth',
          subjectType: 'mailbox',
          subjectId: mailboxId,
          data: { reason },
          occurredAt: clock.now(),
        });
      });
    },
  };
}
