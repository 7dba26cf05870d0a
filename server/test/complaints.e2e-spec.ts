import { resolveDeadline } from '../src/modules/sla/working-days';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/** Issue #18 (5): complaint depth (投诉处理) — routing to a supervisor, levels and limits, finding, investigation, formal reply, statistics. */
describe('complaints', () => {
  let t: TestApp;
  let w: World;
  let c: Awaited<ReturnType<World['community']>>;
  let agent: { id: string; token: string };
  let agent2: { id: string; token: string };
  let boss: { id: string; token: string };
  let boss2: { id: string; token: string };
  let resident: { id: string; token: string };
  const HOUR = 3600_000;
  const complaint = (extra: Record<string, unknown> = {}) => ({
    type: 'complaint',
    roomId: c.roomA.id,
    category: '环境卫生',
    description: '楼道垃圾三天没人清理',
    contactPhone: '13812341234',
    ...extra,
  });
  const inbox = async (token: string) => (await w.ok(token, 'get', '/notices?limit=100')).items as { kind: string; body: string; ticketId: string | null }[];

  beforeAll(async () => {
    t = await startTestApp('complaints');
    w = new World(t);
    c = await w.community();
    agent = await w.staff('cp_agent', ['agent'], [c.id], { name: '李敏' });
    agent2 = await w.staff('cp_agent2', ['agent'], [c.id], { name: '周洁' });
    boss = await w.staff('cp_boss', ['supervisor'], [c.id], { name: '陈主管' });
    boss2 = await w.staff('cp_boss2', ['supervisor'], [c.id], { name: '林主管' });
    await w.onDuty(c.id, null, agent.id);
    resident = await w.resident('cp_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
  });
  afterAll(() => t.close());

  it('sends a complaint about a named agent to a supervisor, never to that agent, and keeps them from taking it', async () => {
    const tk = await w.ok(resident.token, 'post', '/tickets', complaint({ category: '其他', description: '客服李敏接电话时很不耐烦', subjectName: '李敏' }));
    // The agent on duty would have had it; a supervisor (the less loaded, lowest id) has it instead.
    expect(tk.owner.id).toBe(boss.id);
    expect(tk.complaint).toMatchObject({
      subjectName: '李敏',
      aboutStaff: true,
      formalReply: null,
      level: null,
      validity: null,
      subjectStaffId: null,
      investigations: [],
    });
    const staffView = await w.ok(boss.token, 'get', `/tickets/${tk.id}`);
    expect(staffView.complaint).toMatchObject({ subjectStaffId: agent.id, level: 'general', aboutStaff: true });
    expect(staffView.events.map((e: { type: string }) => e.type)).toEqual(['created', 'routed']);
    expect(staffView.events[1].note).toContain('客服主管');

    // Nobody may make the agent its owner, its investigator or its handler.
    const transfer = await w.as(boss.token, 'post', `/tickets/${tk.id}/transfer`, { toStaffId: agent.id, reason: '人手不够' });
    expect(transfer.status).toBe(409);
    expect(transfer.body.code).toBe('SUBJECT_OF_COMPLAINT');
    // Nor another agent: a complaint about a person stays with the supervisors.
    expect((await w.as(boss.token, 'post', `/tickets/${tk.id}/transfer`, { toStaffId: agent2.id, reason: '人手不够' })).body.code).toBe('INVALID_STAFF');
    await w.ok(boss.token, 'post', `/tickets/${tk.id}/accept`, {});
    const investigate = await w.as(boss.token, 'post', `/tickets/${tk.id}/investigations`, {
      assigneeId: agent.id,
      task: '说明情况',
      dueAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    });
    expect(investigate.status).toBe(409);
    expect(investigate.body.code).toBe('SUBJECT_OF_COMPLAINT');
    // Another supervisor may take it over.
    expect((await w.ok(boss.token, 'post', `/tickets/${tk.id}/transfer`, { toStaffId: boss2.id, reason: '回避' })).owner.id).toBe(boss2.id);
  });

  it('sends 服务态度 complaints to a supervisor too, and lets only a supervisor other than the person claim one from the pool', async () => {
    const c2 = await w.community('松风苑');
    const a = await w.staff('cp2_agent', ['agent'], [c2.id], { name: '赵强' });
    const res2 = await w.resident('cp2_res', { roomId: c2.roomA.id, name: '张伟', phone: '13812341234' });
    // No supervisor in this community yet: it waits in the pool.
    const tk = await w.ok(res2.token, 'post', '/tickets', { ...complaint({ roomId: c2.roomA.id, category: '服务态度', description: '保安态度恶劣' }) });
    expect(tk.owner).toBeNull();
    const claim = await w.as(a.token, 'post', `/tickets/${tk.id}/claim`);
    expect(claim.status).toBe(403);
    // A supervisor named in it cannot claim it either.
    const sup = await w.staff('cp2_sup', ['agent', 'supervisor'], [c2.id], { name: '钱主管' });
    const named = await w.ok(
      res2.token,
      'post',
      '/tickets',
      complaint({ roomId: c2.roomA.id, category: '其他', description: '钱主管答应的事没办', subjectName: '钱主管' }),
    );
    expect(named.owner).toBeNull();
    expect((await w.as(sup.token, 'post', `/tickets/${named.id}/claim`)).body.code).toBe('SUBJECT_OF_COMPLAINT');
    expect((await w.ok(sup.token, 'post', `/tickets/${tk.id}/claim`)).owner.id).toBe(sup.id);
  });

  it('requires the formal reply (结果 + 整改措施) before a complaint is resolved, and the resident reads it', async () => {
    const tk = await w.ok(resident.token, 'post', '/tickets', complaint());
    expect(tk.owner.id).toBe(agent.id);
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`, {});
    const early = await w.as(agent.token, 'post', `/tickets/${tk.id}/resolve`, { note: '已清理' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'FORMAL_REPLY_REQUIRED' });
    expect(early.body.message).toContain('正式答复');
    // Only the owner gives it; the fields are both required.
    expect((await w.as(agent2.token, 'post', `/tickets/${tk.id}/formal-reply`, { result: '已清理', measures: '每日两次巡查' })).status).toBe(403);
    expect((await w.as(agent.token, 'post', `/tickets/${tk.id}/formal-reply`, { result: '已清理' })).status).toBe(400);
    const replied = await w.ok(agent.token, 'post', `/tickets/${tk.id}/formal-reply`, {
      result: '楼道垃圾已清运完毕',
      measures: '保洁每日两次巡查，主管每周抽查',
    });
    expect(replied.complaint.formalReply).toMatchObject({ result: '楼道垃圾已清运完毕', measures: '保洁每日两次巡查，主管每周抽查' });
    const resolved = await w.ok(agent.token, 'post', `/tickets/${tk.id}/resolve`, { note: '已答复业主' });
    expect(resolved.status).toBe('resolved');

    const mine = await w.ok(resident.token, 'get', `/tickets/${tk.id}`);
    expect(mine.complaint.formalReply).toMatchObject({ result: '楼道垃圾已清运完毕', measures: '保洁每日两次巡查，主管每周抽查' });
    const reply = mine.events.find((e: { type: string }) => e.type === 'formally_replied');
    expect(reply.note).toBe('处理结果：楼道垃圾已清运完毕\n整改措施：保洁每日两次巡查，主管每周抽查');
    expect((await inbox(resident.token)).find((n) => n.ticketId === tk.id && n.kind === 'replied')?.body).toContain('整改措施');
    // Another type needs no formal reply.
    const repair = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id, { contactPhone: '13812341234' }));
    await w.ok(agent.token, 'post', `/tickets/${repair.id}/accept`, {});
    expect((await w.ok(agent.token, 'post', `/tickets/${repair.id}/resolve`, { note: '已修好' })).status).toBe('resolved');
    expect((await w.as(agent.token, 'post', `/tickets/${repair.id}/formal-reply`, { result: 'x', measures: 'y' })).status).toBe(409);
  });

  it('gives 重大 complaints their own limits (48 h), set at intake or by the owner, editable per community', async () => {
    const general = await w.ok(resident.token, 'post', '/tickets', complaint());
    // 一般: the result within 7 working days.
    expect(general.deadlines.resolveBy).toBe(
      resolveDeadline({ resolveWithinSec: 7 * 24 * 3600, resolveWorkingDays: 7 }, new Date(general.createdAt)).toISOString(),
    );
    // A resident cannot set the level.
    expect((await w.as(resident.token, 'post', '/tickets', complaint({ complaintLevel: 'major' }))).status).toBe(400);
    // Phone intake sets it: 重大, a first answer within 2 h and the matter handled within 48 h.
    const major = await w.ok(agent.token, 'post', '/tickets', complaint({ channel: 'phone', complaintLevel: 'major', description: '电梯困人半小时无人处理' }));
    expect(new Date(major.deadlines.resolveBy).getTime() - new Date(major.createdAt).getTime()).toBe(48 * HOUR);
    expect(new Date(major.deadlines.respondBy).getTime() - new Date(major.createdAt).getTime()).toBe(2 * HOUR);
    expect(major.complaint.level).toBe('major');

    // The owner raises a general complaint to 重大: its limits follow, from its creation.
    const graded = await w.ok(agent.token, 'post', `/tickets/${general.id}/grade`, { level: 'major', reason: '涉及多户' });
    expect(graded.complaint.level).toBe('major');
    expect(new Date(graded.deadlines.resolveBy).getTime() - new Date(general.createdAt).getTime()).toBe(48 * HOUR);
    expect(graded.events.at(-1)).toMatchObject({ type: 'graded', visibility: 'internal', publicNote: null });
    expect((await w.as(agent.token, 'post', `/tickets/${general.id}/grade`, { level: 'major' })).status).toBe(400);
    // Staff-only: the resident sees neither the level nor the grading.
    const seen = await w.ok(resident.token, 'get', `/tickets/${general.id}`);
    expect(seen.complaint.level).toBeNull();
    expect(seen.events.map((e: { type: string }) => e.type)).not.toContain('graded');

    // The SLA page: 重大 has its own rows; saving them leaves 一般's working-day limit alone.
    const policies = await w.ok(boss.token, 'get', `/admin/sla-policies?communityId=${c.id}`);
    const rows = policies.items.filter((p: { type: string }) => p.type === 'complaint');
    expect(rows.map((p: { priority: string; level: string }) => `${p.level}/${p.priority}`)).toEqual([
      'general/normal',
      'general/urgent',
      'major/normal',
      'major/urgent',
    ]);
    expect(rows[0]).toMatchObject({ resolveWorkingDays: 7, isDefault: true });
    expect(rows[2]).toMatchObject({ resolveWithinSec: 48 * 3600, resolveWorkingDays: null, isDefault: true });
    const saved = await w.ok(boss.token, 'post', '/admin/sla-policies', {
      communityId: c.id,
      type: 'complaint',
      priority: 'normal',
      level: 'major',
      respondWithinSec: 3600,
      onsiteWithinSec: null,
      resolveWithinSec: 24 * 3600,
      confirmWithinSec: 259200,
      revisitWithinSec: 86400,
    });
    expect(saved).toMatchObject({ level: 'major', resolveWithinSec: 24 * 3600, isDefault: false });
    const after = (await w.ok(boss.token, 'get', `/admin/sla-policies?communityId=${c.id}`)).items.filter((p: { type: string }) => p.type === 'complaint');
    expect(after[0]).toMatchObject({ resolveWorkingDays: 7, isDefault: true });
    const next = await w.ok(agent.token, 'post', '/tickets', complaint({ channel: 'phone', complaintLevel: 'major' }));
    expect(new Date(next.deadlines.resolveBy).getTime() - new Date(next.createdAt).getTime()).toBe(24 * HOUR);
    expect(
      (
        await w.as(boss.token, 'post', '/admin/sla-policies', {
          ...saved,
          id: undefined,
          isDefault: undefined,
          communityId: c.id,
          type: 'repair',
          level: 'major',
        })
      ).status,
    ).toBe(400);
  });

  it('runs an investigation task for another person or department (staff only), the owner staying owner, and records the finding', async () => {
    const tk = await w.ok(resident.token, 'post', '/tickets', complaint({ category: '噪音', description: '隔壁装修周末施工' }));
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`, {});
    const dueAt = new Date(Date.now() + 24 * HOUR).toISOString();
    const given = await w.ok(agent.token, 'post', `/tickets/${tk.id}/investigations`, {
      assigneeId: agent2.id,
      department: '秩序部',
      task: '核实周末施工情况',
      dueAt,
    });
    expect(given.owner.id).toBe(agent.id);
    const [task] = given.complaint.investigations;
    expect(task).toMatchObject({
      department: '秩序部',
      assigneeId: agent2.id,
      assigneeName: '周洁',
      task: '核实周末施工情况',
      dueAt,
      result: null,
      overdue: false,
    });
    expect((await w.as(agent.token, 'post', `/tickets/${tk.id}/investigations`, { task: '核实', dueAt })).status).toBe(400);
    expect(
      (
        await w.as(agent.token, 'post', `/tickets/${tk.id}/investigations`, {
          department: '秩序部',
          task: '核实',
          dueAt: new Date(Date.now() - HOUR).toISOString(),
        })
      ).status,
    ).toBe(400);
    // Someone else may not report; the investigator does, once.
    expect((await w.as(boss.token, 'post', `/tickets/${tk.id}/investigations/${task.id}/report`, { result: '属实' })).status).toBe(403);
    // The investigator is told of the task, and the owner of its result.
    const staffInbox = async (token: string) => (await w.ok(token, 'get', '/staff/notices?limit=50')).items as { kind: string; ticketId: string }[];
    expect((await staffInbox(agent2.token)).filter((n) => n.ticketId === tk.id).map((n) => n.kind)).toEqual(['investigation']);
    const reported = await w.ok(agent2.token, 'post', `/tickets/${tk.id}/investigations/${task.id}/report`, { result: '周六上午确有施工，已告知装修队' });
    expect((await staffInbox(agent.token)).filter((n) => n.ticketId === tk.id).map((n) => n.kind)).toContain('investigated');
    expect(reported.complaint.investigations[0]).toMatchObject({ result: '周六上午确有施工，已告知装修队' });
    expect((await w.as(agent2.token, 'post', `/tickets/${tk.id}/investigations/${task.id}/report`, { result: '再说一次' })).status).toBe(409);
    // The owner's finding.
    expect((await w.as(agent2.token, 'post', `/tickets/${tk.id}/judge`, { validity: 'valid', note: '属实' })).status).toBe(403);
    const judged = await w.ok(agent.token, 'post', `/tickets/${tk.id}/judge`, { validity: 'valid', note: '调查属实' });
    expect(judged.complaint.validity).toBe('valid');

    // None of it reaches the resident.
    const seen = await w.ok(resident.token, 'get', `/tickets/${tk.id}`);
    expect(seen.complaint).toMatchObject({ validity: null, level: null, investigations: [] });
    expect(seen.events.map((e: { type: string }) => e.type)).toEqual(['created', 'routed', 'accepted']);
    expect(JSON.stringify(seen)).not.toContain('装修队');
    expect(JSON.stringify(await inbox(resident.token))).not.toContain('装修队');
  });

  it('counts complaints per category in the dashboard statistics', async () => {
    const stats = await w.ok(boss.token, 'get', `/admin/stats?communityId=${c.id}`);
    const all = stats.complaints;
    const byCategory = Object.fromEntries(all.byCategory.map((r: { category: string }) => [r.category, r]));
    expect(all.count).toBe(all.byCategory.reduce((n: number, r: { count: number }) => n + r.count, 0));
    expect(byCategory['噪音']).toMatchObject({ count: 1, valid: 1, invalid: 0, unjudged: 0, replied: 0, major: 0 });
    expect(byCategory['环境卫生']).toMatchObject({ replied: 1 });
    expect(byCategory['环境卫生'].major).toBeGreaterThanOrEqual(2);
    expect(all.byCategory[0].count).toBeGreaterThanOrEqual(all.byCategory.at(-1).count);
  });
});
