import { bigint, doublePrecision, pgSchema, text } from 'drizzle-orm/pg-core';

/**
 * Cross-worker coordination when queues run on PostgreSQL (the embedded default):
 * leases (locks with an owner token and an expiry) and token-bucket rate budgets.
 * The Redis mode keeps the same two things in Redis with the same semantics.
 *
 * These tables live in their own schema because they hold no tenant data: their
 * keys are opaque names such as `mailbox-sync:<mailbox id>`, and everything in them
 * can be lost and rebuilt (ARCHITECTURE: Redis holds nothing that cannot be rebuilt).
 */
export const coordination = pgSchema('coordination');

export const leases = coordination.table('leases', {
  name: text('name').primaryKey(),
  owner: text('owner').notNull(),
  /** Milliseconds since the epoch, from the database clock, so workers' clocks never disagree. */
  expiresAtMs: bigint('expires_at_ms', { mode: 'number' }).notNull(),
});

export const rateBudgets = coordination.table('rate_budgets', {
  name: text('name').primaryKey(),
  tokens: doublePrecision('tokens').notNull(),
  updatedAtMs: bigint('updated_at_ms', { mode: 'number' }).notNull(),
});
