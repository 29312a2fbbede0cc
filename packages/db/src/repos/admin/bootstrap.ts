import { ne, sql } from 'drizzle-orm';
import { appendAuditEvent } from '../../audit';
import type { Database, Executor } from '../../client';
import { operators } from '../../schema/operators';
import { workspaces } from '../../schema/workspaces';

/** The demo workspace `npm start` creates does not count as an installation's first workspace. */
const DEMO_WORKSPACE_SLUG = 'demo';
/** Advisory-lock key for "bootstrap the installation": two concurrent first sign-ups cannot both win. */
const BOOTSTRAP_LOCK = 0x626f6f74;

/** Whether a workspace other than the demo one exists: then the installation is bootstrapped. */
export async function installationHasWorkspace(db: Executor): Promise<boolean> {
  const [existing] = await db.select({ id: workspaces.id }).from(workspaces).where(ne(workspaces.slug, DEMO_WORKSPACE_SLUG)).limit(1);
  return existing !== undefined;
}

export type BootstrapResult = { ok: true; workspaceId: string; operatorId: string } | { ok: false; problem: 'already_bootstrapped' };

/**
 * A fresh installation's first workspace and its owner, allowed only while no workspace other
 * than the demo one exists. One transaction, serialised by an advisory lock, so exactly one
 * caller can ever bootstrap.
 */
export async function bootstrapWorkspace(
  db: Database,
  input: { slug: string; name: string; owner: { email: string; name: string; passwordHash: string }; now: Date },
): Promise<BootstrapResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    if (await installationHasWorkspace(tx)) return { ok: false, problem: 'already_bootstrapped' };
    const [workspace] = await tx
      .insert(workspaces)
      .values({ slug: input.slug, name: input.name })
      .onConflictDoNothing({ target: workspaces.slug })
      .returning({ id: workspaces.id });
    // Only the demo slug can already exist here, and the caller refuses it; a conflict still means "not yours".
    if (!workspace) return { ok: false, problem: 'already_bootstrapped' };
    const [owner] = await tx
      .insert(operators)
      .values({
        workspaceId: workspace.id,
        email: input.owner.email.toLowerCase(),
        name: input.owner.name,
        role: 'owner',
        passwordHash: input.owner.passwordHash,
      })
      .returning({ id: operators.id, email: operators.email });
    if (!owner) throw new Error('owner row was not created');
    const actor = `operator:${owner.id}`;
    await appendAuditEvent(tx, {
      workspaceId: workspace.id,
      actor,
      action: 'workspace.created',
      subjectType: 'workspace',
      subjectId: workspace.id,
      data: { slug: input.slug, name: input.name, via: 'bootstrap' },
      occurredAt: input.now,
    });
    await appendAuditEvent(tx, {
      workspaceId: workspace.id,
      actor,
      action: 'operator.created',
      subjectType: 'operator',
      subjectId: owner.id,
      data: { email: owner.email, name: input.owner.name, role: 'owner' },
      occurredAt: input.now,
    });
    return { ok: true, workspaceId: workspace.id, operatorId: owner.id };
  });
}
