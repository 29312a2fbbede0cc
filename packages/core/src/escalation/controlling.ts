/**
 * The controlling-client ladder (PRODUCT §2.2, §4.3), on the client's control-score history:
 *
 *   above the threshold for N days        → "how we work together" (expectations reset)
 *   still above M days after it was sent  → alert: recommend ending
 *
 * An episode is the current unbroken run of samples above the threshold; it is named by the
 * instant of its first sample, so a new episode (after the score fell back) is a new step.
 * Both steps need a sample at or after their deadline: a decision about "still controlling"
 * rests on a score measured then, not on an old one carried forward.
 */
import { DAY_MS, draft, type LadderContext, type LadderOutcome } from './context';
import { alertsAllowed, workDraftBlockedBy } from './status-gates';
import { alertKeys, stepKeys } from './step-keys';
import type { CancelDraftAction, ControlSample } from './types';

interface Episode {
  start: Date;
  latest: ControlSample;
}

/** The run of samples above the threshold that reaches the latest sample, if the latest is above it. */
export function currentControlEpisode(context: LadderContext): Episode | undefined {
  const samples = context.input.controlScores
    .filter((s) => s.at <= context.now && Number.isFinite(s.score))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.score - b.score);
  const latest = samples[samples.length - 1];
  if (!latest || latest.score <= context.settings.controlThreshold) return undefined;
  let start = latest.at;
  for (let i = samples.length - 1; i >= 0; i--) {
    const sample = samples[i];
    if (!sample || sample.score <= context.settings.controlThreshold) break;
    start = sample.at;
  }
  return { start, latest };
}

export function staleControllingDrafts(context: LadderContext): CancelDraftAction[] {
  const episode = currentControlEpisode(context);
  const currentKey = episode ? stepKeys.expectationsReset(episode.start) : undefined;
  const blocked = workDraftBlockedBy(context.status);
  return context.emails.withdrawable(['expectations_reset']).flatMap((email): CancelDraftAction[] => {
    const reason = blocked ?? (email.stepKey === currentKey ? undefined : 'the control score fell back under the threshold');
    return reason ? [{ type: 'cancel_draft', outgoingEmailId: email.id, stepKey: email.stepKey, reason }] : [];
  });
}

export function controllingLadder(context: LadderContext): LadderOutcome {
  const { now, settings, emails } = context;
  const outcome: LadderOutcome = { actions: [], alerts: [], wakeups: [] };
  const episode = currentControlEpisode(context);
  if (!episode) return outcome;
  const stepKey = stepKeys.expectationsReset(episode.start);

  if (!emails.isTaken(stepKey)) {
    const due = new Date(episode.start.getTime() + settings.controlSustainedDays * DAY_MS);
    if (due > now) outcome.wakeups.push(due);
    else if (episode.latest.at >= due && !workDraftBlockedBy(context.status)) {
      outcome.actions.push(
        draft(
          context,
          { cause: 'controlling', subjectKey: 'control', stepKey, threadId: episode.latest.threadId },
          {
            kind: 'expectations_reset',
            data: { aboveThresholdSince: episode.start, latestScore: episode.latest.score, threshold: settings.controlThreshold },
          },
        ),
      );
    }
    return outcome;
  }

  const sentAt = emails.sent(stepKey)?.sentAt;
  if (!sentAt) return outcome;
  const endingDue = new Date(sentAt.getTime() + settings.controlEndingAfterDays * DAY_MS);
  if (endingDue > now) outcome.wakeups.push(endingDue);
  else if (episode.latest.at >= endingDue && alertsAllowed(context.status)) {
    outcome.alerts.push({
      type: 'alert',
      kind: 'recommend_ending',
      cause: 'controlling',
      dedupeKey: alertKeys.controlPersists(episode.start),
      message: `The control score has stayed above ${settings.controlThreshold} (now ${episode.latest.score}) for ${settings.controlEndingAfterDays} days after the how-we-work-together email was sent. Consider ending the relationship (PRODUCT §4.4); firmly sends nothing on its own.`,
    });
  }
  return outcome;
}
