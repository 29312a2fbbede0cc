import { createHash } from 'node:crypto';
import { appendAuditEvent, type Database, type Executor, schema } from '@firmly/db';
import { type CompiledTemplate, type EmailKind, type EmailLocale, type TemplateError, validateTemplateOverride } from '@firmly/templates';
import { and, eq } from 'drizzle-orm';

export interface OverrideSource {
  mjml: string;
  subject?: string | undefined;
  text?: string | undefined;
}

export type SaveOverrideResult = { ok: true } | { ok: false; errors: TemplateError[] };

/**
 * Stores a workspace's own wording for one kind and locale, only if it validates (MJML at
 * `strict`, known placeholders, nothing in an unsafe position); the errors, with their line,
 * are returned otherwise and nothing is stored.
 */
export async function saveTemplateOverride(
  db: Database,
  workspaceId: string,
  kind: EmailKind,
  locale: EmailLocale,
  source: OverrideSource,
  context: { now: Date; operatorId: string },
): Promise<SaveOverrideResult> {
  const validation = await validateTemplateOverride(kind, locale, source);
  if (!validation.ok) return { ok: false, errors: validation.errors };
  const row = { workspaceId, kind, locale, mjml: source.mjml, subject: source.subject ?? null, text: source.text ?? null };
  await db.transaction(async (tx) => {
    await tx
      .insert(schema.templateOverrides)
      .values(row)
      .onConflictDoUpdate({
        target: [schema.templateOverrides.workspaceId, schema.templateOverrides.kind, schema.templateOverrides.locale],
        set: { mjml: row.mjml, subject: row.subject, text: row.text },
      });
    await appendAuditEvent(tx, {
      workspaceId,
      actor: `operator:${context.operatorId}`,
      action: 'template.overridden',
      subjectType: 'template',
      subjectId: `${kind}:${locale}`,
      data: { sha256: createHash('sha256').update(source.mjml).digest('hex') },
      occurredAt: context.now,
    });
  });
  return { ok: true };
}

/** Compiled overrides by their source's hash: each distinct wording goes through MJML once per process. */
const compiledBySource = new Map<string, Promise<CompiledTemplate | undefined>>();

/**
 * The workspace's compiled override for this kind and locale, or undefined for ours. A stored
 * override that no longer validates (a firmly upgrade tightened a rule) falls back to ours
 * rather than stopping the ladder.
 */
export async function overrideFor(
  db: Executor,
  workspaceId: string,
  kind: EmailKind,
  locale: EmailLocale,
): Promise<CompiledTemplate | undefined> {
  const [row] = await db
    .select()
    .from(schema.templateOverrides)
    .where(
      and(
        eq(schema.templateOverrides.workspaceId, workspaceId),
        eq(schema.templateOverrides.kind, kind),
        eq(schema.templateOverrides.locale, locale),
      ),
    );
  if (!row) return undefined;
  const source: OverrideSource = { mjml: row.mjml, subject: row.subject ?? undefined, text: row.text ?? undefined };
  const key = createHash('sha256')
    .update(`${kind}\0${locale}\0${JSON.stringify(source)}`)
    .digest('hex');
  let compiled = compiledBySource.get(key);
  if (!compiled) {
    compiled = validateTemplateOverride(kind, locale, source).then((v) => (v.ok ? v.compiled : undefined));
    compiledBySource.set(key, compiled);
  }
  return compiled;
}
