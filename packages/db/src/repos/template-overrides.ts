/**
 * A workspace's own wording of a template (issue 5), as stored. Validating and compiling it
 * is the templates' business (`validateTemplateOverride`, `compiledOverride` in
 * @firmly/templates); this file only reads and writes the row, with its audit event.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit';
import type { Database, Executor } from '../client';
import { templateOverrides } from '../schema/template-overrides';

export interface StoredTemplateOverride {
  mjml: string;
  subject?: string | undefined;
  text?: string | undefined;
}

/** The workspace's wording for this kind and locale, or undefined when it uses ours. */
export async function loadTemplateOverride(
  db: Executor,
  workspaceId: string,
  kind: string,
  locale: string,
): Promise<StoredTemplateOverride | undefined> {
  const [row] = await db
    .select({ mjml: templateOverrides.mjml, subject: templateOverrides.subject, text: templateOverrides.text })
    .from(templateOverrides)
    .where(and(eq(templateOverrides.workspaceId, workspaceId), eq(templateOverrides.kind, kind), eq(templateOverrides.locale, locale)));
  return row ? { mjml: row.mjml, subject: row.subject ?? undefined, text: row.text ?? undefined } : undefined;
}

/** Stores (or replaces) a wording the caller has already validated, audited with its source's hash. */
export async function storeTemplateOverride(
  db: Database,
  workspaceId: string,
  kind: string,
  locale: string,
  source: StoredTemplateOverride,
  context: { now: Date; operatorId: string },
): Promise<void> {
  const row = { workspaceId, kind, locale, mjml: source.mjml, subject: source.subject ?? null, text: source.text ?? null };
  await db.transaction(async (tx) => {
    await tx
      .insert(templateOverrides)
      .values(row)
      .onConflictDoUpdate({
        target: [templateOverrides.workspaceId, templateOverrides.kind, templateOverrides.locale],
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
}
