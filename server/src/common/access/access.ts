import type { AuthContext, StaffAuth } from '../auth/auth-context';
import { AppError, notFound } from '../errors/app-error';

/**
 * Who may see what — the one place community scoping lives (DESIGN.md §4):
 * residents see their own requests; staff see their communities; admins see every
 * community; staff who are only technicians see what was dispatched to them (or what
 * they created themselves, since the creator owns it).
 */

export function isAdmin(auth: AuthContext): boolean {
  return auth.kind === 'staff' && auth.roles.includes('admin');
}

/** Staff whose only role is technician: their view is limited to their own jobs. */
export function isTechnicianOnly(auth: AuthContext): boolean {
  return auth.kind === 'staff' && auth.roles.every((r) => r === 'technician');
}

/** Communities a staff member may read, or 'all' for admins. */
export function communityScope(auth: StaffAuth): string[] | 'all' {
  return isAdmin(auth) ? 'all' : auth.communityIds;
}

export function inCommunity(auth: StaffAuth, communityId: string): boolean {
  const scope = communityScope(auth);
  return scope === 'all' || scope.includes(String(communityId));
}

/** For things addressed by id: outside the caller's communities they do not exist (404, not 403). */
export function requireCommunity(auth: AuthContext, communityId: string, what = '记录'): void {
  if (auth.kind !== 'staff' || !inCommunity(auth, communityId)) throw notFound(what);
}

/** For a community named in a query or a body: say plainly that it is not theirs. */
export function requireCommunityParam(auth: StaffAuth, communityId: string): void {
  if (!inCommunity(auth, communityId)) throw new AppError('FORBIDDEN', '您不属于该小区，无法操作');
}

export interface TicketVisibility {
  communityId: string;
  residentId: string | null;
  ownerId: string | null;
  assigneeId: string | null;
  createdByStaffId: string | null;
}

export function canSeeTicket(auth: AuthContext, t: TicketVisibility): boolean {
  if (auth.kind === 'resident') return t.residentId !== null && String(t.residentId) === auth.residentId;
  if (!inCommunity(auth, t.communityId)) return false;
  if (isTechnicianOnly(auth)) {
    return [t.assigneeId, t.ownerId, t.createdByStaffId].some((id) => id !== null && String(id) === auth.staffId);
  }
  return true;
}
