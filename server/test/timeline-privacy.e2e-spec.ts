import { TICKET_EVENT_TYPES } from '@yizhan/shared';
import { OutboxWorker } from '../src/modules/notices/outbox.worker';
import { SlaScanner } from '../src/modules/sla/sla-scanner.service';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/**
 * Issue #16 (1): staff-only text never reaches a resident. Every event type is produced
 * through the API (or the SLA scanner); every text staff typed carries a marker, and every
 * internal entry's text is collected from the staff's view. Then everything a resident
 * receives — ticket detail, ticket list, inbox, the subscribe messages WeChat was asked to
 * deliver — is searched for any of it.
 */
describe('timeline privacy: public replies and internal notes', () => {
  let t: TestApp;
  let w: World;
  let c: Awaited<ReturnType<World['community']>>;
  let agent: { id: string; token: string };
  let agent2: { id: string; token: string };
  let tech: { id: string; token: string };
  let boss: { id: string; token: string };
  let resident: { id: string; token: string };
  /** Texts that only staff may read. */
  const secret = (what: string) => `内部机密-${what}`;
  const HOUR = 3600_000;

  beforeAll(async () => {
    t = await startTestApp('privacy_timeline', { SLA_WARN_LEAD_SEC: '1800', SLA_ESCALATE_AFTER_SEC: '3600', FOLLOWERS_URGENT_AT: '2' });
    w = new World(t);
    c = await w.community();
    agent = await w.staff('p_agent', ['agent'], [c.id], { name: '李敏' });
    agent2 = await w.staff('p_agent2', ['agent'], [c.id], { name: '赵强' });
    tech = await w.staff('p_tech', ['technician'], [c.id], { name: '王建国' });
    boss = await w.staff('p_boss', ['supervisor'], [c.id], { name: '周主管' });
    resident = await w.resident('p_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    // Subscribe to every template so each notice is also a subscribe message.
    await w.ok(resident.token, 'post', '/subscriptions', {
      results: {
        tpl_accepted: 'accept',
        tpl_dispatched: 'accept',
        tpl_resolved: 'accept',
        tpl_reopened: 'accept',
        tpl_closed: 'accept',
        tpl_cancelled: 'accept',
        tpl_replied: 'accept',
        tpl_held: 'accept',
        tpl_resumed: 'accept',
        tpl_appointment: 'accept',
        tpl_reminder: 'accept',
        tpl_delayed: 'accept',
        tpl_incident_linked: 'accept',
        tpl_merged: 'accept',
        tpl_quoted: 'accept',
        tpl_refunded: 'accept',
      },
    });
  });
  afterAll(() => t.close());

  it('keeps every staff-only text out of everything the resident receives, for every event type', async () => {
    const step = (token: string, action: string, body: object = {}) =>
      w.ok(token, 'post', `/tickets/${id}/${({ comment: 'comments', rate: 'rating' } as Record<string, string>)[action] ?? action}`, body);

    // Pooled (nobody on duty), claimed, then the whole life cycle with staff text everywhere.
    const created = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    const id = created.id as string;
    await step(agent.token, 'claim');
    await step(agent.token, 'comment', { note: secret('备注默认内部') });
    await step(agent.token, 'comment', { note: secret('明确内部'), visibility: 'internal' });
    await step(agent.token, 'comment', { note: '您好，师傅今天下午上门，请保持电话畅通。', visibility: 'public' });
    await step(resident.token, 'comment', { note: '好的，下午家里有人。' });
    await step(agent.token, 'accept', { note: secret('受理备注') });
    await step(agent.token, 'dispatch', { assigneeId: tech.id, note: secret('派工备注'), appointmentAt: new Date(Date.now() + 2 * HOUR).toISOString() });
    await step(agent.token, 'dispatch', { assigneeId: tech.id, note: secret('改约备注'), appointmentAt: new Date(Date.now() + 3 * HOUR).toISOString() });
    await step(tech.token, 'start', { note: secret('到场备注') });
    await step(tech.token, 'hold', { reason: secret('暂停原因'), publicReason: '等待配件到货' });
    await step(tech.token, 'resume', { reason: secret('恢复原因') });
    await step(boss.token, 'transfer', { toStaffId: agent2.id, reason: secret('转交原因') });
    await step(resident.token, 'urge');
    await step(tech.token, 'resolve', { note: '已更换水龙头阀芯' });
    await step(resident.token, 'reopen', { reason: '还是在滴水' });
    await step(agent2.token, 'dispatch', { assigneeId: tech.id, note: secret('二次派工') });
    await step(tech.token, 'start');
    await step(tech.token, 'resolve', { note: '更换整个龙头' });
    await step(agent2.token, 'verify', { note: secret('核实备注') });
    await step(resident.token, 'rate', { attitude: 5, timeliness: 4, quality: 5, comment: '谢谢师傅' });
    await step(agent2.token, 'revisit', { satisfied: false, note: secret('回访记录') });

    // SLA breaches and escalations on the reopened round: staff-only by nature.
    const scanner = t.app.get(SlaScanner);
    const staffView = await w.ok(agent2.token, 'get', `/tickets/${id}`);
    const resolveBy = new Date(staffView.deadlines.resolveBy).getTime();
    await scanner.scan(new Date(resolveBy + 1000));
    await scanner.scan(new Date(resolveBy + HOUR + 2000));

    // A second request: cancelled by staff (the reason is meant for the resident), auto-confirmed by the scanner.
    const other = (await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id))).id as string;
    await w.ok(agent.token, 'post', `/tickets/${other}/claim`);
    await w.ok(agent.token, 'post', `/tickets/${other}/cancel`, { reason: '重复提交，已合并处理' });
    const third = (await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id))).id as string;
    await w.ok(agent.token, 'post', `/tickets/${third}/claim`);
    await w.ok(agent.token, 'post', `/tickets/${third}/accept`);
    await w.ok(agent.token, 'post', `/tickets/${third}/dispatch`, { assigneeId: tech.id });
    await w.ok(tech.token, 'post', `/tickets/${third}/start`);
    const resolved = await w.ok(tech.token, 'post', `/tickets/${third}/resolve`, { note: '已处理' });
    await scanner.scan(new Date(new Date(resolved.deadlines.confirmBy).getTime() + 1000));
    // A fourth, linked to a declared incident at submission and resolved by the incident's resolution.
    const incident = await w.ok(agent.token, 'post', '/admin/incidents', {
      communityId: c.id,
      title: '停水',
      category: '水电',
      cause: '市政管网抢修',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      expectedEndAt: new Date(Date.now() + 4 * HOUR).toISOString(),
    });
    const fourth = (await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id))).id as string;
    await w.ok(agent.token, 'post', `/admin/incidents/${incident.id}/resolve`, { resolution: '管网已修复' });
    // A public request filed by a neighbour: the resident's own duplicate is merged into it (they
    // follow it now), another neighbour presses 我也遇到 (the count makes it urgent), and after
    // resolution that neighbour rates it. None of the staff's lines or the others' words reach the resident.
    const neighbour = await w.resident('p_res2', { roomId: c.roomA2.id, name: '王芳', phone: '13912345678' });
    const other2 = await w.resident('p_res3', { roomId: c.roomB.id, name: '李娜', phone: '13700001111' });
    const stairs = {
      type: 'repair',
      location: { kind: 'unit', buildingId: c.buildingA, unit: '2' },
      category: '公共设施',
      description: '2单元楼道灯不亮',
      contactPhone: '13912345678',
    };
    const fifth = (await w.ok(neighbour.token, 'post', '/tickets', stairs)).id as string;
    const duplicate = (await w.ok(resident.token, 'post', '/tickets', { ...stairs, contactPhone: '13812341234' })).id as string;
    await w.ok(agent.token, 'post', `/tickets/${duplicate}/claim`);
    await w.ok(agent.token, 'post', `/tickets/${duplicate}/merge`, { intoTicketId: fifth, note: secret('合并备注') });
    await w.ok(other2.token, 'post', `/tickets/${fifth}/follow`);
    await w.ok(agent.token, 'post', `/tickets/${fifth}/claim`);
    await w.ok(agent.token, 'post', `/tickets/${fifth}/accept`);
    await w.ok(agent.token, 'post', `/tickets/${fifth}/resolve`, { note: '已更换灯具' });
    await w.ok(other2.token, 'post', `/tickets/${fifth}/follow/rating`, { attitude: 2, timeliness: 2, quality: 2, comment: '邻居的评价-不应外传' });

    // Two paid repairs — a quote declined, another approved, paid in cash (the
    // staff's note on it is theirs), partly refunded (the reason is theirs), and one waived.
    const paidA = (await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id))).id as string;
    const paidB = (await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id))).id as string;
    for (const paidId of [paidA, paidB]) {
      await w.ok(agent.token, 'post', `/tickets/${paidId}/claim`);
      await w.ok(agent.token, 'post', `/tickets/${paidId}/accept`);
      await w.ok(agent.token, 'post', `/tickets/${paidId}/dispatch`, { assigneeId: tech.id });
    }
    const quote = (ticketId: string) =>
      w.ok(tech.token, 'post', `/tickets/${ticketId}/quotes`, {
        lines: [{ kind: 'labour', name: '更换阀芯', unitPriceFen: 8000, quantity: 1 }],
        note: '阀芯老化需更换',
      });
    const declined = await quote(paidA);
    await w.ok(resident.token, 'post', `/tickets/${paidA}/quotes/${declined.quotes[0].id}/decline`, { reason: '想再比较一下' });
    const approved = await quote(paidA);
    await w.ok(resident.token, 'post', `/tickets/${paidA}/quotes/${approved.quotes[0].id}/approve`);
    const cash = await w.ok(tech.token, 'post', `/tickets/${paidA}/payments/offline`, { method: 'cash', amountFen: 8000, note: secret('收款备注') });
    await w.ok(boss.token, 'post', `/tickets/${paidA}/payments/${cash.payments[0].id}/refunds`, { amountFen: 1000, reason: secret('退款原因') });
    const toWaive = await quote(paidB);
    await w.ok(resident.token, 'post', `/tickets/${paidB}/quotes/${toWaive.quotes[0].id}/approve`);
    await w.ok(boss.token, 'post', `/tickets/${paidB}/waive`, { reason: secret('免收原因') });

    // A sixth, a complaint about an agent (投诉处理): its level, investigation and finding are
    // the staff's; the formal reply is the resident's.
    const sixth = (
      await w.ok(resident.token, 'post', '/tickets', {
        type: 'complaint',
        roomId: c.roomA.id,
        category: '服务态度',
        description: '客服李敏态度不好',
        subjectName: '李敏',
        contactPhone: '13812341234',
      })
    ).id as string;
    await w.ok(boss.token, 'post', `/tickets/${sixth}/grade`, { level: 'major', reason: secret('定级理由') });
    await w.ok(boss.token, 'post', `/tickets/${sixth}/accept`);
    const investigated = await w.ok(boss.token, 'post', `/tickets/${sixth}/investigations`, {
      assigneeId: agent2.id,
      department: '客服部',
      task: secret('调查任务'),
      dueAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    });
    await w.ok(agent2.token, 'post', `/tickets/${sixth}/investigations/${investigated.complaint.investigations[0].id}/report`, { result: secret('调查结果') });
    await w.ok(boss.token, 'post', `/tickets/${sixth}/judge`, { validity: 'valid', note: secret('认定依据') });
    await w.ok(boss.token, 'post', `/tickets/${sixth}/formal-reply`, { result: '经核实情况属实，已向您致歉', measures: '对当事客服进行服务礼仪培训' });
    await w.ok(boss.token, 'post', `/tickets/${sixth}/resolve`, { note: '已正式答复' });
    await t.app.get(OutboxWorker).drainOnce();

    // Collect from the staff's view what only staff may read.
    const staffOnly = new Set<string>();
    const seenTypes = new Set<string>();
    for (const ticketId of [id, other, third, fourth, fifth, duplicate, paidA, paidB, sixth]) {
      const view = await w.ok(boss.token, 'get', `/tickets/${ticketId}`);
      for (const e of view.events) {
        seenTypes.add(e.type);
        expect(['public', 'internal']).toContain(e.visibility);
        if (e.note && e.note !== e.publicNote) staffOnly.add(e.note);
      }
    }
    // Every event type the product can write appears here, so a new one must be walked too.
    const notWalked = TICKET_EVENT_TYPES.filter(
      (type) => !seenTypes.has(type) && !['pooled', 'routed', 'flagged', 'auto_confirmed', 'confirmed'].includes(type),
    );
    expect(notWalked).toEqual([]);
    expect([...staffOnly].filter((s) => s.includes('内部机密')).length).toBe(21);
    expect(staffOnly).toContain('邻居的评价-不应外传');

    // Everything the resident receives.
    const received: { where: string; text: string }[] = [];
    for (const ticketId of [id, other, third, fourth, fifth, duplicate, paidA, paidB, sixth]) {
      const detail = await w.ok(resident.token, 'get', `/tickets/${ticketId}`);
      received.push({ where: `detail ${ticketId}`, text: JSON.stringify(detail) });
      // The fees are the requester's own: a follower (the neighbour's request) has none to read.
      if (ticketId !== fifth)
        received.push({ where: `settlement ${ticketId}`, text: JSON.stringify(await w.ok(resident.token, 'get', `/tickets/${ticketId}/settlement`)) });
      for (const e of detail.events) {
        expect(e).not.toHaveProperty('visibility');
        expect(e).not.toHaveProperty('publicNote');
        expect(['overdue', 'escalated', 'followed', 'duplicate_merged', 'priority_raised', 'follower_rated']).not.toContain(e.type);
      }
    }
    received.push({ where: 'following', text: JSON.stringify(await w.ok(resident.token, 'get', '/me/following')) });
    received.push({ where: 'receipt', text: JSON.stringify(await w.ok(resident.token, 'get', `/tickets/${paidA}/receipt`)) });
    received.push({ where: 'list', text: JSON.stringify(await w.ok(resident.token, 'get', '/tickets?limit=50')) });
    const inbox = await w.ok(resident.token, 'get', '/notices?limit=100');
    // The notices of what the resident waits on went through this walk too (issue #16.3).
    const kinds = new Set(inbox.items.map((n: { kind: string }) => n.kind));
    for (const kind of ['replied', 'held', 'resumed', 'appointment', 'delayed', 'merged'])
      expect({ kind, received: kinds.has(kind) }).toEqual({ kind, received: true });
    received.push({ where: 'inbox', text: JSON.stringify(inbox) });
    const messages = t.fake.messages().filter((m) => m.touser === t.fake.openidFor('p_res'));
    expect(messages.length).toBeGreaterThan(0);
    received.push({ where: 'subscribe messages', text: JSON.stringify(messages) });

    for (const { where, text } of received) {
      for (const s of staffOnly) expect({ where, leaked: text.includes(s) ? s : null }).toEqual({ where, leaked: null });
      expect({ where, marker: text.includes('内部机密') }).toEqual({ where, marker: false });
    }

    // What the resident does read: public replies, their own words, the resident-facing texts.
    const detail = await w.ok(resident.token, 'get', `/tickets/${id}`);
    const notes = detail.events.map((e: { note: string | null }) => e.note);
    expect(notes).toContain('您好，师傅今天下午上门，请保持电话畅通。');
    expect(notes).toContain('好的，下午家里有人。');
    expect(notes).toContain('等待配件到货');
    expect(notes).toContain('您的诉求已转由 赵强 负责');
    expect(notes).toContain('已更换水龙头阀芯');
    expect(notes.some((n: string | null) => n?.startsWith('已安排 王建国 于 '))).toBe(true);
    // Staff read to whom and for when a request was dispatched, and may resume without a reason.
    const staffDetail = await w.ok(boss.token, 'get', `/tickets/${id}`);
    const dispatchedNote = staffDetail.events.find((e: { type: string }) => e.type === 'dispatched').note as string;
    expect(dispatchedNote).toMatch(/^派给 王建国，预约 \d+月\d+日 \d\d:\d\d。内部机密-派工备注$/);
    // The formal reply reaches the resident, in the timeline and on the complaint.
    const complaint = await w.ok(resident.token, 'get', `/tickets/${sixth}`);
    expect(complaint.events.map((e: { note: string | null }) => e.note)).toContain(
      '处理结果：经核实情况属实，已向您致歉\n整改措施：对当事客服进行服务礼仪培训',
    );
    expect(complaint.complaint).toMatchObject({ level: null, validity: null, investigations: [], formalReply: { measures: '对当事客服进行服务礼仪培训' } });
    const cancelled = await w.ok(resident.token, 'get', `/tickets/${other}`);
    expect(cancelled.events.map((e: { note: string | null }) => e.note)).toContain('重复提交，已合并处理');
  });

  it('refuses an internal note from a resident, and keeps staff notes internal unless marked public', async () => {
    const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    const refused = await w.as(resident.token, 'post', `/tickets/${tk.id}/comments`, { note: '悄悄话', visibility: 'internal' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    const bad = await w.as(agent.token, 'post', `/tickets/${tk.id}/comments`, { note: '备注', visibility: 'secret' });
    expect(bad.status).toBe(400);
    const staffView = await w.ok(agent.token, 'post', `/tickets/${tk.id}/comments`, { note: '已联系楼上 0201 业主检查管道' });
    const entry = staffView.events.at(-1);
    expect(entry).toMatchObject({ type: 'commented', visibility: 'internal', publicNote: null, note: '已联系楼上 0201 业主检查管道' });
    const residentView = await w.ok(resident.token, 'get', `/tickets/${tk.id}`);
    expect(residentView.events.map((e: { type: string }) => e.type)).not.toContain('commented');
    // Holding needs a reason; resuming does not.
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/claim`);
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`);
    expect((await w.as(agent.token, 'post', `/tickets/${tk.id}/hold`, {})).status).toBe(400);
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/hold`, { reason: '等业主回电' });
    const resumed = await w.ok(agent.token, 'post', `/tickets/${tk.id}/resume`, {});
    expect(resumed.events.at(-1)).toMatchObject({ type: 'resumed', note: null, publicNote: '已恢复处理' });
  });
});
