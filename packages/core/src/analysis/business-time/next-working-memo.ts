import type { BusinessCalendar } from './business-calendar';

/**
 * `calendar.nextWorkingInstant(at)` for a clock that mostly moves forward, remembered between
 * calls. A list of drafts asks it for the same client at every request; outside working hours
 * the answer stays the same until that instant comes, and working it out again each time was
 * most of what rendering a cached page cost.
 *
 * Why remembering is exact: if the next working instant after `from` is `next > from`, then
 * nothing in [from, next) is working time, so for every `at` in [from, next] the answer is
 * `next` again. Inside working hours (`next == from`) or when the clock goes back, it asks anew.
 */
export function rememberedNextWorkingInstant(calendar: Pick<BusinessCalendar, 'nextWorkingInstant'>): (at: Date) => Date {
  let from = Number.NaN;
  let next: Date | undefined;
  return (at) => {
    const time = at.getTime();
    if (next && time >= from && time <= next.getTime() && next.getTime() > from) return next;
    next = calendar.nextWorkingInstant(at);
    from = time;
    return next;
  };
}
