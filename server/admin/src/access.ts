import type { StaffRole } from '@yizhan/shared';

/**
 * The one access map. Routes, menu entries and buttons ask these booleans; no page
 * looks at role names itself. The server checks again — this only decides what to show.
 */
export interface Access {
  /** Agent's desk: own tickets, the pool to claim, live alerts. */
  canSeeDesk: boolean;
  canClaim: boolean;
  /** Register phone / walk-in / patrol requests on a resident's behalf. */
  canIntake: boolean;
  canSeeTickets: boolean;
  /** Technician's job list (mobile). */
  canSeeJobs: boolean;
  canEditRoster: boolean;
  canEditSla: boolean;
  canSeeEscalations: boolean;
  canTransfer: boolean;
  canSeeDashboard: boolean;
  canExport: boolean;
  canManageCommunities: boolean;
  canManageStaff: boolean;
  canManageCatalogue: boolean;
  canReviewBindings: boolean;
  canSeeAuditLog: boolean;
  /** Declare, update and resolve incidents (停水停电 …). */
  canManageIncidents: boolean;
  /** Publish announcements (公告) and see their read counts. */
  canManageAnnouncements: boolean;
  canRevealPhone: boolean;
  /** Open a ticket's page (the server still hides tickets the person may not see). */
  canOpenTicket: boolean;
  /** Receive live events (new, urgent, overdue work). */
  canReceiveAlerts: boolean;
  /** Own notice settings: WeCom binding, kinds, quiet hours (every staff member). */
  canEditOwnNotices: boolean;
  /** 收费与对账: the unpaid queue and the price list (office staff, admins); statements for supervisors and admins. */
  canSeePayments: boolean;
}

export type AccessKey = keyof Access;

export function accessFor(roles: readonly StaffRole[] | null | undefined): Access {
  const has = (role: StaffRole) => roles?.includes(role) ?? false;
  const agent = has('agent');
  const technician = has('technician');
  const supervisor = has('supervisor');
  const admin = has('admin');
  const office = agent || supervisor;
  return {
    canSeeDesk: agent,
    canClaim: agent,
    // Rule 1 of 首问负责制: whoever takes the call owns it, whatever their role.
    canIntake: agent || supervisor || technician,
    canSeeTickets: office || admin,
    canSeeJobs: technician,
    canEditRoster: supervisor,
    canEditSla: supervisor,
    canSeeEscalations: supervisor,
    canTransfer: supervisor,
    canSeeDashboard: supervisor,
    canExport: supervisor,
    canManageCommunities: admin,
    canManageStaff: admin,
    canManageCatalogue: admin,
    canReviewBindings: agent,
    canSeeAuditLog: admin,
    canManageIncidents: office || admin,
    canManageAnnouncements: office || admin,
    canRevealPhone: office || technician,
    canOpenTicket: office || technician || admin,
    canReceiveAlerts: office || technician,
    canEditOwnNotices: (roles?.length ?? 0) > 0,
    canSeePayments: office || admin,
  };
}
