import { sql } from 'drizzle-orm';
import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId, updatedAt } from './columns';
import { operatorRole } from './enums';
import { tenantKey, workspaceId } from './tenant';

export const operators = pgTable(
  'operators',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: operatorRole('role').notNull().default('member'),
    /** scrypt hash with its parameters (`@firmly/config` hashPassword); null for key-only operators. */
    passwordHash: text('password_hash'),
    disabledAt: instant('disabled_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [tenantKey('operators', t), uniqueIndex('operators_workspace_email_key').on(t.workspaceId, sql`lower(${t.email})`)],
);
