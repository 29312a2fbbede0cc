/**
 * The numbers behind the control score (docs/analysis.md, section "control", explains them).
 * Each component has a cap; the caps add up to 100, so the score reads as "how many of the
 * controlling habits, and how strongly". Per-item approval demands weigh most because they are
 * what PRODUCT §2.2 says makes the work impossible; a volume or after-hours pattern alone can
 * never push a client past a third of the scale.
 */
export const CONTROL_SCORE_POLICY = {
  windowDays: 28,
  baselineDays: 90,
  approvalDemands: { pointsPerMessage: 12, cap: 35 },
  /** Two rounds of revisions per deliverable are normal; each message beyond that counts. */
  revisions: { normalRoundsPerThread: 2, pointsPerExtraRound: 4, cap: 20 },
  tinyChanges: { pointsPerMessage: 3, cap: 15 },
  distrust: { pointsPerMessage: 5, cap: 10 },
  /** Up to twice the client's own weekly mean is normal; below 3 messages a week is never "a lot". */
  volume: { minMessagesPerWeek: 3, normalRatio: 2, pointsPerRatioStep: 5, cap: 10 },
  /** A fifth of mail after hours is normal; it takes at least 3 such messages to count. */
  afterHours: { minMessages: 3, normalShare: 0.2, pointsPerShare: 25, cap: 10 },
  evidenceCap: 20,
} as const;
