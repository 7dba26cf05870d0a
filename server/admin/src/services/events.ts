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

export function staffEventsUrl(accessToken: string): string {
  // EventSource cannot send headers, so the token goes in the query string.
  return `${API_BASE}/staff/events?access_token=${encodeURIComponent(accessToken)}`;
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

/**
 * Keep one EventSource open while signed in; reconnect with the new token after a
 * refresh. The browser retries dropped connections itself.
 */
export function useStaffEvents(onEvent: (event: StaffEvent) => void, enabled = true): { connected: boolean } {
  const session = useSession();
  const token = session?.accessToken;
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    if (!enabled || !token || typeof EventSource === 'undefined') return;
    const source = new EventSource(staffEventsUrl(token));
    const receive = (e: MessageEvent<string>) => {
      const event = parseStaffEvent(e.data);
      if (event) handler.current(event);
    };
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(source.readyState === EventSource.OPEN);
    source.onmessage = receive;
    // The server names each event (`event: ticket.urgent`); onmessage catches unnamed ones.
    STAFF_EVENT_TYPES.forEach((name) => source.addEventListener(name, receive as EventListener));
    return () => {
      source.close();
      setConnected(false);
    };
  }, [token, enabled]);

  return { connected };
}
