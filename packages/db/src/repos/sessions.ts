import { createHash, randomBytes } from 'node:crypto';
import { verifyPassword } from '@firmly/config';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { appendAuditEvent } from '../audit';
import type { Database, Executor } from '../client';
import { operatorSessions } from '../schema/operator-sessions';
import { operators } from '../schema/operators';
import { workspaces } from '../schema/workspaces';

/** How long a session lasts without use; each use within it extends it (sliding). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

export interface IssuedSession {
  /** For the cookie; never stored. */
  token: string;
  /** For the page to echo in `x-csrf-token`; never stored. */
  csrfToken: string;
  sessionId: string;
  workspaceId: string;
  operatorId: string;
  expiresAt: Date;
}

/**
 * Signs an operator in with the workspace's slug, their email and password. One answer for
 * every failure (unknown workspace, unknown email, disabled, no password, wrong password), so
 * the form cannot be used to find out who has an account; the password is verified even when
 * there is no operator, so timing does not tell either.
 */
export async function signIn(
  db: Database,
  input: { workspaceSlug: string; email: string; password: string; now: Date },
): Promise<IssuedSession | undefined> {
  const [row] = await db
    .select({ operator: operators, workspaceId: workspaces.id })
    .from(operators)
    .innerJoin(workspaces, eq(workspaces.id, operators.workspaceId))
    .where(and(eq(workspaces.slug, input.workspaceSlug), eq(sql`lower(${operators.email})`, input.email.toLowerCase())));
  const storedHash = row?.operator.passwordHash ?? DUMMY_HASH;
  const matches = await verifyPassword(input.password, storedHash);
  if (!row?.operator.passwordHash || row.operator.disabledAt || !matches) return undefined;
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + SESSION_IDLE_MS);
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(operatorSessions)
      .values({
        workspaceId: row.workspaceId,
        operatorId: row.operator.id,
        tokenHash: sha256(token),
        csrfHash: sha256(csrfToken),
        expiresAt,
        lastSeenAt: input.now,
      })
      .returning({ id: operatorSessions.id });
    if (!session) throw new Error('session not created');
    await appendAuditEvent(tx, {
      workspaceId: row.workspaceId,
      actor: `operator:${row.operator.id}`,
      action: 'operator.signed_in',
      subjectType: 'operator',
      subjectId: row.operator.id,
      data: { sessionId: session.id },
      occurredAt: input.now,
    });
    return { token, csrfToken, sessionId: session.id, workspaceId: row.workspaceId, operatorId: row.operator.id, expiresAt };
  });
}

// A valid scrypt hash of a random password, so an unknown operator costs the same as a wrong password.
const DUMMY_HASH = `scrypt$32768$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`;

export interface LiveSession {
  id: string;
  workspaceId: string;
  operatorId: string;
  role: 'owner' | 'member';
  csrfHash: string;
  expiresAt: Date;
  lastSeenAt: Date | null;
}

/** The live session for a cookie token (not revoked, not expired, operator not disabled). */
export async function findLiveSession(db: Executor, token: string, now: Date): Promise<LiveSession | undefined> {
  const [row] = await db
    .select({
      id: operatorSessions.id,
      workspaceId: operatorSessions.workspaceId,
      operatorId: operatorSessions.operatorId,
      role: operators.role,
      csrfHash: operatorSessions.csrfHash,
      expiresAt: operatorSessions.expiresAt,
      lastSeenAt: operatorSessions.lastSeenAt,
    })
    .from(operatorSessions)
    .innerJoin(operators, and(eq(operators.workspaceId, operatorSessions.workspaceId), eq(operators.id, operatorSessions.operatorId)))
    .where(
      and(
        eq(operatorSessions.tokenHash, sha256(token)),
        isNull(operatorSessions.revokedAt),
        gt(operatorSessions.expiresAt, now),
        isNull(operators.disabledAt),
      ),
    );
  return row;
}

export function csrfMatches(csrfToken: string, csrfHash: string): boolean {
  const given = Buffer.from(sha256(csrfToken));
  const stored = Buffer.from(csrfHash);
  return given.length === stored.length && given.equals(stored);
}

/** Slides the expiry forward; written at most once a minute per session, like API keys' last use. */
export async function touchSession(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .update(operatorSessions)
    .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) })
    .where(eq(operatorSessions.id, id));
}

export async function signOut(db: Database, session: { id: string; workspaceId: string; operatorId: string }, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(operatorSessions)
      .set({ revokedAt: now })
      .where(and(eq(operatorSessions.workspaceId, session.workspaceId), eq(operatorSessions.id, session.id)));
    await appendAuditEvent(tx, {
      workspaceId: session.workspaceId,
      actor: `operator:${session.operatorId}`,
      action: 'operator.signed_out',
      subjectType: 'operator',
      subjectId: session.operatorId,
      data: { sessionId: session.id },
      occurredAt: now,
    });
  });
}
