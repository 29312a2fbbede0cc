import { redactUrl } from '@firmly/config';
import { migrateDatabase } from '../migrate';
import { resolveDatabase } from '../open';

/**
 * `pnpm db:migrate`: applies migrations to DATABASE_URL, or to the embedded
 * PostgreSQL in FIRMLY_DATA_DIR (default .firmly) when DATABASE_URL is unset.
 */
const target = await resolveDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.FIRMLY_DATA_DIR || '.firmly',
});
try {
  await migrateDatabase(target.url);
  process.stdout.write(`migrated ${redactUrl(target.url)}${target.embedded ? ' (embedded)' : ''}\n`);
} finally {
  await target.close();
}
