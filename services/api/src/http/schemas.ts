/**
 * The API's schema vocabulary, in zod (the project's one schema library: env, jobs and routes).
 * Routes declare params, query, body and responses with these; the same declarations validate
 * requests, serialise responses and become the OpenAPI 3.1 document at /docs.
 */
import { z } from 'zod';

export { z };

export const Uuid = z.uuid();

/** `{ id }` path parameters, the common case. */
export const IdParams = z.object({ id: Uuid });

/** RFC 9457 problem details, as every error is answered (plugins/problem.ts). */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .loose()
  .meta({ id: 'Problem' });

/** The error answers every authenticated route can give, for the OpenAPI document. */
export const commonErrors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 429: Problem } as const;

export const MAX_PAGE = 100;

/** Cursor pagination: `limit` items after the opaque `cursor` a previous page returned. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  cursor: z.string().min(1).max(512).optional(),
});

export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Instants travel as ISO 8601 strings. */
export const Instant = z.iso.datetime({ offset: true });
export const CalendarDay = z.iso.date();

export const isoOrNull = (value: Date | null | undefined): string | null => (value ? value.toISOString() : null);
