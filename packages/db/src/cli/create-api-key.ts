import { parseArgs } from 'node:util';
import { createDatabase, createPool } from '../client';
import { migrateDatabase } from '../migrate';
import { resolveDatabase } from '../open';
import { issueOperatorApiKey } from '../repos/api-keys';

/**
 * `pnpm api-key:create --workspace <slug> --email <operator e-mail> [--name <label>]`:
 * creates the workspace and operator when missing and prints a new API key once.
 * Uses DATABASE_URL, or the embedded PostgreSQL in FIRMLY_DATA_DIR.
 */
const { values } = parseArgs({
  options: { workspace: { type: 'string' }, email: { type: 'string' }, name: { type: 'string', default: 'cli' } },
});
if (!values.workspace || !/^[a-z0-9-]{2,40}$/.test(values.workspace) || !values.email?.includes('@')) {
  process.stderr.write('usage: pnpm api-key:create --workspace <slug: a-z, 0-9, -> --email <operator e-mail> [--name <label>]\n');
  process.exit(1);
}
const target = await resolveDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.FIRMLY_DATA_DIR || '.firmly',
});
const pool = createPool(target.url, { applicationName: 'firmly-cli', max: 2 });
try {
  await migrateDatabase(target.url);
  const issued = await issueOperatorApiKey(createDatabase(pool), {
    workspaceSlug: values.workspace,
    operatorEmail: values.email,
    keyName: values.name ?? 'cli',
    now: new Date(),
  });
  process.stdout.write(`API key for ${values.email} in workspace ${values.workspace} (shown once, keep it secret):\n${issued.token}\n`);
} finally {
  await pool.end();
  await target.close();
}
