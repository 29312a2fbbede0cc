import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId } from './columns';
import { operators } from './operators';
import { tenantKey, tenantReference, workspaceId } from './tenant';

/**
 * Signed-in browser sessions. The cookie carries a random token; only its SHA-256 is stored,
 * as for API keys, and so is the CSRF token's, which the page echoes in a header on every
 * request that changes something.
 */
export const operatorSessions = pgTable(
  'operator_sessions',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    operatorId: uuid('operator_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    csrfHash: text('csrf_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    lastSeenAt: instant('last_seen_at'),
    revokedAt: instant('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey('operator_sessions', t),
    tenantReference('operator_sessions_operator_fk', { workspaceId: t.workspaceId, column: t.operatorId }, operators),
    index('operator_sessions_operator_idx').on(t.workspaceId, t.operatorId),
  ],
);
