import { resolve } from 'node:path';
import { createDatabase, createPool, migrateDatabase, resolveDatabase } from '@firmly/db';
import { resetDemoPassword } from './demo-password';

/**
 * `npm run demo:reset-password`: prints a new password for the demo owner, once. Uses
 * DATABASE_URL, or the embedded PostgreSQL in FIRMLY_DATA_DIR — which only one process can
 * run, so stop `npm start` first.
 */
const dataDir = resolve(process.env.FIRMLY_DATA_DIR?.trim() || '.firmly');
let target: Awaited<ReturnType<typeof resolveDatabase>>;
try {
  target = await resolveDatabase({ databaseUrl: process.env.DATABASE_URL?.trim() || undefined, dataDir });
} catch (error) {
  process.stderr.write(
    `cannot open the database (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).\n` +
      'If `npm start` is running on the embedded database, stop it first.\n',
  );
  process.exit(1);
}
const pool = createPool(target.url, { applicationName: 'firmly-demo-reset', max: 2 });
try {
  await migrateDatabase(target.url);
  const reset = await resetDemoPassword(createDatabase(pool), new Date());
  if (!reset) {
    process.stderr.write('there is no demo workspace here: `npm start` creates it on its first start\n');
    process.exitCode = 1;
  } else {
    process.stdout.write(`New password for ${reset.email} in workspace demo (shown once): ${reset.password}\n`);
  }
} finally {
  await pool.end();
  await target.close();
}
