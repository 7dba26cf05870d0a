import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule, Params } from 'nestjs-pino';
import { stdTimeFunctions, type DestinationStream, type Level, type LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';
import pretty from 'pino-pretty';
import type { AppConfig } from '../config/app-config';

/**
 * Structured logs (pino via nestjs-pino): one JSON object per line in production, a readable
 * line in development (LOG_FORMAT=pretty). Every line written while a request is handled carries
 * its request id (`reqId`), taken from an incoming X-Request-Id (a proxy's or the client's) or made
 * here, and sent back in the X-Request-Id response header so a user's report can be matched to
 * the server's lines. Nest's own `new Logger('Context')` calls go through the same logger
 * (app.useLogger in app.factory.ts), so nothing in the modules changes.
 *
 * Secrets and personal data stay out: credentials and phone fields are redacted by path, and
 * mainland mobile numbers inside messages are masked (138****8000), as the admin pages show them.
 */

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A caller's id is kept only if it is short and plain, so it cannot forge or flood log lines. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** An 11-digit mainland mobile number standing alone (not part of a longer number, e.g. a timestamp). */
const MOBILE_IN_TEXT = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export function maskPhonesInText(text: string): string {
  return text.replace(MOBILE_IN_TEXT, '$1****$2');
}

/** Field names whose values never reach a log, at the top level and up to two levels down. */
const SECRET_FIELDS = [
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'authorization',
  'cookie',
  'phone',
  'encodingAESKey',
  'sessionKey',
  'session_key',
];
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
];

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** Masks mobile numbers in the strings a log call is given (message, and an object's top-level strings). */
function maskArgs(args: unknown[]): unknown[] {
  return args.map((arg) => {
    if (typeof arg === 'string') return maskPhonesInText(arg);
    if (arg && typeof arg === 'object' && !Array.isArray(arg) && !(arg instanceof Error)) {
      const copy: Record<string, unknown> = { ...(arg as Record<string, unknown>) };
      for (const [key, value] of Object.entries(copy)) if (typeof value === 'string') copy[key] = maskPhonesInText(value);
      return copy;
    }
    return arg;
  });
}

/**
 * Nest's logger levels (the `logger` option of createApp, e.g. ['error'] in the tests) as the
 * lowest pino level to write; undefined: the configured LOG_LEVEL.
 */
export function pinoLevel(nestLevels: false | string[] | undefined, configured: Level): LevelWithSilent {
  if (nestLevels === false) return 'silent';
  if (!nestLevels) return configured;
  for (const [nest, pino] of [
    ['verbose', 'trace'],
    ['debug', 'debug'],
    ['log', 'info'],
    ['warn', 'warn'],
    ['error', 'error'],
    ['fatal', 'fatal'],
  ] as const) {
    if (nestLevels.includes(nest)) return pino;
  }
  return 'silent';
}

export function loggerParams(config: AppConfig, level: LevelWithSilent): Params {
  const destination: DestinationStream | undefined =
    config.log.format === 'pretty'
      ? pretty({
          colorize: process.stdout.isTTY === true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname,context,reqId,req,res,responseTime',
          messageFormat: '{if context}[{context}] {end}{msg}{if reqId}  ‹{reqId}›{end}',
          sync: true,
        })
      : undefined;
  return {
    // Every route, in Nest 11's path syntax (nestjs-pino's default '*' is the deprecated form).
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: withDestination(
      {
        level,
        timestamp: stdTimeFunctions.isoTime,
        genReqId: requestId,
        // Lines written during a request carry only its id, not the whole request again.
        quietReqLogger: true,
        redact: { paths: REDACT_PATHS, censor: '[redacted]' },
        hooks: {
          logMethod(args, method) {
            method.apply(this, maskArgs(args) as Parameters<typeof method>);
          },
        },
        serializers: {
          // What the access line needs; headers (credentials, cookies) are left out altogether.
          req: (req: { id: string; method: string; url: string; remoteAddress?: string; headers?: Record<string, string> }) => ({
            id: req.id,
            method: req.method,
            url: maskPhonesInText(req.url),
            remoteAddress: req.remoteAddress,
            userAgent: req.headers?.['user-agent'],
          }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        // Load balancers ask for /health every few seconds; those lines would drown the rest.
        autoLogging: { ignore: (req) => (req.url ?? '').endsWith('/health') },
        // Server errors are logged with their stack by HttpExceptionFilter; the access line is a warning.
        customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'warn' : 'info'),
        customSuccessMessage: (req, res, ms) => `${req.method} ${maskPhonesInText(req.url ?? '')} ${res.statusCode} ${Math.round(ms)} ms`,
        customErrorMessage: (req, res, err) => `${req.method} ${maskPhonesInText(req.url ?? '')} ${res.statusCode} failed: ${err.message}`,
      },
      destination,
    ),
  };
}

function withDestination(options: Options, destination: DestinationStream | undefined): Params['pinoHttp'] {
  return destination ? [options, destination] : options;
}

export function loggingModule(config: AppConfig, level: LevelWithSilent) {
  return LoggerModule.forRoot(loggerParams(config, level));
}
