import { OutboxWorker } from '../src/modules/notices/outbox.worker';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/** Issue #18 (3): incidents (停水停电 …) — area notices, requests linked at submission, one update closes the round. */
describe('incidents', () => {
  let t: TestApp;
  let w: World;
  let c: Awaited<ReturnType<World['community']>>;
  let agent: { id: string; token: string };
  let tech: { id: string; token: string };
  let resA: { id: string; token: string };
  let resA2: { id: string; token: string };
  let resB: { id: string; token: string };
  const HOUR = 3600_000;
  const inbox = async (token: string) =>
    (await w.ok(token, 'get', '/notices?limit=100')).items as { kind: string; title: string; body: string; ticketId: string | null }[];
  const declare = (extra: Record<string, unknown> = {}) =>
    w.ok(agent.token, 'post', '/admin/incidents', {
      communityId: c.id,
      zoneIds: [c.zoneA1],
      title: '停水',
      category: '水电',
      cause: '市政供水管网抢修',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      expectedEndAt: new Date(Date.now() + 4 * HOUR).toISOString(),
      ...extra,
    });

  beforeAll(async () => {
    t = await startTestApp('incidents');
    w = new World(t);
    c = await w.community();
    agent = await w.staff('i_agent', ['agent'], [c.id], { name: '李敏' });
    tech = await w.staff('i_tech', ['technician'], [c.id], { name: '王建国' });
    // One shift for the whole community: a person is on one shift at a time.
    await w.onDuty(c.id, null, agent.id);
    resA = await w.resident('i_resA', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    resA2 = await w.resident('i_resA2', { roomId: c.roomA2.id, name: '王芳', phone: '13912345678' });
    resB = await w.resident('i_resB', { roomId: c.roomB.id, name: '李娜', phone: '13700001111' });
    await w.ok(resA.token, 'post', '/subscriptions', {
      results: { tpl_incident: 'accept', tpl_incident_linked: 'accept', tpl_incident_resolved: 'accept', tpl_resolved: 'accept' },
    });
  });
  afterAll(() => t.close());

  it('links new requests of the area and category, tells the residents, and one resolution resolves them all', async () => {
    const incident = await declare();
    expect(incident).toMatchObject({ status: 'active', areaLabel: 'A1区', linkedCount: 0, residentCount: 2, linked: [] });

    // Every resident bound in zone A1 is told; zone B2 is not.
    expect((await inbox(resA.token)).filter((n) => n.kind === 'incident').map((n) => n.title)).toEqual(['停水通知']);
    expect((await inbox(resA2.token)).find((n) => n.kind === 'incident')?.body).toContain('原因：市政供水管网抢修');
    expect((await inbox(resB.token)).filter((n) => n.kind === 'incident')).toEqual([]);

    // A new 水电 request in A1 is linked at once; a 门窗 one, or one in B2, is not.
    const linked = await w.ok(resA.token, 'post', '/tickets', w.repair(c.roomA.id, { description: '家里没水了' }));
    const known = linked.events.find((e: { type: string }) => e.type === 'incident_linked');
    expect(known.note).toMatch(/^物业已知悉：停水（市政供水管网抢修），预计 .+ 恢复，恢复后会通知您。$/);
    const linkedNotice = (await inbox(resA.token)).find((n) => n.kind === 'incident_linked')!;
    expect(linkedNotice.body).toContain('报修「水电：家里没水了」');
    const second = await w.ok(resA2.token, 'post', '/tickets', w.repair(c.roomA2.id, { description: '水压很低' }));
    const door = await w.ok(resA.token, 'post', '/tickets', w.repair(c.roomA.id, { category: '门窗', description: '门锁坏了' }));
    const elsewhere = await w.ok(resB.token, 'post', '/tickets', w.repair(c.roomB.id, { description: '没水' }));
    expect(door.events.map((e: { type: string }) => e.type)).not.toContain('incident_linked');
    expect(elsewhere.events.map((e: { type: string }) => e.type)).not.toContain('incident_linked');

    // The staff see the linked requests; the owner may still work one (accept, hold).
    await w.ok(agent.token, 'post', `/tickets/${second.id}/accept`);
    await w.ok(agent.token, 'post', `/tickets/${second.id}/hold`, { reason: '等停水结束', publicReason: '等待恢复供水' });
    const staffView = await w.ok(agent.token, 'get', `/admin/incidents/${incident.id}`);
    expect(staffView.linked.map((l: { no: string }) => l.no)).toEqual([linked.no, second.no]);
    expect(staffView.linkedCount).toBe(2);
    const staffTicket = await w.ok(agent.token, 'get', `/tickets/${linked.id}`);
    expect(staffTicket.events.find((e: { type: string }) => e.type === 'incident_linked').note).toContain('已关联事件「停水」');

    // A new expected end is told to the area.
    const later = new Date(Date.now() + 6 * HOUR);
    const updated = await w.ok(agent.token, 'patch', `/admin/incidents/${incident.id}`, { expectedEndAt: later.toISOString(), note: '抢修难度较大' });
    expect(updated.expectedEndAt).toBe(later.toISOString());
    const update = (await inbox(resA2.token)).find((n) => n.title === '停水恢复时间更新')!;
    expect(update.body).toContain('抢修难度较大');
    expect((await inbox(resB.token)).filter((n) => n.kind === 'incident')).toEqual([]);

    // One resolution: the area is told, every linked open request is resolved (held or not) for confirmation.
    const resolved = await w.ok(agent.token, 'post', `/admin/incidents/${incident.id}/resolve`, { resolution: '管网已修复，已恢复供水' });
    expect(resolved.status).toBe('resolved');
    expect(resolved.linked.map((l: { status: string }) => l.status)).toEqual(['resolved', 'resolved']);
    for (const [res, id] of [
      [resA, linked.id],
      [resA2, second.id],
    ] as const) {
      const detail = await w.ok(res.token, 'get', `/tickets/${id}`);
      expect(detail.status).toBe('resolved');
      expect(detail.onHold).toBe(false);
      expect(detail.events[detail.events.length - 1]).toMatchObject({ type: 'resolved', note: '停水已恢复：管网已修复，已恢复供水' });
      const kinds = (await inbox(res.token)).map((n) => n.kind);
      expect(kinds).toContain('incident_resolved');
      expect(kinds).toContain('resolved');
    }
    expect((await w.ok(agent.token, 'get', `/tickets/${door.id}`)).status).toBe('submitted');
    expect((await w.ok(agent.token, 'get', `/tickets/${elsewhere.id}`)).status).toBe('submitted');
    // The resident confirms as after any resolution.
    expect((await w.ok(resA.token, 'post', `/tickets/${linked.id}/confirm`)).status).toBe('closed');

    // Subscribe messages went out with resident-facing text only.
    await t.app.get(OutboxWorker).drainOnce();
    const sent = t.fake.messages().filter((m) => m.touser === t.fake.openidFor('i_resA'));
    expect(sent.map((m) => m.template_id)).toEqual(expect.arrayContaining(['tpl_incident', 'tpl_incident_linked', 'tpl_incident_resolved']));
    expect(JSON.stringify(sent)).not.toContain('已关联事件');

    // Over is over: no more updates, and new requests are no longer linked.
    expect((await w.as(agent.token, 'patch', `/admin/incidents/${incident.id}`, { expectedEndAt: later.toISOString() })).status).toBe(409);
    const after = await w.ok(resA.token, 'post', '/tickets', w.repair(c.roomA.id));
    expect(after.events.map((e: { type: string }) => e.type)).not.toContain('incident_linked');
  });

  it('announces a planned outage ahead of time without linking before it starts, and shows residents their area only', async () => {
    const planned = await declare({
      zoneIds: [],
      buildingIds: [],
      title: '停电',
      category: '电梯',
      cause: '配电房检修',
      startsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
      expectedEndAt: new Date(Date.now() + 28 * HOUR).toISOString(),
    });
    expect(planned).toMatchObject({ status: 'planned', areaLabel: '全小区', residentCount: 3 });
    const notice = (await inbox(resB.token)).find((n) => n.kind === 'incident')!;
    expect(notice.title).toBe('计划停电通知');
    expect(notice.body).toMatch(/^全小区计划停电：.+ 至 .+。原因：配电房检修。/);
    const early = await w.ok(resB.token, 'post', '/tickets', w.repair(c.roomB.id, { category: '电梯', description: '电梯不动' }));
    expect(early.events.map((e: { type: string }) => e.type)).not.toContain('incident_linked');

    const buildingOnly = await declare({
      zoneIds: [],
      buildingIds: [(await t.sql<{ building_id: string }>('SELECT building_id FROM rooms WHERE id = ?', [c.roomB.id]))[0]!.building_id],
      title: '电梯停运',
      category: '电梯',
      cause: '电梯年检',
    });
    expect(buildingOnly.areaLabel).toBe('8栋');
    const mineB = (await w.ok(resB.token, 'get', '/me/incidents')).items;
    expect(mineB.map((i: { title: string; status: string }) => `${i.title}:${i.status}`)).toEqual(['电梯停运:active', '停电:planned']);
    const mineA = (await w.ok(resA.token, 'get', '/me/incidents')).items;
    expect(mineA.map((i: { title: string; status: string }) => `${i.title}:${i.status}`)).toEqual(['停电:planned', '停水:resolved']);
    expect(mineA[1].resolution).toBe('管网已修复，已恢复供水');

    const list = await w.ok(agent.token, 'get', `/admin/incidents?communityId=${c.id}&status=planned`);
    expect(list.items.map((i: { title: string }) => i.title)).toEqual(['停电']);
  });

  it('refuses bad input and callers outside the community', async () => {
    expect(
      (
        await w.as(agent.token, 'post', '/admin/incidents', {
          communityId: c.id,
          title: '停水',
          category: '水电',
          cause: '检修',
          startsAt: new Date().toISOString(),
          expectedEndAt: new Date(Date.now() - HOUR).toISOString(),
        })
      ).body.code,
    ).toBe('VALIDATION_FAILED');
    const other = await w.community('别的小区');
    const wrongZone = await w.as(agent.token, 'post', '/admin/incidents', {
      communityId: c.id,
      zoneIds: [other.zoneA1],
      title: '停水',
      category: '水电',
      cause: '检修',
      startsAt: new Date().toISOString(),
      expectedEndAt: new Date(Date.now() + HOUR).toISOString(),
    });
    expect([wrongZone.status, wrongZone.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(
      (
        await w.as(agent.token, 'post', '/admin/incidents', {
          communityId: other.id,
          title: '停水',
          category: '水电',
          cause: '检修',
          startsAt: new Date().toISOString(),
          expectedEndAt: new Date(Date.now() + HOUR).toISOString(),
        })
      ).status,
    ).toBe(403);
    expect((await w.as(tech.token, 'get', '/admin/incidents')).status).toBe(403);
    const outsider = await w.staff('i_outsider', ['agent'], [other.id]);
    const mine = (await w.ok(agent.token, 'get', `/admin/incidents?communityId=${c.id}`)).items[0];
    expect((await w.as(outsider.token, 'get', `/admin/incidents/${mine.id}`)).status).toBe(404);
    expect((await w.as(resA.token, 'get', '/admin/incidents')).status).toBe(403);
  });

  it('marks the whole inbox read (全部已读)', async () => {
    expect((await w.ok(resA.token, 'get', '/notices')).unread).toBeGreaterThan(0);
    const marked = await w.ok(resA.token, 'post', '/notices/read-all');
    expect(marked.marked).toBeGreaterThan(0);
    expect((await w.ok(resA.token, 'get', '/notices')).unread).toBe(0);
    expect((await w.ok(resB.token, 'get', '/notices')).unread).toBeGreaterThan(0);
  });
});
