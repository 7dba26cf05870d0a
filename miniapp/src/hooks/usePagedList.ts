import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@yizhan/shared';
import type { ApiFailure, ApiResult } from '../api/result';

interface ListState<T> {
  items: T[];
  nextCursor: string | null;
  /** First page loading (nothing to show yet). */
  loading: boolean;
  refreshing: boolean;
  loadingMore: boolean;
  /** The first page failed: the page shows an error with retry. */
  error: ApiFailure | null;
  /** A later page failed: the list stays, the footer offers retry. */
  moreError: ApiFailure | null;
  loaded: boolean;
}

const initial = <T>(): ListState<T> => ({
  items: [],
  nextCursor: null,
  loading: true,
  refreshing: false,
  loadingMore: false,
  error: null,
  moreError: null,
  loaded: false,
});

/**
 * A keyset-paginated list (API.md: `{items, nextCursor}`, null at the end) with
 * pull-to-refresh and load-more. A change of `key` (e.g. the status tab) starts over
 * and ignores answers that arrive late for the previous key.
 */
export function usePagedList<T>(key: string, fetchPage: (cursor: string | null) => Promise<ApiResult<Page<T>>>) {
  const [state, setState] = useState<ListState<T>>(initial);
  const generation = useRef(0);
  const busy = useRef(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const stateRef = useRef(state);
  stateRef.current = state;

  const refresh = useCallback(async (mode: 'initial' | 'pull' | 'quiet' = 'pull') => {
    const gen = ++generation.current;
    busy.current = true;
    setState((s) => (mode === 'initial' ? initial<T>() : { ...s, refreshing: mode === 'pull', loading: !s.loaded, error: null, moreError: null }));
    const res = await fetchRef.current(null);
    if (gen !== generation.current) return;
    busy.current = false;
    setState((s) =>
      res.ok
        ? { ...s, items: res.data.items, nextCursor: res.data.nextCursor, loading: false, refreshing: false, loaded: true, error: null }
        : { ...s, loading: false, refreshing: false, error: s.loaded ? null : res, moreError: s.loaded ? res : null },
    );
  }, []);

  const loadMore = useCallback(async () => {
    const s = stateRef.current;
    if (busy.current || !s.loaded || s.nextCursor === null) return;
    const gen = generation.current;
    busy.current = true;
    setState((prev) => ({ ...prev, loadingMore: true, moreError: null }));
    const res = await fetchRef.current(s.nextCursor);
    if (gen !== generation.current) return;
    busy.current = false;
    setState((prev) =>
      res.ok
        ? { ...prev, items: [...prev.items, ...res.data.items], nextCursor: res.data.nextCursor, loadingMore: false }
        : { ...prev, loadingMore: false, moreError: res },
    );
  }, []);

  useEffect(() => {
    void refresh('initial');
  }, [key, refresh]);

  const update = useCallback((fn: (items: T[]) => T[]) => setState((s) => ({ ...s, items: fn(s.items) })), []);

  return { ...state, hasMore: state.nextCursor !== null, refresh, loadMore, update };
}
