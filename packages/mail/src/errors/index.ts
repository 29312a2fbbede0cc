import type { ProviderErrorClassification } from './classify';
import { GiveUpError, type MailProviderError, ReauthRequiredError, RetryLaterError } from './provider-errors';

export * from './classify';
export * from './provider-errors';

/** The error a worker throws for a classified provider failure (see provider-errors.ts for how to map it). */
export function errorFromClassification(classification: ProviderErrorClassification, cause?: unknown, status?: number): MailProviderError {
  const { code, reason } = classification;
  switch (classification.kind) {
    case 'retry':
      return new RetryLaterError(reason, {
        afterMs: classification.afterMs,
        invalidateToken: classification.invalidateToken === true,
        code,
        status,
        cause,
      });
    case 'reauth':
      return new ReauthRequiredError(reason, { code, status, cause });
    case 'give_up':
      return new GiveUpError(reason, { code, status, cause });
  }
}
