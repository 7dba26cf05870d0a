import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Request } from 'express';
import { AppError } from '../errors/app-error';
import { STAFF_ROLES, StaffRole } from '@yizhan/shared';
import type { AuthContext } from './auth-context';
import { AUTH_RULE, AuthRule } from './decorators';
import { staffAccessIsCurrent } from './staff-access';

export const QUERY_TOKEN_ALLOWED = 'yizhan:query-token';

interface TokenClaims {
  typ: 'staff' | 'resident';
  sub: string;
  name?: string;
  roles?: string[];
  cids?: string[];
  oid?: string;
  /** Staff: the staff row's access_version when the token was issued. */
  av?: number;
}

/**
 * The one gate every route passes. A route without a rule needs a signed-in caller:
 * forgetting a decorator fails closed, never open.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AuthRule | undefined>(AUTH_RULE, [context.getHandler(), context.getClass()]) ?? { kind: 'any' };
    if (rule.kind === 'public') return true;

    const req = context.switchToHttp().getRequest<Request & { auth?: AuthContext }>();
    const allowQuery = this.reflector.get<boolean | undefined>(QUERY_TOKEN_ALLOWED, context.getHandler());
    const token = bearer(req) ?? (allowQuery && typeof req.query.access_token === 'string' ? req.query.access_token : null);
    if (!token) throw new AppError('UNAUTHENTICATED', '请先登录');

    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch (e) {
      if (e instanceof TokenExpiredError) throw new AppError('TOKEN_EXPIRED', '登录已过期，请重新登录');
      throw new AppError('UNAUTHENTICATED', '登录状态无效，请重新登录');
    }
    const auth = toAuth(claims);
    if (!auth) throw new AppError('UNAUTHENTICATED', '登录状态无效，请重新登录');
    if (auth.kind === 'resident') {
      // A resident who erased their data (PIPL) ends every session at once (one primary-key read).
      const [row] = await this.dataSource.query('SELECT erased_at AS erasedAt FROM residents WHERE id = ?', [auth.residentId]);
      if (!row || row.erasedAt) throw new AppError('UNAUTHENTICATED', '登录状态无效，请重新登录');
    } else {
      // A deactivated account, or one whose roles, communities or password changed, is
      // refused at once rather than when its token expires. The admin pages answer a 401
      // with a refresh, which issues a token with the new roles and communities, or ends
      // the session of a deactivated account.
      if (!(await staffAccessIsCurrent(this.dataSource, auth.staffId, auth.accessVersion))) {
        throw new AppError('UNAUTHENTICATED', '您的账号权限已变更，请重新登录');
      }
    }
    req.auth = auth;

    if (rule.kind === 'resident' && auth.kind !== 'resident') throw new AppError('FORBIDDEN', '此功能仅供业主使用');
    if (rule.kind === 'staff') {
      if (auth.kind !== 'staff') throw new AppError('FORBIDDEN', '此功能仅供物业工作人员使用');
      if (rule.roles && !auth.roles.some((r) => rule.roles!.includes(r))) {
        throw new AppError('FORBIDDEN', '您的角色无权进行此操作');
      }
    }
    return true;
  }
}

function bearer(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const [scheme, value] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value : null;
}

function toAuth(c: TokenClaims): AuthContext | null {
  if (c.typ === 'resident' && typeof c.sub === 'string' && typeof c.oid === 'string') {
    return { kind: 'resident', residentId: c.sub, openid: c.oid };
  }
  if (c.typ === 'staff' && typeof c.sub === 'string' && Array.isArray(c.roles) && Array.isArray(c.cids)) {
    return {
      kind: 'staff',
      staffId: c.sub,
      name: c.name ?? '',
      roles: c.roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r)),
      communityIds: c.cids,
      accessVersion: typeof c.av === 'number' ? c.av : 0,
    };
  }
  return null;
}
