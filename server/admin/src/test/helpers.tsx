import type { StaffRole, TicketSummary } from '@yizhan/shared';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';
import { Providers } from '../app';
import { resetSessionCache, setSession } from '../services/session';

export interface FakeCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}
type Reply = { status?: number; body?: unknown } | ((call: FakeCall) => { status?: number; body?: unknown });

/**
 * A fake server behind `fetch`: routes are "METHOD /path" (after /api/v1, no query).
 * Records every call so a test can check what the page asked for.
 */
export function fakeServer(routes: Record<string, Reply>) {
  const calls: FakeCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = { ...(init.headers as Record<string, string>) };
    let body: unknown = init.body;
    if (typeof body === 'string') body = JSON.parse(body);
    const call = { method, path, query: url.searchParams, headers, body };
    calls.push(call);
    const route = routes[`${method} ${path}`];
    if (!route) return new Response(JSON.stringify({ statusCode: 404, code: 'NOT_FOUND', message: '不存在' }), { status: 404 });
    const reply = typeof route === 'function' ? route(call) : route;
    const status = reply.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock, find: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path) };
}

export function signIn(roles: StaffRole[], id = 's1', name = '王小丽') {
  resetSessionCache();
  setSession({
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    expiresAt: Date.now() + 3600_000,
    staff: { id, name, roles, communityIds: ['c1'] },
  });
}

export function renderPage(ui: ReactElement, { path = '/', route = '/' }: { path?: string; route?: string } = {}) {
  return render(
    <Providers>
      <MemoryRouter initialEntries={[route]}>
        <Routes>
          <Route path={path} element={ui} />
          <Route path="/tickets/:id" element={<div>工单详情页</div>} />
          <Route path="/login" element={<div>登录页</div>} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

let seq = 0;
export function ticket(over: Partial<TicketSummary> = {}): TicketSummary {
  seq += 1;
  const now = Date.now();
  const respondBy = new Date(now + 2 * 3600_000).toISOString();
  return {
    id: `t${seq}`,
    no: `BX20261123-${String(seq).padStart(4, '0')}`,
    type: 'repair',
    status: 'submitted',
    category: '水电',
    description: '厨房水管漏水',
    priority: 'normal',
    channel: 'miniapp',
    room: { id: 'r1', label: '3栋1单元502', communityId: 'c1', zoneId: 'z1' },
    location: { kind: 'room', label: '3栋1单元502', communityId: 'c1', zoneId: 'z1', roomId: 'r1', buildingId: 'b1', unit: '1', placeId: null },
    followerCount: 0,
    owner: null,
    assignee: null,
    deadlines: { respondBy, onsiteBy: null, resolveBy: null, confirmBy: null, revisitBy: null },
    overdue: [],
    onHold: false,
    appointmentAt: null,
    clock: { name: 'respond', dueAt: respondBy, warnAt: new Date(now + 90 * 60_000).toISOString(), state: 'ok' },
    createdAt: new Date(now - 600_000).toISOString(),
    updatedAt: new Date(now - 600_000).toISOString(),
    ...over,
  };
}
