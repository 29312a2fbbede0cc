import type { Clock } from '@firmly/core';
import { classifyProviderError, errorFromClassification, type ProviderErrorInput, RetryLaterError } from './errors/index';

export interface ProviderCallOptions {
  clock: Clock;
  /** Quota / concurrency admission before each attempt; returns a release function if it holds a slot. */
  admit: () => Promise<(() => Promise<void>) | undefined>;
  /**
   * Turns what the client library threw into the classifier's input, or undefined
   * when it is not a provider failure at all (a bug): that is rethrown untouched,
   * never mistaken for a network error and retried.
   */
  describe: (error: unknown) => Omit<ProviderErrorInput, 'now' | 'afterTokenRefresh'> | undefined;
  invalidateToken: () => void;
  /** Attempts within one call; the job's own retries come on top. */
  maxAttempts?: number;
  /** A provider asking for a longer wait than this ends the call; the job retries later instead of sleeping. */
  maxInlineWaitMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One provider API call with the project's single error policy (errors/classify.ts):
 * a 401 refreshes the token once, rate limits and 5xx wait (Retry-After when given)
 * and try again a few times, everything else becomes a typed MailProviderError the
 * worker maps to retry, needs_reauth or give-up. Every attempt passes admission, so
 * retries spend quota like first tries.
 */
export async function callProvider<T>(options: ProviderCallOptions, run: () => Promise<T>): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 4;
  let refreshed = false;
  for (let attempt = 1; ; attempt++) {
    const release = await options.admit();
    let failure: unknown;
    try {
      return await run();
    } catch (error) {
      failure = error;
    } finally {
      await release?.();
    }
    const described = options.describe(failure);
    if (!described) throw failure;
    const verdict = classifyProviderError({ ...described, afterTokenRefresh: refreshed, now: options.clock.now() });
    if (verdict.kind === 'retry' && verdict.invalidateToken && !refreshed) {
      refreshed = true;
      options.invalidateToken();
      continue;
    }
    const wait = verdict.kind === 'retry' ? (verdict.afterMs ?? Math.min(8_000, 250 * 2 ** attempt)) : undefined;
    if (wait !== undefined && attempt < maxAttempts && wait <= (options.maxInlineWaitMs ?? 30_000)) {
      await sleep(wait + Math.floor(Math.random() * 100));
      continue;
    }
    throw errorFromClassification(verdict, failure, described.status);
  }
}

export { RetryLaterError };
