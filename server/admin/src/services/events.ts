import { STAFF_EVENT_TYPES, type Id, type StaffEventType, type StaffNotice } from '@yizhan/shared';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../hooks/useSession';
import { API_BASE } from './request';

/**
 * Events on GET /api/v1/staff/events (server-sent events: `event: <type>`, data = the
 * staff notice, StaffNotice): what the pages use of one, its ticket always known.
 */
export type { StaffEventType };
export type StaffEvent = Pick<StaffNotice, 'title'> & { type: StaffEventType; ticketId: Id; no: string };

/** Window event the layout re-broadcasts each server event as, so pages can refresh. */
export const STAFF_EVENT = 'yizhan:staff-event';

/** Events that deserve the alert sound, not only a notice. */
export const ALERTING: readonly StaffEventType[] = ['ticket.urgent', 'sla.overdue', 'sla.escalated', 'ticket.urged'];

export function staffEventsUrl(accessToken: string, lastEventId?: string): string {
  // EventSource cannot send headers, so the token (and, for a new EventSource, where to resume) go in the query string.
  const resume = lastEventId ? `&lastEventId=${encodeURIComponent(lastEventId)}` : '';
  return `${API_BASE}/staff/events?access_token=${encodeURIComponent(accessToken)}${resume}`;
}

export function parseStaffEvent(data: string): StaffEvent | null {
  try {
    const value = JSON.parse(data) as Partial<StaffNotice>;
    if (typeof value.type !== 'string' || value.ticketId === undefined) return null;
    return { type: value.type as StaffEventType, ticketId: String(value.ticketId), no: value.no ?? '', title: value.title ?? '' };
  } catch {
    return null;
  }
}

/** How long to wait before opening a new EventSource after the browser gave one up (ms). */
export function reopenDelayMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(failures, 5));
}

/**
 * The server sends `event: ping` every 15 s; a stream silent for this long is dead even
 * if the browser still calls it open (a laptop that slept, Wi-Fi that dropped without
 * closing the connection), so it is closed and a new one opened.
 */
export const STALE_AFTER_MS = 45_000;

/**
 * Keep one EventSource open while signed in; reconnect with the new token after a
 * refresh. The browser retries a stream that ended by itself (a server shutting down
 * ends each stream with a `retry:` hint) and resumes with Last-Event-ID; but a reconnect
 * answered with an error (a 502/503 from the balancer mid-deploy, a 401 with an expired
 * token) makes it give up for good — then a new EventSource is opened here after a
 * growing pause (1 s … 30 s), resuming after the last event seen, unless a token
 * refresh replaces it first.
 * `connected` is true only while the stream is open and has been heard from within
 * STALE_AFTER_MS; going offline marks it down at once, coming back online reconnects at once.
 */
export function useStaffEvents(onEvent: (event: StaffEvent) => void, enabled = true): { connected: boolean } {
  const session = useSession();
  const token = session?.accessToken;
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    if (!enabled || !token || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | null = null;
    let stale: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let lastEventId = '';
    const clearTimers = () => {
      if (reopen) clearTimeout(reopen);
      if (stale) clearTimeout(stale);
      reopen = stale = null;
    };
    /** Drop the current stream and open a new one after `delay` ms. */
    const restart = (delay: number) => {
      clearTimers();
      source?.close();
      source = null;
      setConnected(false);
      reopen = setTimeout(open, delay);
    };
    const heard = () => {
      if (stale) clearTimeout(stale);
      stale = setTimeout(() => restart(reopenDelayMs(failures++)), STALE_AFTER_MS);
    };
    const receive = (e: MessageEvent<string>) => {
      heard();
      if (e.lastEventId) lastEventId = e.lastEventId;
      const event = parseStaffEvent(e.data);
      if (event) handler.current(event);
    };
    function open() {
      reopen = null;
      const current = new EventSource(staffEventsUrl(token!, lastEventId));
      source = current;
      heard(); // a connection attempt that hangs without opening or failing counts as dead too
      current.onopen = () => {
        failures = 0;
        heard();
        setConnected(true);
      };
      current.onerror = () => {
        setConnected(current.readyState === EventSource.OPEN);
        if (current.readyState !== EventSource.CLOSED) return; // the browser is retrying itself
        restart(reopenDelayMs(failures++));
      };
      current.onmessage = receive;
      // The server names each event (`event: ticket.urgent`); onmessage catches unnamed ones.
      STAFF_EVENT_TYPES.forEach((name) => current.addEventListener(name, receive as EventListener));
      current.addEventListener('ping', heard);
    }
    const offline = () => setConnected(false);
    const online = () => restart(0);
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    open();
    return () => {
      clearTimers();
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      source?.close();
      setConnected(false);
    };
  }, [token, enabled]);

  return { connected };
}
