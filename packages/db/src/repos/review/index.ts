export { approveEmail, type BulkApproveResult, bulkApprove, type CalendarCache, firstSendableInstant, sendableInstant } from './approve';
export { type AuditTailEvent, auditEventsAfter, lastAuditSeq } from './audit-tail';
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
export { type EmailHistoryOptions, emailHistory } from './history';
export { earliestSendAtOf, type ReviewItemContext, reviewItemContexts } from './item-context';
export { nextSnoozeEnd, type ReviewQueueOptions, type ReviewQueuePage, reviewQueue } from './queue';
export { rejectEmail, snoozeEmail } from './reject-snooze';
export { bodyWrittenByHand, cleanBodyText, MAX_TEXT_LENGTH, type RenderTextFn, rewriteEmailText, type TextRewrite } from './rewrite';
