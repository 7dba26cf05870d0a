import Taro from '@tarojs/taro';
import { apiBase } from '../config';
import { type ApiResult, networkFailure, toResult } from './result';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | null | undefined>;

export interface HttpRequest {
  method: HttpMethod;
  path: string;
  query?: Query;
  data?: unknown;
  headers?: Record<string, string>;
}

const TIMEOUT_MS = 15000;

export function apiUrl(path: string, query?: Query): string {
  const params = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return `${apiBase}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

/**
 * One HTTP exchange, never throwing: the transport under `request` and the login call.
 * Pages use `request` (api/request.ts), which adds the token and the 401 re-login.
 */
export async function send<T>(req: HttpRequest): Promise<ApiResult<T>> {
  try {
    const res = await Taro.request({
      url: apiUrl(req.path, req.query),
      method: req.method,
      data: req.data as never,
      header: { 'Content-Type': 'application/json', ...req.headers },
      dataType: 'json',
      timeout: TIMEOUT_MS,
    });
    return toResult<T>(res.statusCode, res.data);
  } catch {
    // wx.request `fail` (offline, DNS, TLS, timeout, domain not registered): never reached the server.
    return networkFailure();
  }
}
