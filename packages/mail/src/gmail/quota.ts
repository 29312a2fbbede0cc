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

export const gmailPerUserBudget = { capacity: 250, refillPerSecond: 250 } as const;
