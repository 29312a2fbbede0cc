import { randomInt } from 'node:crypto';
import { hashPassword } from '@firmly/config';
import { appendAuditEvent, type Database, schema } from '@firmly/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { DEMO_OWNER, DEMO_WORKSPACE_SLUG } from './demo-clients';

/** No 0/O, 1/l/I: the password is read off a terminal and typed into a form. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Four groups of five (about 116 bits), e.g. `k7pQz-3mXza-…`: random, yet easy to copy by hand. */
export function generateDemoPassword(): string {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return Array.from({ length: 4 }, group).join('-');
}

/**
 * `npm run demo:reset-password`: a new generated password for the demo owner (created when
 * missing, enabled again when disabled: the point is to get back in), stored hashed; the
 * owner's open sessions are revoked, as after any password change. Undefined when there is
 * no demo workspace.
 */
export async function resetDemoPassword(db: Database, now: Date): Promise<{ email: string; password: string } | undefined> {
  const password = generateDemoPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [workspace] = await tx
      .select({ id: schema.workspaces.id })
      .from(schema.workspaces)
      .where(eq(schema.workspaces.slug, DEMO_WORKSPACE_SLUG));
    if (!workspace) return undefined;
    const workspaceId = workspace.id;
    const [existing] = await tx
      .select({ id: schema.operators.id, email: schema.operators.email })
      .from(schema.operators)
      .where(and(eq(schema.operators.workspaceId, workspaceId), eq(sql`lower(${schema.operators.email})`, DEMO_OWNER.email)));
    const [owner] = existing
      ? await tx
          .update(schema.operators)
          .set({ passwordHash, disabledAt: null, updatedAt: now })
          .where(eq(schema.operators.id, existing.id))
          .returning({ id: schema.operators.id, email: schema.operators.email })
      : await tx
          .insert(schema.operators)
          .values({ workspaceId, email: DEMO_OWNER.email, name: DEMO_OWNER.name, role: 'owner', passwordHash })
          .returning({ id: schema.operators.id, email: schema.operators.email });
    if (!owner) throw new Error('demo owner neither created nor updated');
    await tx
      .update(schema.operatorSessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(schema.operatorSessions.workspaceId, workspaceId),
          eq(schema.operatorSessions.operatorId, owner.id),
          isNull(schema.operatorSessions.revokedAt),
        ),
      );
    await appendAuditEvent(tx, {
      workspaceId,
      actor: 'system:demo',
      action: 'operator.password_reset',
      subjectType: 'operator',
      subjectId: owner.id,
      data: { email: owner.email, via: 'demo:reset-password' },
      occurredAt: now,
    });
    return { email: owner.email, password };
  });
}
