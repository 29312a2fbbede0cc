import { describe, expect, it } from 'vitest';
import { baseInput, budapest, drafts, london, Scenario } from './testing/fixtures';
import type { ControlSample, EscalationInput } from './types';

const DAY = 86_400_000;
const start = Date.parse('2025-03-03T10:00:00.000Z');

function daily(fromDay: number, toDay: number, score: number): ControlSample[] {
  const samples: ControlSample[] = [];
  for (let d = fromDay; d <= toDay; d++) samples.push({ at: new Date(start + d * DAY), score, threadId: 'thread-control' });
  return samples;
}

function withScores(samples: ControlSample[]) {
  return (input: EscalationInput): EscalationInput => ({ ...input, controlScores: samples });
}

const dayIso = (d: number) => new Date(start + d * DAY).toISOString();

describe.each([
  { name: 'Europe/Budapest', calendar: budapest, locale: 'hu' },
  { name: 'Europe/London', calendar: london, locale: 'en' },
])('controlling ladder in $name', ({ calendar, locale }) => {
  it('drafts the how-we-work-together email after 2 weeks above the threshold and recommends ending 4 weeks after it was sent', () => {
    const s = new Scenario(baseInput(calendar, dayIso(10), locale)).update(withScores(daily(0, 10, 70)));
    expect(s.step()).toEqual([{ type: 'recheck_at', at: new Date(dayIso(14)) }]);

    const reset = drafts(
      s
        .at(dayIso(14))
        .update(withScores(daily(0, 14, 70)))
        .step(),
    );
    expect(reset).toEqual([
      expect.objectContaining({
        kind: 'expectations_reset',
        subjectKey: 'control',
        stepKey: `controlling:${dayIso(0)}:expectations_reset`,
        threadId: 'thread-control',
        locale,
        data: { aboveThresholdSince: new Date(dayIso(0)), latestScore: 70, threshold: 50 },
      }),
    ]);

    s.at(dayIso(15)).send();
    expect(s.step()).toEqual([{ type: 'recheck_at', at: new Date(dayIso(43)) }]);
    // Due, but the latest score is older than the deadline: no judgement on stale data.
    expect(
      s
        .at(dayIso(43))
        .update(withScores(daily(0, 42, 70)))
        .step(),
    ).toEqual([]);
    const ending = s.update(withScores(daily(0, 43, 66))).step();
    expect(ending).toEqual([
      expect.objectContaining({
        type: 'alert',
        kind: 'recommend_ending',
        cause: 'controlling',
        dedupeKey: `controlling:${dayIso(0)}:recommend_ending`,
      }),
    ]);
  });

  it('withdraws the pending email when the score falls back, and starts a new episode after a new rise', () => {
    const s = new Scenario(baseInput(calendar, dayIso(14), locale)).update(withScores(daily(0, 14, 70)));
    expect(drafts(s.step())).toHaveLength(1);
    const fell = s
      .at(dayIso(15))
      .update(withScores([...daily(0, 14, 70), ...daily(15, 15, 40)]))
      .step();
    expect(fell).toEqual([expect.objectContaining({ type: 'cancel_draft', reason: 'the control score fell back under the threshold' })]);

    const rose = [...daily(0, 14, 70), ...daily(15, 15, 40), ...daily(16, 30, 80)];
    const again = drafts(s.at(dayIso(30)).update(withScores(rose)).step());
    expect(again.map((d) => d.stepKey)).toEqual([`controlling:${dayIso(16)}:expectations_reset`]);
  });

  it('does nothing at or below the threshold', () => {
    const s = new Scenario(baseInput(calendar, dayIso(40), locale)).update(withScores(daily(0, 40, 50)));
    expect(s.step()).toEqual([]);
  });
});
