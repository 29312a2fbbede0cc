import { parseArgs } from 'node:util';
import { asc, eq } from 'drizzle-orm';
import { type AuditChainCheck, verifyAuditChain } from '../audit';
import { createDatabase, createPool } from '../client';
import { migrateDatabase } from '../migrate';
import { resolveDatabase } from '../open';
import { workspaces } from '../schema/workspaces';

/**
 * `pnpm audit:verify [--workspace <slug>]`: recomputes the audit hash chain of one workspace, or
 * of every workspace, and prints one line each. Exit 0 when all verify, 1 when any is broken,
 * 2 on bad usage. Uses DATABASE_URL, or the embedded PostgreSQL in FIRMLY_DATA_DIR.
 */
const USAGE = 'usage: pnpm audit:verify [--workspace <slug>]\n';

function usageError(problem?: string): never {
  process.stderr.write(problem ? `audit:verify: ${problem}\n${USAGE}` : USAGE);
  process.exit(2);
}

function options(): { workspace?: string | undefined } {
  try {
    return parseArgs({ options: { workspace: { type: 'string' } } }).values;
  } catch (error) {
    // parseArgs refuses unknown options and stray arguments; its message names them.
    return usageError((error as Error).message);
  }
}

function lineFor(slug: string, check: AuditChainCheck): string {
  if (check.ok) return `${slug}: ok, ${check.length} events`;
  return `${slug}: BROKEN at event #${check.brokenAtSeq} (${check.eventId ?? 'no row'}): ${check.reason}`;
}

const { workspace } = options();
if (workspace !== undefined && !/^[a-z0-9-]{2,40}$/.test(workspace)) usageError('--workspace takes a slug: a-z, 0-9, -');

const target = await resolveDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.FIRMLY_DATA_DIR || '.firmly',
});
const pool = createPool(target.url, { applicationName: 'firmly-cli', max: 2 });
let exitCode = 0;
try {
  await migrateDatabase(target.url);
  const db = createDatabase(pool);
  const chosen = await db
    .select({ id: workspaces.id, slug: workspaces.slug })
    .from(workspaces)
    .where(workspace === undefined ? undefined : eq(workspaces.slug, workspace))
    .orderBy(asc(workspaces.slug));
  if (workspace !== undefined && chosen.length === 0) {
    process.stderr.write(`audit:verify: no workspace ${workspace}\n${USAGE}`);
    exitCode = 2;
  } else if (chosen.length === 0) {
    process.stdout.write('no workspaces yet: nothing to verify\n');
  }
  for (const { id, slug } of chosen) {
    const check = await verifyAuditChain(db, id);
    if (!check.ok) exitCode = 1;
    process.stdout.write(`${lineFor(slug, check)}\n`);
  }
} finally {
  await pool.end();
  await target.close();
}
process.exitCode = exitCode;
