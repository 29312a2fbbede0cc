import { foreignKey, type PgColumn, unique, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

/** The tenant column: every row belongs to exactly one workspace (PRODUCT §3). */
export const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

/**
 * `(workspace_id, id)` is unique on every tenant table so children can reference a
 * parent by both columns. A composite foreign key makes a cross-tenant link (a
 * message of workspace A in a thread of workspace B) impossible in the database
 * itself, not just unlikely in the queries.
 */
export const tenantKey = (table: string, t: { workspaceId: PgColumn; id: PgColumn }) =>
  unique(`${table}_workspace_id_id_key`).on(t.workspaceId, t.id);

export function tenantReference(
  name: string,
  child: { workspaceId: PgColumn; column: PgColumn },
  parent: { workspaceId: PgColumn; id: PgColumn },
  onDelete: 'cascade' | 'no action' = 'cascade',
) {
  // `set null` on a composite key would null workspace_id too, so the choice is cascade
  // or no action. No action (not restrict) is checked at the end of the statement, which
  // lets deleting a whole workspace cascade through rows that reference each other.
  return foreignKey({
    name,
    columns: [child.workspaceId, child.column],
    foreignColumns: [parent.workspaceId, parent.id],
  }).onDelete(onDelete);
}
