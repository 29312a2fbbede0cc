/**
 * Control signals and abusive messages (PRODUCT §2.2, §3; docs/analysis.md, section "control"):
 * sentence-level detectors over a client's visible text, English and Hungarian, and the 0–100
 * control score per client with the evidence behind it.
 */
export { type AbuseResult, detectAbuse, detectAbuseWithLimits } from './detect-abuse';
export { type ControlSignalsResult, detectControlSignals, detectControlSignalsWithLimits } from './detect-signals';
export { controlScore } from './score';
export { CONTROL_SCORE_POLICY } from './score-policy';
export type {
  AbuseFinding,
  AbuseSeverity,
  ControlComponent,
  ControlComponentName,
  ControlEvidence,
  ControlScore,
  ControlScoreOptions,
  ControlSignal,
  ControlSignalKind,
  InboundForControl,
  Language,
} from './types';
