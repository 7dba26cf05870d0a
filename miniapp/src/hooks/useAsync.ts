import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ApiFailure, ApiResult } from '../api/result';

export type LoadState<T> =
  { status: 'loading'; data: T | null; error: null } | { status: 'error'; data: T | null; error: ApiFailure } | { status: 'ready'; data: T; error: null };

/**
 * Load something once (and again on `reload`), remembering the last good data so a
 * failed refresh keeps the screen filled instead of going blank.
 */
export function useAsync<T>(load: () => Promise<ApiResult<T>>, deps: readonly unknown[]) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading', data: null, error: null });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async (quiet = false): Promise<ApiResult<T>> => {
    const call = ++latest.current;
    if (!quiet) setState((s) => ({ status: 'loading', data: s.data, error: null }));
    const res = await loadRef.current();
    if (call === latest.current) {
      // A transition: the page an answer fills is rendered in slices, React yielding to
      // the browser between them, instead of one long task (on a slow phone, the whole
      // home page at once); a tap meanwhile is answered at once.
      startTransition(() => {
        setState((s) => (res.ok ? { status: 'ready', data: res.data, error: null } : { status: 'error', data: s.data, error: res }));
      });
    }
    return res;
  }, []);

  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const setData = useCallback((data: T) => setState({ status: 'ready', data, error: null }), []);
  return { ...state, reload, setData };
}
