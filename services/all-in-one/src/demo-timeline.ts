import { type BusinessCalendar, businessCalendar, startOfLocalDay, type WorkingCalendar } from '@firmly/core';

/**
 * When a scripted demo event happened, relative to the demo's anchor (the first start):
 * a number of the client's working days before it (so "open longer than the SLA" holds
 * whatever weekday or holiday the demo starts on), or of calendar days, at a local time.
 */
export type DemoWhen = { workingDaysAgo: number; at: `${number}:${number}` } | { daysAgo: number; at: `${number}:${number}` };

const DAY_MS = 86_400_000;

function minutesOf(at: string): number {
  const [hours, minutes] = at.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** 'YYYY-MM-DD' shifted by whole days (calendar arithmetic on the date alone, no zone involved). */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Places scripted events of one client on real instants, counted back from the anchor in that client's calendar. */
export class DemoTimeline {
  readonly calendar: BusinessCalendar;
  /** The anchor's local date in the client's zone. */
  readonly today: string;

  constructor(
    readonly anchor: Date,
    workingCalendar: WorkingCalendar,
  ) {
    this.calendar = businessCalendar(workingCalendar);
    this.today = this.calendar.localDate(anchor);
  }

  /** The local date `n` working days before the anchor's (n ≥ 1). */
  workingDayBefore(n: number): string {
    let day = this.today;
    for (let found = 0; found < n; ) {
      day = shiftDay(day, -1);
      if (this.calendar.isWorkingDay(day)) found += 1;
    }
    return day;
  }

  dayOf(when: DemoWhen): string {
    return 'workingDaysAgo' in when ? this.workingDayBefore(when.workingDaysAgo) : shiftDay(this.today, -when.daysAgo);
  }

  /**
   * The instant of a scripted event. Local wall time is counted from the local midnight,
   * which is off by the DST hour only on the two change days (Sundays, when the script
   * has no mail). Never later than the anchor: the demo's mail has all happened already.
   */
  instantOf(when: DemoWhen): Date {
    const midnight = startOfLocalDay(this.dayOf(when), this.calendar.calendar.timezone);
    if (!midnight) throw new Error(`demo timeline: no local day for ${JSON.stringify(when)}`);
    const at = midnight.getTime() + minutesOf(when.at) * 60_000;
    return new Date(Math.min(at, this.anchor.getTime() - 60_000));
  }
}
