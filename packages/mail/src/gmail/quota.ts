/**
 * Gmail API quota units per method, from Google's "Usage limits" table. A mailbox
 * may spend 250 units per second (moving average); every worker takes from one
 * shared budget per mailbox before calling.
 */
export const gmailQuotaUnits = {
  'users.getProfile': 1,
  'users.history.list': 2,
  'users.messages.list': 5,
  'users.messages.get': 5,
  'users.messages.send': 100,
  'users.watch': 100,
  'users.stop': 1,
} as const;

export type GmailMethod = keyof typeof gmailQuotaUnits;

export const GMAIL_UNITS_PER_SECOND = 250;

/** The largest single cost (messages.send); the bucket must hold at least this much. */
const LARGEST_COST = 100;

/**
 * The token bucket that keeps a mailbox under `unitsPerSecond` in EVERY one-second
 * window, the way the moving average is enforced: a bucket of capacity C refilling
 * at R admits at most C + R units in any second, so C + R = the limit, with C just
 * large enough for one send.
 */
export function gmailBudget(unitsPerSecond: number): { capacity: number; refillPerSecond: number } {
  // 10% headroom: a grant and the request it admits reach Google at slightly different
  // moments, so a budget run exactly at the limit would now and then cross it.
  const target = unitsPerSecond * 0.9;
  if (target <= LARGEST_COST) throw new RangeError(`Gmail quota must exceed ${Math.ceil(LARGEST_COST / 0.9)} units per second`);
  return { capacity: LARGEST_COST, refillPerSecond: target - LARGEST_COST };
}
