import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../audit';
import * as s from '../schema/index';
import { useTestDatabase } from '../testing/vitest';

const t = useTestDatabase();
const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** Runs `pnpm audit:verify` the way the script does (tsx), against this file's database. */
async function auditVerify(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // DATABASE_URL wins over FIRMLY_DATA_DIR, so no embedded server is started.
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: t.url };
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/db/src/cli/audit-verify.ts', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

async function workspaceWithEvents(slug: string, count: number) {
  const [ws] = await t.db.insert(s.workspaces).values({ slug, name: slug }).returning();
  if (!ws) throw new Error('no workspace');
  const ids: string[] = [];
  for (let n = 1; n <= count; n++) {
    const event = await appendAuditEvent(t.db, {
      workspaceId: ws.id,
      actor: 'system:test',
      action: `step.${n}`,
      subjectType: 'client',
      subjectId: 'c1',
      occurredAt: new Date(),
    });
    ids.push(event.id);
  }
  return ids;
}

describe('pnpm audit:verify', () => {
  it('exits 0 for an intact workspace, and 1 naming the edited event when any chain is broken', async () => {
    await workspaceWithEvents('intact', 2);
    const forged = await workspaceWithEvents('forged', 3);
    await t.pool.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await t.pool.query(`UPDATE audit_events SET action = 'forged' WHERE id = $1`, [forged[1]]);
    await t.pool.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');

    const one = await auditVerify(['--workspace', 'intact']);
    expect(one, one.stderr).toMatchObject({ code: 0, stdout: 'intact: ok, 2 events\n' });

    const every = await auditVerify([]);
    expect(every.code, every.stderr).toBe(1);
    expect(every.stdout.trim().split('\n')).toEqual([
      `forged: BROKEN at event #2 (${forged[1]}): event content does not match its hash`,
      'intact: ok, 2 events',
    ]);
  }, 60_000);
});
