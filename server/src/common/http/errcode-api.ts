import type { Logger } from '@nestjs/common';
import { request } from 'undici';

export interface ErrcodeCall {
  query?: Record<string, string>;
  json?: unknown;
  timeoutMs?: number;
}

/** How a client names its failures: the network or the server (retry), or the API's errcode (decide). */
export interface ErrcodeFailures {
  transport(path: string, message: string): Error;
  api(errcode: number, errmsg: string, path: string): Error;
}

/**
 * A client's two error classes and how callErrcodeApi raises them, named after its service
 * ('WeChat' → WeChatApiError, WeChatTransportError):
 * - ApiError: the API answered with a non-zero errcode (errors come back as HTTP 200);
 * - TransportError: the call never got an answer — network failure, timeout, HTTP 5xx or a body that is not JSON.
 */
export function errcodeErrors(service: string) {
  class ApiError extends Error {
    constructor(
      readonly errcode: number,
      readonly errmsg: string,
      readonly path: string,
    ) {
      super(`${service} ${path} errcode ${errcode}: ${errmsg}`);
      this.name = `${service}ApiError`;
    }
  }
  class TransportError extends Error {
    constructor(
      readonly path: string,
      cause: string,
    ) {
      super(`${service} ${path} unreachable: ${cause}`);
      this.name = `${service}TransportError`;
    }
  }
  const failures: ErrcodeFailures = {
    transport: (path, message) => new TransportError(path, message),
    api: (errcode, errmsg, path) => new ApiError(errcode, errmsg, path),
  };
  return { ApiError, TransportError, failures };
}

/**
 * One round trip to a Tencent server API (WeChat, WeCom). Decides on `errcode` (missing =
 * 0), never on the HTTP status or the content type — some JSON errors come as text/plain,
 * and most come with 200. A 5xx, a dropped connection or a body that is not JSON is a
 * transport failure; a non-zero errcode is an API failure, logged with `errmsg` (it carries
 * the request id and hint their support asks for).
 *
 * undici's request(), not fetch(): the same pooled keep-alive client without the web
 * streams machinery, about half the CPU per call (every submission and notice sends one).
 */
export async function callErrcodeApi(
  apiBase: string,
  method: 'GET' | 'POST',
  path: string,
  options: ErrcodeCall,
  failures: ErrcodeFailures,
  logger: Logger,
): Promise<Record<string, unknown>> {
  const url = new URL(apiBase + path);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  let status: number;
  let text: string;
  try {
    const res = await request(url, {
      method,
      headers: options.json !== undefined ? { 'content-type': 'application/json' } : undefined,
      body: options.json !== undefined ? JSON.stringify(options.json) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    status = res.statusCode;
    text = await res.body.text();
  } catch (e) {
    throw failures.transport(path, (e as Error).message);
  }
  if (status >= 500) throw failures.transport(path, `HTTP ${status}`);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw failures.transport(path, `HTTP ${status}, body is not JSON`);
  }
  const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
  if (errcode !== 0) {
    const errmsg = typeof body.errmsg === 'string' ? body.errmsg : '';
    logger.warn(`${path} errcode=${errcode} errmsg=${errmsg}`);
    throw failures.api(errcode, errmsg, path);
  }
  return body;
}
