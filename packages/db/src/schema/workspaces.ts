import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, primaryId, updatedAt } from './columns';

/**
 * The tenant. Its own `id` is the `workspace_id` every other row carries; it is the
 * one table without a `workspace_id` column, because it is the workspace.
 */
export const workspaces = pgTable('workspaces', {
  id: primaryId(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** Per-workspace overrides of the playbook defaults (SLA, thresholds, auto-send kinds). */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
