import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { flushQueue, type QueuedAction, queuedActions, subscribeQueue, watchNetwork } from '../../api/staff-queue';

const RETRY_MS = 20_000;

/**
 * The phone's queue of staff actions, live: sent when a staff page shows, when the
 * network comes back, and every 20 s while something waits.
 */
export function useStaffQueue(): QueuedAction[] {
  const [entries, setEntries] = useState<QueuedAction[]>(() => queuedActions());
  useEffect(() => {
    watchNetwork();
    return subscribeQueue(setEntries);
  }, []);
  useDidShow(() => {
    void flushQueue();
  });
  const waiting = entries.some((e) => !e.error);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void flushQueue(), RETRY_MS);
    return () => clearInterval(timer);
  }, [waiting]);
  return entries;
}
