#!/usr/bin/env node
/**
 * `pnpm firmly <command>`: firmly's command line, one entry for the operator's tools.
 *
 *   pnpm firmly audit verify [--workspace <slug>]   verify the audit hash chains (exit 1 if broken)
 *   pnpm firmly api-key create --workspace <slug> --email <operator> [--name <label>]
 *   pnpm firmly db migrate
 *
 * Each runs the TypeScript CLI that does it, with the same environment (DATABASE_URL, FIRMLY_DATA_DIR).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const COMMANDS = {
  'audit verify': 'packages/db/src/cli/audit-verify.ts',
  'api-key create': 'packages/db/src/cli/create-api-key.ts',
  'db migrate': 'packages/db/src/cli/migrate.ts',
};

const [group, action, ...rest] = process.argv.slice(2);
const script = COMMANDS[`${group} ${action}`];
if (!script) {
  process.stderr.write(`usage: pnpm firmly <${Object.keys(COMMANDS).join(' | ')}> [options]\n`);
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...rest], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
