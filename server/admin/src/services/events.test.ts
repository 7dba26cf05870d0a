import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reopenDelayMs, STALE_AFTER_MS, staffEventsUrl, useStaffEvents } from './events';
import { setSession } from './session';

/** The browser's EventSource, reduced to what the hook uses: the test plays the server's side. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static made: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((e: MessageEvent<string>) => void) | null = null;
  private listeners = new Map<string, (e: MessageEvent<string>) => void>();
  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }
  addEventListener(name: string, fn: (e: MessageEvent<string>) => void): void {
    this.listeners.set(name, fn);
  }
  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
  open(): void {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  emit(type: string, id: string, data: unknown): void {
    this.listeners.get(type)?.({ data: JSON.stringify(data), lastEventId: id } as MessageEvent<string>);
  }
  fail(givenUp: boolean): void {
    this.readyState = givenUp ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.();
  }
}

describe('useStaffEvents', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeEventSource.made = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    setSession({
      accessToken: 'tok',
      refreshToken: 'r',
      expiresAt: Date.now() + 600_000,
      staff: { id: '1', username: 'a', name: 'A', roles: ['agent'] } as never,
    });
  });
  afterEach(() => {
    setSession(null);
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('leaves retrying to the browser while it retries, and opens a new stream, resuming, once it gave up', () => {
    const seen: string[] = [];
    const { result, unmount } = renderHook(() => useStaffEvents((e) => seen.push(e.no)));
    const first = FakeEventSource.made[0]!;
    expect(first.url).toBe(staffEventsUrl('tok'));
    act(() => first.open());
    expect(result.current.connected).toBe(true);
    act(() => first.emit('ticket.routed', '41', { type: 'ticket.routed', ticketId: '7', no: 'BX-1', title: 't' }));
    expect(seen).toEqual(['BX-1']);

    // The server ended the stream (shutdown): the browser reconnects by itself, and the
    // indicator shows the stream down meanwhile.
    act(() => first.fail(false));
    expect(result.current.connected).toBe(false);
    act(() => vi.advanceTimersByTime(30_000));
    expect(FakeEventSource.made).toHaveLength(1);

    // The reconnect was answered 503: the browser gives up; the hook opens a new one after 1 s.
    act(() => first.fail(true));
    expect(result.current.connected).toBe(false);
    act(() => vi.advanceTimersByTime(999));
    expect(FakeEventSource.made).toHaveLength(1);
    act(() => vi.advanceTimersByTime(1));
    expect(FakeEventSource.made).toHaveLength(2);
    const second = FakeEventSource.made[1]!;
    expect(second.url).toBe(staffEventsUrl('tok', '41'));
    expect(second.url).toContain('lastEventId=41');

    // It fails again at once: the pause grows.
    act(() => second.fail(true));
    act(() => vi.advanceTimersByTime(1999));
    expect(FakeEventSource.made).toHaveLength(2);
    act(() => vi.advanceTimersByTime(1));
    expect(FakeEventSource.made).toHaveLength(3);
    act(() => FakeEventSource.made[2]!.open());
    expect(result.current.connected).toBe(true);

    unmount();
    expect(FakeEventSource.made[2]!.readyState).toBe(FakeEventSource.CLOSED);
  });

  it('a stream that goes silent (no ping, no notice) shows as down and is replaced, resuming', () => {
    const { result } = renderHook(() => useStaffEvents(() => {}));
    const first = FakeEventSource.made[0]!;
    act(() => first.open());
    act(() => first.emit('ticket.routed', '9', { type: 'ticket.routed', ticketId: '7', no: 'BX-1', title: 't' }));
    // The server's pings keep it up however long nothing happens.
    for (let i = 0; i < 6; i++) {
      act(() => vi.advanceTimersByTime(15_000));
      act(() => first.emit('ping', '', { at: 'now' }));
    }
    expect(result.current.connected).toBe(true);
    expect(FakeEventSource.made).toHaveLength(1);
    // Then silence, while the browser still calls the connection open (the Wi-Fi dropped).
    act(() => vi.advanceTimersByTime(STALE_AFTER_MS - 1));
    expect(result.current.connected).toBe(true);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.connected).toBe(false);
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
    act(() => vi.advanceTimersByTime(1000));
    expect(FakeEventSource.made).toHaveLength(2);
    expect(FakeEventSource.made[1]!.url).toBe(staffEventsUrl('tok', '9'));
    act(() => FakeEventSource.made[1]!.open());
    expect(result.current.connected).toBe(true);
  });

  it('going offline shows the stream down at once; coming back online reconnects at once', () => {
    const { result } = renderHook(() => useStaffEvents(() => {}));
    act(() => FakeEventSource.made[0]!.open());
    expect(result.current.connected).toBe(true);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(result.current.connected).toBe(false);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    act(() => vi.advanceTimersByTime(0));
    expect(FakeEventSource.made).toHaveLength(2);
    expect(FakeEventSource.made[0]!.readyState).toBe(FakeEventSource.CLOSED);
    act(() => FakeEventSource.made[1]!.open());
    expect(result.current.connected).toBe(true);
  });

  it('pauses 1 s, doubling, at most 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(reopenDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
