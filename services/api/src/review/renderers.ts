/** The renderers the review actions are given: `@firmly/db` stays free of the templates. */
import { type Executor, loadTemplateOverride, type RenderEmailFn, type RenderTextFn } from '@firmly/db';
import { rendererForEdit, renderHandWrittenEmail } from '@firmly/templates';

/** Re-renders a draft's edited facts with the workspace's own wording when it has one, as the draft was written. */
export function editRendererFor(db: Executor, workspaceId: string): RenderEmailFn {
  return rendererForEdit((kind, locale) => loadTemplateOverride(db, workspaceId, kind, locale));
}

/** Renders the HTML part of a body the operator wrote themselves, in the letters' plain look. */
export const renderOperatorText: RenderTextFn = renderHandWrittenEmail;
