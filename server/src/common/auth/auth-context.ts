import type { Actor, StaffRole } from '@yizhan/shared';

export interface ResidentAuth {
  kind: 'resident';
  residentId: string;
  openid: string;
}
export interface StaffAuth {
  kind: 'staff';
  staffId: string;
  name: string;
  roles: StaffRole[];
  /** Communities the staff member works in; admins see every community. */
  communityIds: string[];
  /** The account's staff.access_version when the token was issued (see staff-access.ts). */
  accessVersion: number;
}
/** The caller, first argument of every service method (STYLE.md habit 2). */
export type AuthContext = ResidentAuth | StaffAuth;

export interface RequestMeta {
  ip: string | null;
  /**
   * The request's Idempotency-Key header, if any. Ticket actions honour it (the
   * mini-program's staff side queues actions taken without signal and sends each with
   * its key until it gets an answer); it is validated where it is used.
   */
  idempotencyKey?: string;
}

export function actorOf(auth: AuthContext): Actor {
  return auth.kind === 'resident' ? { kind: 'resident', id: auth.residentId } : { kind: 'staff', id: auth.staffId, roles: auth.roles };
}
