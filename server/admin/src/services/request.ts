import type { ApiError, ErrorCode } from '@yizhan/shared';
import { T } from '../strings';
import { getSession, saveTokens, setSession } from './session';

/**
 * The one way the admin pages talk to the server. It adds the token, refreshes it
 * once when the server answers 401, and turns every failure — server error, network
 * failure, a reply that is not JSON — into one ApiRequestError shape whose `message`
 * is Chinese and fit to show.
 */
export const API_BASE = '/api/v1';

/** The server's stable codes, and the few this client adds for failures that never reached it. */
export type ClientErrorCode = ErrorCode | 'ABORTED' | 'NETWORK_ERROR' | 'UNAUTHORIZED' | `HTTP_${number}`;
export type ClientError = Omit<ApiError, 'code'> & { code: ClientErrorCode };

export class ApiRequestError extends Error implements ClientError {
  readonly statusCode: number;
  readonly code: ClientErrorCode;
  readonly fields?: Record<string, string[]>;

  constructor(error: ClientError) {
    super(error.message);
    this.name = 'ApiRequestError';
    this.statusCode = error.statusCode;
    this.code = error.code;
    if (error.fields) this.fields = error.fields;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | QueryValue[]>;

export interface RequestOptions {
  query?: Query;
  /** JSON body. */
  body?: unknown;
  /** Multipart body (uploads, imports). */
  form?: FormData;
  headers?: Record<string, string>;
  /** Do not show the error message; the caller handles it. */
  silent?: boolean;
  /** Send without a token and never refresh (login, refresh). */
  anonymous?: boolean;
  responseType?: 'json' | 'blob';
  signal?: AbortSignal;
}

type ErrorPresenter = (message: string, error: ApiRequestError) => void;
let presentError: ErrorPresenter = (message) => console.error(message);

/** The app installs antd's message here so every unhandled failure is shown once. */
export function setErrorPresenter(fn: ErrorPresenter): void {
  presentError = fn;
}

export function showError(error: unknown): void {
  const normalised = toApiError(error);
  presentError(normalised.message, normalised);
}

export function toApiError(error: unknown): ApiRequestError {
  if (error instanceof ApiRequestError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new ApiRequestError({ statusCode: 0, code: 'ABORTED', message: T.errors.aborted });
  }
  return new ApiRequestError({ statusCode: 0, code: 'NETWORK_ERROR', message: T.errors.network });
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v === undefined || v === null || v === '') continue;
      params.append(key, String(v));
    }
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: concurrent 401s wait for the same answer. */
function refreshOnce(): Promise<boolean> {
  if (!refreshing) {
    refreshing = (async () => {
      const session = getSession();
      if (!session?.refreshToken) return false;
      try {
        const res = await fetch(buildUrl('/auth/staff/refresh'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ refreshToken: session.refreshToken }),
        });
        if (!res.ok) return false;
        saveTokens(await res.json());
        return true;
      } catch {
        return false;
      }
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

async function readError(res: Response): Promise<ApiRequestError> {
  let body: Partial<ApiError> | null;
  try {
    const text = await res.text();
    body = text ? (JSON.parse(text) as Partial<ApiError>) : null;
  } catch {
    body = null;
  }
  const message =
    (typeof body?.message === 'string' && body.message) ||
    (Array.isArray(body?.message) ? (body?.message as string[]).join('；') : '') ||
    T.errors.byStatus(res.status);
  const error: ClientError = {
    statusCode: res.status,
    code: typeof body?.code === 'string' ? body.code : `HTTP_${res.status}`,
    message,
  };
  if (body?.fields) error.fields = body.fields;
  return new ApiRequestError(error);
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const token = opts.anonymous ? null : getSession()?.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = body;
  if (opts.signal) init.signal = opts.signal;
  return fetch(buildUrl(path, opts.query), init);
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  try {
    let res = await send(method, path, opts);
    if (res.status === 401 && !opts.anonymous) {
      if (await refreshOnce()) {
        res = await send(method, path, opts);
      }
      if (res.status === 401) {
        // Refresh failed or the new token was refused too: back to the login page.
        setSession(null);
        throw new ApiRequestError({ statusCode: 401, code: 'UNAUTHORIZED', message: T.errors.sessionExpired });
      }
    }
    if (!res.ok) throw await readError(res);
    if (opts.responseType === 'blob') return (await res.blob()) as T;
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  } catch (error) {
    const normalised = toApiError(error);
    if (!opts.silent && normalised.code !== 'ABORTED') presentError(normalised.message, normalised);
    throw normalised;
  }
}

export const http = {
  get: <T>(path: string, query?: Query, opts: RequestOptions = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PUT', path, { ...opts, body }),
  delete: <T = void>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
  upload: <T>(path: string, form: FormData, opts: RequestOptions = {}) => request<T>('POST', path, { ...opts, form }),
};

/** Download a file the server makes (Excel export) with the token, and save it. */
export async function downloadFile(path: string, query: Query, filename: string): Promise<void> {
  const blob = await request<Blob>('GET', path, { query, responseType: 'blob' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A fresh key per submitted form, so a double click or a retry creates one request. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
