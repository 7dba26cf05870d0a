import { useCallback, useEffect, useRef, useState } from 'react';
import { readStorage, removeStorage, STORAGE_KEYS, writeStorage } from '../utils/storage';
import { randomId } from '../utils/id';

export interface Draft<T> {
  /**
   * The Idempotency-Key of this draft: made once when the draft starts and sent on
   * every submit attempt of it, so a double tap or a retry after a lost answer creates
   * one request, not two. A new key only comes with a new draft (after success).
   */
  key: string;
  values: T;
}

/**
 * A form whose input survives leaving the page, a failed submit and a restart of the
 * app: every change is written to storage under `name`.
 */
export function useDraft<T extends object>(name: string, initialValues: T) {
  const storageKey = STORAGE_KEYS.draft(name);
  const [restored] = useState(() => readStorage<Draft<T>>(storageKey));
  const [draft, setDraft] = useState<Draft<T>>(() =>
    restored && typeof restored.key === 'string'
      ? { key: restored.key, values: { ...initialValues, ...restored.values } }
      : { key: randomId(), values: initialValues },
  );
  // Only what the resident typed is worth keeping; an untouched form leaves no draft behind.
  const dirty = useRef(restored !== null);

  useEffect(() => {
    if (dirty.current) writeStorage(storageKey, draft);
  }, [draft, storageKey]);

  const update = useCallback((patch: Partial<T> | ((values: T) => Partial<T>)) => {
    dirty.current = true;
    setDraft((d) => ({ ...d, values: { ...d.values, ...(typeof patch === 'function' ? patch(d.values) : patch) } }));
  }, []);

  /** After a successful submit: forget the input and start a new draft with a new key. */
  const clear = useCallback(() => {
    dirty.current = false;
    removeStorage(storageKey);
    setDraft({ key: randomId(), values: initialValues });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  const hasRestoredInput = restored !== null;
  return { key: draft.key, values: draft.values, update, clear, hasRestoredInput };
}
