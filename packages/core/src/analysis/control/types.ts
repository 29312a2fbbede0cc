/** The languages the detectors have rules for (a client's locale). */
export type Language = 'en' | 'hu';

export type ControlSignalKind = 'approval_demand' | 'revision_request' | 'tiny_change' | 'distrust' | 'urgency_pressure';

export interface ControlSignal {
  kind: ControlSignalKind;
  /** The sentence as it appears (trimmed; a hard-wrapped sentence has its line breaks joined with a space). */
  sentence: string;
  /** Stable rule id, e.g. 'en.approval.every-post', 'hu.approval.minden-posztot'. */
  rule: string;
}

export type AbuseSeverity = 'insult' | 'threat' | 'profanity';

export interface AbuseFinding {
  sentence: string;
  rule: string;
  severity: AbuseSeverity;
}

/** One inbound (client → us) message, already analysed; the score works on these. */
export interface InboundForControl {
  messageId: string;
  threadId: string;
  sentAt: Date;
  /** Is sentAt outside the client's working hours (computed by the caller with the client's calendar)? */
  afterHours: boolean;
  signals: ControlSignal[];
}

export interface ControlScoreOptions {
  now: Date;
  /** Window scored (default 28 days) and the baseline before it (default 90 days). */
  windowDays?: number;
  baselineDays?: number;
}

export interface ControlEvidence {
  messageId: string;
  kind: ControlSignalKind | 'volume' | 'after_hours';
  quote?: string;
  rule?: string;
}

export type ControlComponentName = 'approval_demands' | 'revisions' | 'tiny_changes' | 'distrust' | 'volume' | 'after_hours';

export interface ControlComponent {
  name: ControlComponentName;
  points: number;
  measure: number;
  detail: string;
}

export interface ControlScore {
  /** 0..100, deterministic, higher = more controlling. */
  score: number;
  /** Each component's contribution (points) and its raw measure, for the operator's explanation. */
  components: ControlComponent[];
  /** Messages and quoted sentences behind the score (most recent first, capped at 20). */
  evidence: ControlEvidence[];
  /** Per-thread revision rounds in the window (a thread ≈ one deliverable): threadId → count of revision/tiny-change messages. */
  revisionsByThread: Record<string, number>;
  messagesInWindow: number;
  /** Messages per week in the window against the baseline's weekly mean (ratio; undefined without baseline). */
  volumeRatio?: number;
  afterHoursShare: number;
}
