import { sql } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId } from './columns';
import { operators } from './operators';
import { tenantKey, tenantReference, workspaceId } from './tenant';

/** API keys are stored as SHA-256 of the token; the public prefix finds the row. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    operatorId: uuid('operator_id').notNull(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull().unique(),
    keyHash: text('key_hash').notNull(),
    /**
     * What the key may do: `read` (every GET), `review` (act on drafts, asks, proposals), `admin`
     * (operators, keys, mailboxes, settings). Keys made before scopes existed keep full access.
     */
    scopes: text('scopes').array().notNull().default(sql`'{read,review,admin}'::text[]`),
    lastUsedAt: instant('last_used_at'),
    expiresAt: instant('expires_at'),
    revokedAt: instant('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey('api_keys', t),
    tenantReference('api_keys_operator_fk', { workspaceId: t.workspaceId, column: t.operatorId }, operators),
  ],
);
