import type { Page } from '@yizhan/shared';
import { useCallback, useEffect, useRef, useState } from 'react';

export type PageFetcher<T> = (cursor: string | null, limit: number) => Promise<Page<T>>;

/**
 * Keyset paging with a cursor stack: "next" pushes the server's `nextCursor`, "prev"
 * pops back to the cursor that produced the previous page. Changing `deps` (the
 * filters; compared by JSON value) starts again from the first page.
 */
export function useCursorPages<T>(fetchPage: PageFetcher<T>, deps: unknown[], initialLimit = 20) {
  const depsKey = JSON.stringify(deps);
  const [paging, setPaging] = useState<{ key: string; stack: (string | null)[] }>({ key: depsKey, stack: [null] });
  if (paging.key !== depsKey) setPaging({ key: depsKey, stack: [null] });
  const stack = paging.key === depsKey ? paging.stack : [null];

  const [limit, setLimitState] = useState(initialLimit);
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const seq = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const cursor = stack[stack.length - 1] ?? null;
  const depth = stack.length;

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    fetchRef
      .current(cursor, limit)
      .then((page) => {
        if (mine !== seq.current) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
      })
      .catch(() => {
        if (mine !== seq.current) return;
        setItems([]);
        setNextCursor(null);
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
  }, [depsKey, cursor, depth, limit, version]);

  const next = useCallback(() => {
    if (nextCursor) setPaging((p) => ({ ...p, stack: [...p.stack, nextCursor] }));
  }, [nextCursor]);
  const prev = useCallback(() => setPaging((p) => (p.stack.length > 1 ? { ...p, stack: p.stack.slice(0, -1) } : p)), []);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setLimit = useCallback((n: number) => {
    setLimitState(n);
    setPaging((p) => ({ ...p, stack: [null] }));
  }, []);

  return {
    items,
    setItems,
    loading,
    page: depth,
    hasPrev: depth > 1,
    hasNext: nextCursor !== null,
    next,
    prev,
    reload,
    limit,
    setLimit,
  };
}
