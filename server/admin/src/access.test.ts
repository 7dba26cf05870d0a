import { describe, expect, it } from 'vitest';
import { accessFor } from './access';
import { homePathFor, menuFor } from './routes';

const labels = (roles: Parameters<typeof accessFor>[0]) => menuFor(accessFor(roles)).flatMap((g) => g.items.map((r) => r.menu!.label));

describe('access map: what each role sees in the menu', () => {
  it('an agent gets the desk, tickets, intake and binding review, but no supervisor or admin pages', () => {
    const menu = labels(['agent']);
    expect(menu).toEqual(expect.arrayContaining(['我的工作台', '工单列表', '电话/来访登记', '房屋绑定审核']));
    expect(menu).not.toContain('值班排班');
    expect(menu).not.toContain('数据看板');
    expect(menu).not.toContain('员工账号');
    expect(homePathFor(accessFor(['agent']))).toBe('/desk');
  });

  it('a technician lands on their job list and cannot open the ticket list or the roster', () => {
    const access = accessFor(['technician']);
    expect(labels(['technician'])).toContain('我的维修任务');
    expect(access.canSeeTickets).toBe(false);
    expect(access.canEditRoster).toBe(false);
    expect(access.canOpenTicket).toBe(true);
    expect(homePathFor(access)).toBe('/jobs');
  });

  it('a supervisor edits the roster and SLA, sees escalations and the dashboard, and may transfer ownership', () => {
    const access = accessFor(['supervisor']);
    expect(access).toMatchObject({ canEditRoster: true, canEditSla: true, canSeeEscalations: true, canSeeDashboard: true, canTransfer: true, canExport: true });
    expect(access.canManageStaff).toBe(false);
    expect(homePathFor(access)).toBe('/tickets');
  });

  it('only an admin manages communities, staff, the catalogue and reads the audit log', () => {
    const admin = accessFor(['admin']);
    expect(admin).toMatchObject({ canManageCommunities: true, canManageStaff: true, canManageCatalogue: true, canSeeAuditLog: true });
    for (const role of ['agent', 'technician', 'supervisor'] as const) {
      expect(accessFor([role]).canManageStaff).toBe(false);
    }
    expect(labels(['admin'])).toEqual(expect.arrayContaining(['小区与房屋', '员工账号', '服务项目', '操作日志']));
  });

  it('roles add up: an agent who is also a supervisor gets both menus', () => {
    const menu = labels(['agent', 'supervisor']);
    expect(menu).toEqual(expect.arrayContaining(['我的工作台', '值班排班', '超时督办']));
  });

  it('no roles: nothing at all', () => {
    const access = accessFor([]);
    expect(Object.values(access).every((v) => v === false)).toBe(true);
    expect(homePathFor(access)).toBeNull();
  });
});

describe('通知设置', () => {
  it('every staff member has it, last in the menu, and nobody lands on it after signing in', () => {
    for (const role of ['agent', 'technician', 'supervisor', 'admin'] as const) {
      expect(labels([role]).at(-1)).toBe('通知设置');
      expect(homePathFor(accessFor([role]))).not.toBe('/settings/notify');
    }
    expect(accessFor([]).canEditOwnNotices).toBe(false);
  });
});
