import { useState } from 'preact/hooks';
import { ApiError } from './http';

/**
 * A form's round trip: busy while it runs, the failure kept for the form to show, and which
 * fields the API named (`aria-invalid`). `run` resolves whether or not the work failed.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  async function run(work: () => Promise<void>, onFailure?: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(caught);
      await onFailure?.();
    } finally {
      setBusy(false);
    }
  }

  /** `'true'` when the API's problem names this body field. */
  const invalid = (field: string) => (error instanceof ApiError && error.reasonFor(`body.${field}`) ? 'true' : undefined);

  return { busy, error, run, invalid };
}
