/**
 * A workspace's stored wording, compiled (once per distinct source per process) and used to
 * re-render a draft when the operator edits its facts. Where the wording is stored is the
 * caller's business: it hands in a loader (the database repo `loadTemplateOverride`), which
 * keeps this package free of the database.
 */
import { createHash } from 'node:crypto';
import type { CompiledTemplate } from './compile';
import { renderEmail, validateTemplateOverride } from './default-renderer';
import { type EmailKind, type EmailLocale, isEmailKind, isEmailLocale } from './kinds';
import type { RenderedEmail, TemplateOverrideSource } from './renderer';

/** The stored wording for a kind and locale, or undefined for ours. */
export type OverrideLoader = (kind: EmailKind, locale: EmailLocale) => Promise<TemplateOverrideSource | undefined>;

/** Compiled overrides by their source's hash: each distinct wording goes through MJML once per process. */
const compiledBySource = new Map<string, Promise<CompiledTemplate | undefined>>();

/**
 * The compiled form of a stored wording. One that no longer validates (a firmly upgrade
 * tightened a rule) gives undefined, so the caller falls back to ours rather than stopping.
 */
export function compiledOverride(
  kind: EmailKind,
  locale: EmailLocale,
  source: TemplateOverrideSource,
): Promise<CompiledTemplate | undefined> {
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

/** Re-renders an outbox email from (edited) template data; the shape `editEmail` in @firmly/db takes. */
export type EditRenderer = (
  kind: string,
  locale: string,
  data: Record<string, unknown>,
  options: { threadSubject?: string },
) => Promise<RenderedEmail>;

/**
 * The renderer the review queue's edit uses, for one workspace: the outbox's kind and locale
 * mapped onto a template — the workspace's own wording when it has one, as the draft was
 * written — and the edited facts filled in. An outbox kind without a template (the operator's
 * `custom` emails) cannot be re-rendered, and says so; whatever the template refuses surfaces
 * as the edit's error.
 */
export function rendererForEdit(loadOverride: OverrideLoader): EditRenderer {
  return async (kind, locale, data, options) => {
    if (!isEmailKind(kind)) throw new Error(`emails of kind "${kind}" have no template to re-render`);
    const templateLocale = isEmailLocale(locale) ? locale : 'en';
    const source = await loadOverride(kind, templateLocale);
    const override = source ? await compiledOverride(kind, templateLocale, source) : undefined;
    // The stored template data was written by the ladder for this kind; the edit only patches it.
    return renderEmail(kind, templateLocale, data as never, { ...options, ...(override ? { override } : {}) });
  };
}
