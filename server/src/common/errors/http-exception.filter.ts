import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import type { ErrorBody, ErrorCode } from './app-error';
import { isDuplicateKey } from '../../database/sql';

const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'POOL_CLOSED',
]);

const STATUS_DEFAULTS: Record<number, { code: ErrorCode; message: string }> = {
  400: { code: 'VALIDATION_FAILED', message: '请求有误，请检查后重试' },
  401: { code: 'UNAUTHENTICATED', message: '请先登录' },
  403: { code: 'FORBIDDEN', message: '您没有权限进行此操作' },
  404: { code: 'NOT_FOUND', message: '请求的内容不存在' },
  405: { code: 'NOT_FOUND', message: '请求的内容不存在' },
  409: { code: 'CONFLICT', message: '操作冲突，请刷新后重试' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容太大了' },
  415: { code: 'UNSUPPORTED_MEDIA', message: '不支持的内容格式' },
  429: { code: 'RATE_LIMITED', message: '操作太频繁了，请稍后再试' },
  503: { code: 'DB_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' },
};

/**
 * Turns every failure into `{statusCode, code, message}`. Bad input can never surface
 * as a 500: body-parser errors, oversized bodies and malformed values all map to 4xx;
 * only genuine server faults are 500, and those are logged with their stack.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (res.headersSent) return;
    if (body.statusCode === 429 && !res.getHeader('Retry-After')) res.setHeader('Retry-After', '60');
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'code' in response) {
        return response as ErrorBody;
      }
      // Nest turns body-parser's SyntaxError into a plain BadRequestException(err.message).
      if (status === 400 && /JSON/.test(exception.message)) {
        return { statusCode: 400, code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' };
      }
      const fallback = STATUS_DEFAULTS[status] ?? { code: 'INTERNAL_ERROR' as const, message: '服务出错了，请稍后再试' };
      return { statusCode: status, code: fallback.code, message: fallback.message };
    }
    const err = exception as { type?: string; status?: number; code?: string; errno?: number; message?: string };
    // body-parser reports malformed JSON and oversized bodies as plain errors with a status.
    if (err?.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' };
    }
    if (err?.type === 'entity.too.large') {
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: '提交的内容太大了' };
    }
    if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      const fallback = STATUS_DEFAULTS[err.status] ?? STATUS_DEFAULTS[400]!;
      return { statusCode: err.status, code: fallback.code, message: fallback.message };
    }
    if (isDatabaseDown(exception)) {
      this.logger.warn(`database unavailable: ${err?.code ?? err?.message}`);
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, code: 'DB_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' };
    }
    if (exception instanceof QueryFailedError && isDuplicateKey(exception)) {
      return { statusCode: 409, code: 'ALREADY_EXISTS', message: '该记录已存在' };
    }
    this.logger.error(err?.message ?? String(exception), (exception as Error)?.stack);
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: '服务出错了，请稍后再试' };
  }
}

export function isDatabaseDown(exception: unknown): boolean {
  const err = exception as { code?: string; driverError?: { code?: string }; message?: string };
  const code = err?.code ?? err?.driverError?.code;
  if (code && DB_DOWN_CODES.has(code)) return true;
  return /connect ECONNREFUSED|Connection lost|Pool is closed|Can't add new command when connection is in closed state/.test(err?.message ?? '');
}
