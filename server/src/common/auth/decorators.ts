import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import type { StaffRole } from '@yizhan/shared';
import type { AuthContext, RequestMeta } from './auth-context';

export const AUTH_RULE = 'yizhan:auth-rule';
export type AuthRule = { kind: 'public' } | { kind: 'any' } | { kind: 'resident' } | { kind: 'staff'; roles?: StaffRole[] };

/** No token needed. */
export const Public = () => SetMetadata(AUTH_RULE, { kind: 'public' } satisfies AuthRule);
/** Any signed-in caller, resident or staff. */
export const Authenticated = () => applyDecorators(SetMetadata(AUTH_RULE, { kind: 'any' } satisfies AuthRule), ApiBearerAuth());
export const ResidentOnly = () => applyDecorators(SetMetadata(AUTH_RULE, { kind: 'resident' } satisfies AuthRule), ApiBearerAuth());
/** Staff; with roles, at least one of them. */
export const StaffOnly = (...roles: StaffRole[]) =>
  applyDecorators(SetMetadata(AUTH_RULE, { kind: 'staff', roles: roles.length ? roles : undefined } satisfies AuthRule), ApiBearerAuth());

export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  return ctx.switchToHttp().getRequest().auth as AuthContext;
});

export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => {
  const req = ctx.switchToHttp().getRequest();
  const key = req.headers?.['idempotency-key'];
  return { ip: (req.ip as string | undefined) ?? null, ...(typeof key === 'string' && key !== '' ? { idempotencyKey: key } : {}) };
});
