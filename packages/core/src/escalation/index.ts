// The escalation ladders (PRODUCT §4, issue 5): pure decisions, no I/O, `now` passed in.
export { type EvaluateOptions, evaluateEscalations } from './evaluate';
export { idempotencyKey } from './ladder-emails';
export {
  defaultEscalationSettings,
  type EscalationEmailKind,
  type EscalationSettings,
  escalationEmailKinds,
  type ResolvedSettings,
  resolveSettings,
  type SettingsProblem,
} from './settings';
export { alertKeys, stepKeys } from './step-keys';
export {
  type DocumentedIncident,
  type HandoverItem,
  type ManagedAccount,
  type RecordedDeliverable,
  type TerminationInput,
  type TerminationPlan,
  terminationPlan,
} from './termination';
export { type ReasonFailure, type ReasonLocale, terminationReasonClause, terminationReasonText } from './termination-reason';
export type * from './types';
