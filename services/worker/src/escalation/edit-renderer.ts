import type { Executor, RenderEmailFn } from '@firmly/db';
import { isEmailKind, isEmailLocale, renderEmail } from '@firmly/templates';
import { overrideFor } from './template-overrides';

/**
 * The renderer the review queue's edit uses (`editEmail` in @firmly/db, which cannot depend on
 * the templates), for one workspace: the outbox's kind and locale mapped onto a template — the
 * workspace's own wording when it has one, as the draft was written — and the edited facts
 * filled in. An outbox kind without a template (the operator's `custom` emails) cannot be
 * re-rendered, and says so; whatever the template refuses surfaces as the edit's error.
 */
export function rendererForEdit(db: Executor, workspaceId: string): RenderEmailFn {
  return async (kind, locale, data, options) => {
    if (!isEmailKind(kind)) throw new Error(`emails of kind "${kind}" have no template to re-render`);
    const templateLocale = isEmailLocale(locale) ? locale : 'en';
    const override = await overrideFor(db, workspaceId, kind, templateLocale);
    // The stored template data was written by the ladder for this kind; the edit only patches it.
    return renderEmail(kind, templateLocale, data as never, { ...options, ...(override ? { override } : {}) });
  };
}
