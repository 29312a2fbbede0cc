import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Column mixins shared by every table. */
export const primaryId = () => uuid('id').primaryKey().defaultRandom();

export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
