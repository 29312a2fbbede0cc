import { describe, expect, it } from 'vitest';
import { canChangeClientStatus, isMonitored } from './client-status';

describe('client status', () => {
  it('pauses and resumes for non-payment, and treats former as final', () => {
    expect(canChangeClientStatus('active', 'paused')).toBe(true);
    expect(canChangeClientStatus('paused', 'active')).toBe(true);
    expect(canChangeClientStatus('former', 'active')).toBe(false);
    expect(canChangeClientStatus('active', 'former')).toBe(false);
    expect(isMonitored('former')).toBe(false);
    expect(isMonitored('paused')).toBe(true);
  });
});
