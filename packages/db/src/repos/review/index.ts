export { approveEmail, type BulkApproveResult, bulkApprove } from './approve';
export {
  type ApproveResult,
  type EmailEdit,
  MAX_BULK_APPROVE,
  MAX_QUEUE_PAGE,
  MAX_REJECT_REASON_LENGTH,
  MAX_SNOOZE_MILLIS,
  MAX_SUBJECT_LENGTH,
  type OutgoingEmailKind,
  type OutgoingEmailRow,
  type RenderEmailFn,
  type RenderedParts,
  type ReviewContext,
  type ReviewProblem,
  type ReviewResult,
  type SendSchedule,
} from './common';
export { editEmail, safeSubject } from './edit';
export { type ReviewQueueOptions, type ReviewQueuePage, reviewQueue } from './queue';
export { rejectEmail, snoozeEmail } from './reject-snooze';
