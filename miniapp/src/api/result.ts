import type { ApiError, ErrorCode } from '@yizhan/shared';
import { zh } from '../i18n/zh';

/**
 * The one shape every server call ends in, network failure included, so pages
 * branch on `ok` and `code` and never on exceptions or HTTP internals.
 */
export type ApiResult<T> = { ok: true; status: number; data: T } | ApiFailure;

export interface ApiFailure {
  ok: false;
  /** HTTP status; 0 when the server was never reached. */
  status: number;
  /** The server's stable code (the OpenAPI ErrorCode enum), or NETWORK_ERROR / LOGIN_REQUIRED / HTTP_<status> from the client. */
  code: ClientErrorCode;
  /** Chinese, ready to show. */
  message: string;
  fields?: Record<string, string[]>;
}

export const NETWORK_ERROR = 'NETWORK_ERROR';
export const LOGIN_REQUIRED = 'LOGIN_REQUIRED';
export type ClientErrorCode = ErrorCode | typeof NETWORK_ERROR | typeof LOGIN_REQUIRED | `HTTP_${number}`;

export function networkFailure(): ApiFailure {
  return { ok: false, status: 0, code: NETWORK_ERROR, message: zh.errors.network };
}

export function loginRequired(message: string = zh.errors.loginRequired): ApiFailure {
  return { ok: false, status: 401, code: LOGIN_REQUIRED, message };
}

function fallbackMessage(status: number): string {
  if (status === 401) return zh.errors.loginRequired;
  if (status === 403) return zh.errors.forbidden;
  if (status === 404) return zh.errors.notFound;
  if (status === 429) return zh.errors.tooMany;
  if (status >= 500) return zh.errors.server;
  return zh.errors.unknown;
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  if (body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** Turn an HTTP status and body (object or JSON text, as uploadFile gives it) into an ApiResult. */
export function toResult<T>(status: number, rawBody: unknown): ApiResult<T> {
  const body = parseBody(rawBody);
  if (status >= 200 && status < 300) return { ok: true, status, data: body as T };
  const error = (body && typeof body === 'object' ? body : {}) as Partial<ApiError>;
  const failure: ApiFailure = {
    ok: false,
    status,
    code: typeof error.code === 'string' && error.code ? error.code : `HTTP_${status}`,
    // Server messages are Chinese and meant for residents; 5xx text may be technical, so use ours.
    message: status < 500 && typeof error.message === 'string' && error.message ? error.message : fallbackMessage(status),
  };
  if (error.fields) failure.fields = error.fields;
  return failure;
}
