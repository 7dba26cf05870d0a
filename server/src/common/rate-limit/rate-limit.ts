import { ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModuleOptions, seconds } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import type { AppConfig } from '../config/app-config';
import { DatabaseThrottlerStorage } from './database-throttler-storage';

const RATE_CLASS = 'yizhan:rate-class';
type RateClass = 'login' | 'write';

/** Sign-in routes: counted per IP (the caller is not known yet). */
export const LoginLimit = () => SetMetadata(RATE_CLASS, 'login' satisfies RateClass);
/** Writes that cost (submissions, uploads, urges): counted per signed-in caller. */
export const WriteLimit = () => SetMetadata(RATE_CLASS, 'write' satisfies RateClass);

const rateClassOf = (context: ExecutionContext): RateClass | undefined => Reflect.getMetadata(RATE_CLASS, context.getHandler());

/**
 * Rate limits (DESIGN.md §4): a general ceiling on every route, and tighter ones on
 * the routes marked LoginLimit / WriteLimit. Counted in the database (one limit for
 * all instances) or in this process (`RATE_LIMIT_STORE`); a 429 carries Retry-After.
 *
 * Every limit counts per route and caller over the same minute, so on a route with a
 * tighter limit the general one can never be the one that refuses: it is not counted
 * there (one counter write per submission, not two).
 */
export function throttlerOptions(config: AppConfig, dataSource: DataSource): ThrottlerModuleOptions {
  const { general, login, write } = config.rateLimits;
  const tighter = (c: ExecutionContext) => {
    const rateClass = rateClassOf(c);
    return rateClass === 'login' ? login <= general : rateClass === 'write' ? write <= general : false;
  };
  return {
    storage: config.rateLimits.store === 'database' ? new DatabaseThrottlerStorage(dataSource) : undefined,
    throttlers: [
      { name: 'general', ttl: seconds(60), limit: general, skipIf: tighter },
      { name: 'login', ttl: seconds(60), limit: login, skipIf: (c) => rateClassOf(c) !== 'login' },
      { name: 'write', ttl: seconds(60), limit: write, skipIf: (c) => rateClassOf(c) !== 'write' },
    ],
    errorMessage: '操作太频繁了，请稍后再试',
  };
}

/** Counts per signed-in caller (set by the auth guard, which runs first), per IP before sign-in. */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const auth = req.auth as AuthContext | undefined;
    if (auth) return auth.kind === 'staff' ? `staff:${auth.staffId}` : `resident:${auth.residentId}`;
    return `ip:${String(req.ip ?? 'unknown')}`;
  }
}
