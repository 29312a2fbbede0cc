import { type Database, type Executor, loadTemplateOverride, storeTemplateOverride } from '@firmly/db';
import {
  type CompiledTemplate,
  compiledOverride,
  type EmailKind,
  type EmailLocale,
  type TemplateError,
  validateTemplateOverride,
} from '@firmly/templates';

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
  await storeTemplateOverride(db, workspaceId, kind, locale, source, context);
  return { ok: true };
}

/** The workspace's compiled override for this kind and locale, or undefined for ours (or for one that no longer validates). */
export async function overrideFor(
  db: Executor,
  workspaceId: string,
  kind: EmailKind,
  locale: EmailLocale,
): Promise<CompiledTemplate | undefined> {
  const source = await loadTemplateOverride(db, workspaceId, kind, locale);
  return source ? compiledOverride(kind, locale, source) : undefined;
}
