import { Writable } from 'node:stream';
import pino from 'pino';
import type { Options } from 'pino-http';
import { loadConfig } from '../config/app-config';
import { loggerParams, maskPhonesInText, pinoLevel } from './logging';

/** The pino options the app runs with, writing JSON lines into an array. */
function capture(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const params = loggerParams(loadConfig({ NODE_ENV: 'test', LOG_FORMAT: 'json' }), 'info');
  const { redact, hooks, timestamp } = params.pinoHttp as Options;
  return { logger: pino({ redact, hooks, timestamp }, stream), lines: () => chunks.map((c) => JSON.parse(c)) };
}

describe('logging', () => {
  it('masks mainland mobile numbers standing alone, not longer numbers', () => {
    expect(maskPhonesInText('resident 13800138000 called')).toBe('resident 138****8000 called');
    expect(maskPhonesInText('?phone=15912345678&x=1')).toBe('?phone=159****5678&x=1');
    // A millisecond timestamp and a 12-digit id keep their digits.
    expect(maskPhonesInText('at 1796619210315, id 138001380001')).toBe('at 1796619210315, id 138001380001');
  });

  it('keeps credentials and phone fields out of log lines, and masks numbers in messages', () => {
    const { logger, lines } = capture();
    logger.info({ password: 'hunter2', phone: '13800138000', resident: { phone: '13900139000', name: '张' } }, 'bound 13700137000');
    logger.info({ req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1' } }, token: 'jwt' }, 'with headers');
    const [first, second] = lines();
    expect(first).toMatchObject({ password: '[redacted]', phone: '[redacted]', resident: { phone: '[redacted]', name: '张' }, msg: 'bound 137****7000' });
    expect(second).toMatchObject({ req: { headers: { authorization: '[redacted]', cookie: '[redacted]' } }, token: '[redacted]' });
    expect(JSON.stringify(lines())).not.toMatch(/hunter2|13800138000|13900139000|Bearer abc/);
  });

  it("turns Nest's logger levels (createApp's option) into pino's lowest level", () => {
    expect(pinoLevel(['error'], 'info')).toBe('error');
    expect(pinoLevel(['log', 'warn', 'error'], 'debug')).toBe('info');
    expect(pinoLevel(false, 'info')).toBe('silent');
    expect(pinoLevel(undefined, 'warn')).toBe('warn');
  });
});
