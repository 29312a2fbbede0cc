/** A client's relationship status (PRODUCT §3). */
export const clientStatuses = ['active', 'paused', 'offboarding', 'former'] as const;
export type ClientStatus = (typeof clientStatuses)[number];

/**
 * `paused` is only ever set by a sent work-paused notice and cleared by a recorded
 * payment; `former` is terminal: monitoring stops, the record stays.
 */
const allowed: Record<ClientStatus, readonly ClientStatus[]> = {
  active: ['paused', 'offboarding'],
  paused: ['active', 'offboarding'],
  offboarding: ['former', 'active'],
  former: [],
};

export function canChangeClientStatus(from: ClientStatus, to: ClientStatus): boolean {
  return allowed[from].includes(to);
}

export function isMonitored(status: ClientStatus): boolean {
  return status !== 'former';
}
