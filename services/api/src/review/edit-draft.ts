/**
 * `POST /review-queue/:id/edit`: which review action an edit is.
 *
 * - `text`: the operator's own words; the HTML part is rendered from them (`rewriteEmailText`).
 * - `data`: changed template facts, re-rendered through the templates with the workspace's
 *   wording (`editEmail`), unless the body was rewritten by hand: then the facts no longer
 *   describe it, and re-rendering them would silently throw the operator's words away.
 * - `subject` alone: through whichever of the two the body follows.
 *
 * An email the operator wrote (`custom`) has no template: its body is theirs from the start.
 */
import {
  bodyWrittenByHand,
  type Database,
  editEmail,
  type OutgoingEmailRow,
  type ReviewContext,
  type ReviewResult,
  rewriteEmailText,
} from '@firmly/db';
import { editRendererFor, renderOperatorText } from './renderers';

export interface DraftEdit {
  subject?: string | undefined;
  text?: string | undefined;
  data?: Record<string, unknown> | undefined;
}

export async function editDraft(db: Database, email: OutgoingEmailRow, patch: DraftEdit, ctx: ReviewContext): Promise<ReviewResult> {
  const { workspaceId, id } = email;
  const { subject, text, data } = patch;
  if (text !== undefined) return rewriteEmailText(db, workspaceId, id, { subject, text }, renderOperatorText, ctx);
  if (email.kind === 'custom' || (await bodyWrittenByHand(db, workspaceId, id))) {
    if (data !== undefined) {
      return {
        ok: false,
        problem: 'conflict',
        state: email.state,
        detail: "this email's text was written by hand, so no template facts describe it: edit its text instead",
      };
    }
    return rewriteEmailText(db, workspaceId, id, { subject }, renderOperatorText, ctx);
  }
  return editEmail(db, workspaceId, id, { subject, data }, editRendererFor(db, workspaceId), ctx);
}
