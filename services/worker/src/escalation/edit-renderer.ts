import { type Executor, loadTemplateOverride, type RenderEmailFn } from '@firmly/db';
import { rendererForEdit as templatesRendererForEdit } from '@firmly/templates';

/**
 * The renderer the review queue's edit uses, for one workspace (see `rendererForEdit` in
 * @firmly/templates, where it lives so the API can use it too): the workspace's stored wording
 * when it has one, as the draft was written.
 */
export function rendererForEdit(db: Executor, workspaceId: string): RenderEmailFn {
  return templatesRendererForEdit((kind, locale) => loadTemplateOverride(db, workspaceId, kind, locale));
}
