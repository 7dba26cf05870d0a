import { useEffect, useRef } from 'react';
import { STAFF_EVENT, type StaffEvent } from '../services/events';

/** Run `fn` for every live event the layout receives (to refresh a list). */
export function useStaffEventListener(fn: (event: StaffEvent) => void): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const listener = (e: Event) => ref.current((e as CustomEvent<StaffEvent>).detail);
    window.addEventListener(STAFF_EVENT, listener);
    return () => window.removeEventListener(STAFF_EVENT, listener);
  }, []);
}
