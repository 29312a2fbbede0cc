import { describe, expect, it } from 'vitest';
import { defaultEscalationSettings, resolveSettings } from './settings';

describe('resolveSettings', () => {
  it('starts from the PRODUCT §4 defaults', () => {
    expect(defaultEscalationSettings).toMatchObject({
      slaBusinessDays: 2,
      firmNoticeAfterSlas: 2,
      endingAfterSlas: 4,
      endingEscalatedAsks: 3,
      endingWindowDays: 30,
      paymentGraceDays: 1,
      workPausedAfterBusinessDays: 3,
      driftDaysPerCycle: 2,
      driftCycles: 3,
      controlSustainedDays: 14,
      controlEndingAfterDays: 28,
    });
    expect(Object.values(defaultEscalationSettings.autoSend).every((on) => on === false)).toBe(true);
    expect(resolveSettings({}, undefined)).toEqual({ ok: true, settings: defaultEscalationSettings });
  });

  it('applies the client over the workspace over the defaults', () => {
    const result = resolveSettings({ slaBusinessDays: 3, paymentGraceDays: 5, autoSend: { nudge: true } }, { slaBusinessDays: 1.5 });
    expect(result.ok && result.settings).toMatchObject({ slaBusinessDays: 1.5, paymentGraceDays: 5, firmNoticeAfterSlas: 2 });
    expect(result.ok && result.settings.autoSend).toMatchObject({ nudge: true, payment_reminder: false });
  });

  it('names every bad field with where it came from', () => {
    const result = resolveSettings(
      { slaBusinessDays: 0, slaDays: 2, autoSend: { nudge: 'yes', fax: true } },
      { paymentGraceDays: 1.5, controlThreshold: 101 },
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.field)).toEqual([
      'workspace.slaBusinessDays',
      'workspace.slaDays',
      'workspace.autoSend.nudge',
      'workspace.autoSend.fax',
      'client.paymentGraceDays',
      'client.controlThreshold',
    ]);
    expect(!result.ok && result.problems[0]?.message).toBe('expected a number greater than 0 and at most 60, got 0');
  });

  it('rejects a ladder whose ending comes before its firm notice, and non-object overrides', () => {
    const order = resolveSettings({ firmNoticeAfterSlas: 3 }, { endingAfterSlas: 3 });
    expect(!order.ok && order.problems.map((p) => p.field)).toEqual(['endingAfterSlas']);
    const shape = resolveSettings([], 'x');
    expect(!shape.ok && shape.problems.map((p) => p.field)).toEqual(['workspace', 'client']);
  });

  it('never lets an override change the shared defaults', () => {
    resolveSettings({ autoSend: { nudge: true } }, {});
    expect(defaultEscalationSettings.autoSend.nudge).toBe(false);
  });
});
