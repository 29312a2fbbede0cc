import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, describeError } from './http';

export interface Resource<T> {
  data: T | undefined;
  error: string | undefined;
  /** The HTTP status of the failure, e.g. 404 for "not analysed yet". */
  status: number | undefined;
  reload: () => Promise<void>;
}

/**
 * One GET's answer for a component: loaded when `key` changes, reloadable (live refresh keeps
 * the data on screen while it reloads); an answer for an older key is dropped.
 */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string; data?: T; error?: string; status?: number }>({ key });
  const loader = useRef(load);
  loader.current = load;
  const currentKey = useRef(key);
  currentKey.current = key;

  const reload = useCallback(async () => {
    const requested = currentKey.current;
    try {
      const data = await loader.current();
      if (currentKey.current === requested) setState({ key: requested, data });
    } catch (caught) {
      if (currentKey.current === requested)
        setState({ key: requested, error: describeError(caught), status: caught instanceof ApiError ? caught.status : undefined });
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [key, reload]);

  const fresh = state.key === key;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, status: fresh ? state.status : undefined, reload };
}
