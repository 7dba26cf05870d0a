import type { HttpMethod, Query } from './http';
import { earlyAnswer, forgetEarly } from './early';
import { apiUrl, send } from './http';
import type { ApiResult } from './result';
import { ensureToken, refreshAfter401 } from './session';

export interface RequestOptions {
  query?: Query;
  data?: unknown;
  headers?: Record<string, string>;
  /** false for the public endpoints (login). */
  auth?: boolean;
}

/**
 * The one way pages talk to the server: adds the token, logs in again once on 401 and
 * retries, and returns `ApiResult` for every outcome (network failure included).
 */
export function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
  const { auth = true, headers, ...rest } = options;
  if (!auth) return send<T>({ method, path, headers, ...rest });
  // A read may have been started at launch for the first page (api/early.ts); a change makes those stale.
  if (method === 'GET') return earlyAnswer(apiUrl(path, rest.query), () => authorised<T>(method, path, headers, rest));
  forgetEarly();
  return authorised<T>(method, path, headers, rest);
}

async function authorised<T>(
  method: HttpMethod,
  path: string,
  headers: Record<string, string> | undefined,
  rest: Omit<RequestOptions, 'auth' | 'headers'>,
): Promise<ApiResult<T>> {
  const token = await ensureToken();
  if (!token.ok) return token;
  const first = await send<T>({ method, path, ...rest, headers: { ...headers, Authorization: `Bearer ${token.data}` } });
  if (first.ok || first.status !== 401) return first;

  // Token expired or revoked: one fresh login, one retry (same headers, so the same Idempotency-Key).
  const fresh = await refreshAfter401(token.data);
  if (!fresh.ok) return fresh;
  return send<T>({ method, path, ...rest, headers: { ...headers, Authorization: `Bearer ${fresh.data}` } });
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
export const del = <T>(path: string) => request<T>('DELETE', path, {});
export const post = <T>(path: string, data?: unknown, headers?: Record<string, string>) => request<T>('POST', path, { data: data ?? {}, headers });
