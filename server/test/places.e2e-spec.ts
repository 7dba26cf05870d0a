import ExcelJS from 'exceljs';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';
import { ticketSubject } from '../src/modules/notices/ticket-subject';

type Inbox = { kind: string; title: string; body: string; ticketId: string | null }[];
type Events = { type: string; note: string | null; visibility?: string; publicNote?: string | null }[];

/** Issue #18 (1, 2): where the problem is (public areas, named spots), 我也遇到, merging duplicates. */
describe('public locations, 我也遇到 and merge', () => {
  let t: TestApp;
  let w: World;
  let admin: string;
  let c: Awaited<ReturnType<World['community']>>;
  let agentA1: { id: string; token: string };
  let agentB2: { id: string; token: string };
  let supervisor: { id: string; token: string };
  let resA: { id: string; token: string };
  let resA2: { id: string; token: string };
  let resB: { id: string; token: string };
  let stranger: { id: string; token: string };
  let gate: { id: string };
  let garden: { id: string };
  const inbox = async (token: string) => (await w.ok(token, 'get', '/notices?limit=100')).items as Inbox;
  const sheet = async (rows: string[][]) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('公共场所').addRows(rows);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  beforeAll(async () => {
    // Two residents besides the one who filed it make a request urgent here.
    t = await startTestApp('places', { FOLLOWERS_URGENT_AT: '2' });
    w = new World(t);
    admin = await w.admin();
    c = await w.community();
    agentA1 = await w.staff('p_agent_a1', ['agent'], [c.id], { name: '李敏' });
    agentB2 = await w.staff('p_agent_b2', ['agent'], [c.id], { name: '周杰' });
    supervisor = await w.staff('p_sup', ['supervisor'], [c.id], { name: '刘主管' });
    await w.onDuty(c.id, c.zoneA1, agentA1.id);
    await w.onDuty(c.id, c.zoneB2, agentB2.id);
    resA = await w.resident('p_resA', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    resA2 = await w.resident('p_resA2', { roomId: c.roomA2.id, name: '王芳', phone: '13912345678' });
    resB = await w.resident('p_resB', { roomId: c.roomB.id, name: '李娜', phone: '13700001111' });
    stranger = await w.resident('p_stranger');
  });
  afterAll(() => t.close());

  it('admins keep the spots list (one by one and from Excel); everybody picks from it', async () => {
    gate = await w.ok(admin, 'post', `/admin/communities/${c.id}/places`, { name: '1号门岗', zoneId: c.zoneA1 });
    expect(gate).toMatchObject({ name: '1号门岗', zoneId: c.zoneA1, buildingId: null, active: true });
    expect((await w.as(admin, 'post', `/admin/communities/${c.id}/places`, { name: '1号门岗' })).body.code).toBe('ALREADY_EXISTS');
    expect((await w.as(agentA1.token, 'post', `/admin/communities/${c.id}/places`, { name: '西门' })).status).toBe(403);
    // A building of zone B2 cannot sit in zone A1.
    expect((await w.as(admin, 'post', `/admin/communities/${c.id}/places`, { name: '地下室', zoneId: c.zoneA1, buildingId: c.buildingB })).body.code).toBe(
      'VALIDATION_FAILED',
    );

    const upload = (buf: Buffer, dryRun = false) =>
      t.http
        .post(`/api/v1/admin/communities/${c.id}/places/import${dryRun ? '?dryRun=true' : ''}`)
        .set('Authorization', `Bearer ${admin}`)
        .attach('file', buf, 'places.xlsx');
    const rows = [
      ['名称', '分区', '楼栋'],
      ['中心花园', 'A1', ''],
      ['地下车库B1', '', '8'],
      ['泳池', 'C9', ''],
      ['1号门岗', 'A1区', ''],
    ];
    const dry = await upload(await sheet(rows), true);
    expect(dry.status).toBe(201);
    expect(dry.body).toMatchObject({ dryRun: true, created: 0, updated: 0, failed: 1 });
    expect(dry.body.rows[2]).toEqual({ line: 4, ok: false, errors: ['分区「C9」不存在，请先在小区中添加'], name: '泳池' });
    const done = await upload(await sheet(rows));
    expect(done.body).toMatchObject({ dryRun: false, created: 2, updated: 1, failed: 1 });

    const list = (await w.ok(agentA1.token, 'get', `/admin/communities/${c.id}/places`)).items as {
      id: string;
      name: string;
      zoneId: string | null;
      buildingId: string | null;
    }[];
    expect(list.map((p) => p.name).sort()).toEqual(['1号门岗', '中心花园', '地下车库B1'].sort());
    // A spot of building 8 takes the building's zone (B2): it routes there.
    expect(list.find((p) => p.name === '地下车库B1')).toMatchObject({ zoneId: c.zoneB2, buildingId: c.buildingB });
    garden = list.find((p) => p.name === '中心花园')!;

    // Retired spots stay on the admin list, but are no longer offered.
    const retired = await w.ok(admin, 'post', `/admin/communities/${c.id}/places`, { name: '旧自行车棚' });
    expect(await w.ok(admin, 'patch', `/admin/places/${retired.id}`, { active: false })).toMatchObject({ active: false });
    const options = await w.ok(resA.token, 'get', `/communities/${c.id}/locations`);
    expect(options.places.map((p: { label: string }) => p.label).sort()).toEqual(['1号门岗', '中心花园', '地下车库B1'].sort());
    expect(options.zones).toEqual([
      { id: c.zoneA1, label: 'A1区' },
      { id: c.zoneB2, label: 'B2区' },
    ]);
    expect(options.buildings).toContainEqual({ id: c.buildingA, label: 'A1区 3栋', zoneId: c.zoneA1, units: ['2'] });
    const refused = await w.as(resA.token, 'post', '/tickets', { ...w.repair(''), roomId: undefined, location: { kind: 'place', placeId: retired.id } });
    expect(refused.body.code).toBe('VALIDATION_FAILED');
  });

  it('a public request has no room, routes by the spot’s zone, and shows where and who', async () => {
    const filed = await w.ok(resA.token, 'post', '/tickets', {
      type: 'repair',
      location: { kind: 'place', placeId: gate.id },
      category: '公共设施',
      description: '门岗道闸抬不起来',
      contactPhone: '13812341234',
    });
    expect(filed.room).toBeNull();
    expect(filed.location).toEqual({
      kind: 'place',
      label: '1号门岗',
      communityId: c.id,
      zoneId: c.zoneA1,
      roomId: null,
      buildingId: null,
      unit: null,
      placeId: gate.id,
    });
    expect(filed.owner).toEqual({ id: agentA1.id, name: '李敏' });
    expect(filed.followerCount).toBe(0);
    // A spot of zone B2 goes to B2's agent.
    const garage = (await w.ok(admin, 'get', `/admin/communities/${c.id}/places`)).items.find((p: { name: string }) => p.name === '地下车库B1');
    const b2 = await w.ok(resA.token, 'post', '/tickets', {
      type: 'complaint',
      location: { kind: 'place', placeId: garage.id },
      category: '停车',
      description: '车位被占',
      contactPhone: '13812341234',
    });
    expect(b2.owner.id).toBe(agentB2.id);

    // Staff see the resident's own room (who they are) beside the location; the list carries the location.
    const staffView = await w.ok(agentA1.token, 'get', `/tickets/${filed.id}`);
    expect(staffView.reporterRoom).toEqual({ id: c.roomA.id, label: 'A1区 3栋 2单元 1201' });
    const listed = (await w.ok(agentA1.token, 'get', `/tickets?communityId=${c.id}&q=${encodeURIComponent('道闸')}`)).items;
    expect(listed[0]).toMatchObject({ id: filed.id, room: null, location: { kind: 'place', label: '1号门岗' }, followerCount: 0 });
    expect((await w.ok(resA.token, 'get', `/tickets/${filed.id}`)).reporterRoom).toBeNull();

    // A unit's common area and a zone, by phone intake and on patrol: owned by whoever registered it.
    const stairs = await w.ok(supervisor.token, 'post', '/tickets', {
      type: 'repair',
      channel: 'patrol',
      location: { kind: 'unit', buildingId: c.buildingA, unit: '2' },
      category: '公共设施',
      description: '2单元楼道灯不亮',
    });
    expect(stairs).toMatchObject({
      channel: 'patrol',
      room: null,
      owner: { id: supervisor.id },
      residentId: null,
      location: { kind: 'unit', label: 'A1区 3栋 2单元 公共区域', buildingId: c.buildingA, unit: '2' },
    });
    const zone = await w.ok(agentA1.token, 'post', '/tickets', {
      type: 'complaint',
      channel: 'phone',
      location: { kind: 'zone', zoneId: c.zoneB2 },
      category: '环境卫生',
      description: '垃圾未清运',
    });
    expect(zone.location).toMatchObject({ kind: 'zone', label: 'B2区 公共区域', zoneId: c.zoneB2 });

    // Not bound in the community: refused; a location and a room at once: refused; no location at all: refused.
    expect(
      (
        await w.as(stranger.token, 'post', '/tickets', {
          type: 'repair',
          location: { kind: 'place', placeId: gate.id },
          category: '公共设施',
          description: '坏了',
          contactPhone: '13812341234',
        })
      ).body.code,
    ).toBe('ROOM_NOT_BOUND');
    expect((await w.as(resA.token, 'post', '/tickets', { ...w.repair(c.roomA.id), location: { kind: 'place', placeId: gate.id } })).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      (await w.as(resA.token, 'post', '/tickets', { type: 'repair', category: '水电', description: '漏水', contactPhone: '13812341234' })).body.fields,
    ).toHaveProperty('roomId');
    expect(
      (
        await w.as(resA.token, 'post', '/tickets', {
          type: 'repair',
          location: { kind: 'unit', buildingId: c.buildingA },
          category: '水电',
          description: '漏水',
          contactPhone: '13812341234',
        })
      ).body.fields,
    ).toHaveProperty(['location.unit']);
  });

  it('我也遇到: the open requests of the spot come first; a follower is told, reads no personal detail, rates; the count raises the priority', async () => {
    const filed = await w.ok(resA.token, 'post', '/tickets', {
      type: 'repair',
      location: { kind: 'place', placeId: garden.id },
      category: '公共设施',
      description: '花园路灯不亮，晚上很黑',
      contactPhone: '13812341234',
    });
    await w.ok(resA.token, 'post', `/tickets/${filed.id}/comments`, { note: '我家就在花园旁边，电话 13812341234' });

    const same = await w.ok(resA2.token, 'get', `/me/public-requests?kind=place&placeId=${garden.id}`);
    expect(same.items).toEqual([
      expect.objectContaining({
        id: filed.id,
        no: filed.no,
        description: '花园路灯不亮，晚上很黑',
        locationLabel: '中心花园',
        followerCount: 0,
        mine: false,
        following: false,
      }),
    ]);
    expect((await w.ok(resA.token, 'get', `/me/public-requests?kind=place&placeId=${garden.id}`)).items[0].mine).toBe(true);
    expect(
      (await w.ok(resA2.token, 'get', `/me/public-requests?kind=place&placeId=${gate.id}`)).items.map((i: { description: string }) => i.description),
    ).toEqual(['门岗道闸抬不起来']);
    expect((await w.as(stranger.token, 'get', `/me/public-requests?kind=place&placeId=${garden.id}`)).body.code).toBe('ROOM_NOT_BOUND');
    // Not for a resident's own request, not for a room, not for someone outside the community.
    expect((await w.as(resA.token, 'post', `/tickets/${filed.id}/follow`)).body.code).toBe('NOT_PUBLIC_REQUEST');
    const flat = await w.ok(resA.token, 'post', '/tickets', w.repair(c.roomA.id));
    expect((await w.as(resA2.token, 'post', `/tickets/${flat.id}/follow`)).body.code).toBe('NOT_PUBLIC_REQUEST');
    expect((await w.as(stranger.token, 'post', `/tickets/${filed.id}/follow`)).status).toBe(404);
    expect((await w.as(resA2.token, 'get', `/tickets/${filed.id}`)).status).toBe(404);

    const joined = await w.ok(resA2.token, 'post', `/tickets/${filed.id}/follow`);
    expect(joined).toMatchObject({ following: true, followerCount: 1, residentId: null, contactPhoneMasked: null, rating: null, followers: [] });
    // The follower reads the request, not the requester's own words or phone.
    expect(JSON.stringify(joined)).not.toContain('我家就在花园旁边');
    expect(joined.events.map((e: { type: string }) => e.type)).toEqual(['created', 'routed']);
    expect((await w.ok(resA2.token, 'post', `/tickets/${filed.id}/follow`)).followerCount).toBe(1); // again: nothing changes
    expect((await w.ok(resA2.token, 'get', '/me/following')).items.map((i: { id: string }) => i.id)).toEqual([filed.id]);
    expect((await w.ok(resA2.token, 'get', `/me/public-requests?kind=place&placeId=${garden.id}`)).items[0]).toMatchObject({
      following: true,
      followerCount: 1,
    });

    // The owner sees the count and who follows; the requester does not see the staff-only line.
    const staffView = await w.ok(agentA1.token, 'get', `/tickets/${filed.id}`);
    expect(staffView.followerCount).toBe(1);
    expect(staffView.followers).toEqual([{ via: 'me_too', joinedAt: expect.any(String), fromTicketNo: null, rating: null }]);
    expect((staffView.events as Events).find((e) => e.type === 'followed')).toMatchObject({
      visibility: 'internal',
      note: '又一位业主遇到相同问题（我也遇到），共 1 位关注',
    });
    expect(((await w.ok(resA.token, 'get', `/tickets/${filed.id}`)).events as Events).map((e) => e.type)).not.toContain('followed');

    // Status notices reach the follower too (not the public replies meant for the requester).
    await w.ok(agentA1.token, 'post', `/tickets/${filed.id}/accept`);
    await w.ok(agentA1.token, 'post', `/tickets/${filed.id}/comments`, { note: '张先生您好，明早处理', visibility: 'public' });
    const followerInbox = (await inbox(resA2.token)).filter((n) => n.ticketId === filed.id);
    expect(followerInbox.map((n) => n.kind)).toEqual(['accepted']);
    expect(followerInbox[0]!.body).toBe(`（您关注的）${ticketSubject(filed)}已由李敏受理，我们会尽快为您处理。`);

    // A follower rates only after resolution, once; a low rating reaches the owner.
    expect((await w.as(resA2.token, 'post', `/tickets/${filed.id}/follow/rating`, { attitude: 1, timeliness: 1, quality: 1 })).body.code).toBe(
      'INVALID_TRANSITION',
    );
    await w.ok(agentA1.token, 'post', `/tickets/${filed.id}/resolve`, { note: '已更换灯泡' });
    expect((await inbox(resA2.token)).find((n) => n.ticketId === filed.id && n.kind === 'resolved')).toMatchObject({
      title: '您关注的问题已处理',
      body: `您关注的${ticketSubject(filed)}已处理完成，欢迎评价处理结果。`,
    });
    const rated = await w.ok(resA2.token, 'post', `/tickets/${filed.id}/follow/rating`, { attitude: 2, timeliness: 1, quality: 2, comment: '修得太慢' });
    expect(rated.rating).toEqual({ attitude: 2, timeliness: 1, quality: 2, comment: '修得太慢', tags: [], reply: null });
    expect((await w.as(resA2.token, 'post', `/tickets/${filed.id}/follow/rating`, { attitude: 5, timeliness: 5, quality: 5 })).body.code).toBe('ALREADY_RATED');
    const ownerNotices = (await w.ok(agentA1.token, 'get', '/staff/notices?limit=50')).items as { kind: string; title: string; ticketId: string }[];
    expect(ownerNotices.find((n) => n.ticketId === filed.id && n.kind === 'rated_low')?.title).toBe('关注业主差评（最低 1 分）');
    // The requester's own rating is theirs still.
    expect((await w.ok(resA.token, 'post', `/tickets/${filed.id}/confirm`, { rating: { attitude: 5, timeliness: 5, quality: 5 } })).rating).toMatchObject({
      attitude: 5,
    });
    expect((await w.ok(agentA1.token, 'get', `/tickets/${filed.id}`)).followers[0].rating).toMatchObject({ attitude: 2, comment: '修得太慢' });
    // Closed: no longer open to 我也遇到.
    expect((await w.as(resB.token, 'post', `/tickets/${filed.id}/follow`)).body.code).toBe('NOT_PUBLIC_REQUEST');
    // Unfollowing ends the notices.
    await w.ok(resA2.token, 'delete', `/tickets/${filed.id}/follow`);
    expect((await w.as(resA2.token, 'get', `/tickets/${filed.id}`)).status).toBe(404);

    // Two followers (FOLLOWERS_URGENT_AT=2) make a request urgent: its owner is alerted at once.
    const lift = await w.ok(resA.token, 'post', '/tickets', {
      type: 'repair',
      location: { kind: 'building', buildingId: c.buildingA },
      category: '电梯',
      description: '3栋电梯异响',
      contactPhone: '13812341234',
    });
    expect(lift.priority).toBe('normal');
    await w.ok(resA2.token, 'post', `/tickets/${lift.id}/follow`);
    const room3 = await w.ok(admin, 'post', `/admin/communities/${c.id}/rooms`, {
      buildingId: c.buildingA,
      unit: '1',
      number: '0302',
      ownerName: '赵磊',
      ownerPhone: '13600002222',
    });
    const resA3 = await w.resident('p_resA3', { roomId: room3.id, name: '赵磊', phone: '13600002222' });
    const raised = await w.ok(resA3.token, 'post', `/tickets/${lift.id}/follow`);
    expect(raised).toMatchObject({ followerCount: 2, priority: 'urgent' });
    const raisedStaff = await w.ok(agentA1.token, 'get', `/tickets/${lift.id}`);
    expect((raisedStaff.events as Events).find((e) => e.type === 'priority_raised')).toMatchObject({
      visibility: 'internal',
      note: '关注人数达到 2（阈值 2），已升为紧急',
    });
    // The respond limit moved to the urgent one (15 minutes), never later than it was.
    expect(new Date(raisedStaff.deadlines.respondBy).getTime()).toBeLessThan(new Date(lift.deadlines.respondBy).getTime());
    expect(
      (await w.ok(agentA1.token, 'get', '/staff/notices?limit=50')).items.find(
        (n: { ticketId: string; kind: string }) => n.ticketId === lift.id && n.kind === 'urgent',
      )?.title,
    ).toBe('3 位业主遇到同一问题，已升为紧急');
  });

  it('merge: the duplicate ends, its resident follows the request kept and is told', async () => {
    const kept = await w.ok(resA.token, 'post', '/tickets', {
      type: 'repair',
      location: { kind: 'unit', buildingId: c.buildingA, unit: '2' },
      category: '公共设施',
      description: '2单元楼道漏水',
      contactPhone: '13812341234',
    });
    const duplicate = await w.ok(resA2.token, 'post', '/tickets', {
      type: 'repair',
      location: { kind: 'unit', buildingId: c.buildingA, unit: '2' },
      category: '公共设施',
      description: '楼道天花板滴水',
      contactPhone: '13912345678',
    });
    const closed = await w.ok(resB.token, 'post', '/tickets', w.repair(c.roomB.id));
    await w.ok(agentB2.token, 'post', `/tickets/${closed.id}/cancel`, { reason: '业主已自行处理' });

    // Only the owner or a supervisor; not into itself, a finished one or another community's.
    expect((await w.as(resA2.token, 'post', `/tickets/${duplicate.id}/merge`, { intoTicketId: kept.id })).status).toBe(403);
    expect((await w.as(agentB2.token, 'post', `/tickets/${duplicate.id}/merge`, { intoTicketId: kept.id })).body.code).toBe('FORBIDDEN');
    expect((await w.as(agentA1.token, 'post', `/tickets/${duplicate.id}/merge`, { intoTicketId: duplicate.id })).body.code).toBe('MERGE_TARGET_INVALID');
    expect((await w.as(agentA1.token, 'post', `/tickets/${duplicate.id}/merge`, { intoTicketId: closed.id })).body.code).toBe('MERGE_TARGET_INVALID');
    expect((await w.as(agentA1.token, 'post', `/tickets/${duplicate.id}/merge`, { intoTicketId: '999999' })).body.code).toBe('MERGE_TARGET_INVALID');

    const merged = await w.ok(agentA1.token, 'post', `/tickets/${duplicate.id}/merge`, { intoTicketId: kept.id, note: '同一处漏水' });
    expect(merged).toMatchObject({ status: 'cancelled', mergedInto: { id: kept.id, no: kept.no } });
    expect((merged.events as Events).at(-1)).toMatchObject({ type: 'merged', visibility: 'public', note: `合并至 ${kept.no}：同一处漏水` });
    expect((await w.as(agentA1.token, 'post', `/tickets/${duplicate.id}/merge`, { intoTicketId: kept.id })).body.code).toBe('INVALID_TRANSITION');

    // Its resident is told, reads the resident-facing line only, and now follows the request kept.
    const told = (await inbox(resA2.token)).find((n) => n.ticketId === duplicate.id && n.kind === 'merged')!;
    expect(told).toMatchObject({ title: '工单已合并处理' });
    expect(told.body).toBe(`您反映的${ticketSubject(duplicate)}与工单 ${kept.no} 是同一问题，已合并处理；后续进展会通知您，处理完成后可以评价。`);
    const theirs = await w.ok(resA2.token, 'get', `/tickets/${duplicate.id}`);
    expect((theirs.events as Events).at(-1)).toEqual(
      expect.objectContaining({ type: 'merged', note: `您反映的问题与工单 ${kept.no} 相同，已合并处理；后续进展会通知您，处理完成后可以评价` }),
    );
    expect(JSON.stringify(theirs)).not.toContain('同一处漏水');
    expect(theirs.mergedInto).toEqual({ id: kept.id, no: kept.no });
    expect(await w.ok(resA2.token, 'get', `/tickets/${kept.id}`)).toMatchObject({ following: true, followerCount: 1 });

    // The request kept: a staff-only line and the follower, with where they came from.
    const keptStaff = await w.ok(agentA1.token, 'get', `/tickets/${kept.id}`);
    expect(keptStaff.followers).toEqual([{ via: 'merge', joinedAt: expect.any(String), fromTicketNo: duplicate.no, rating: null }]);
    expect((keptStaff.events as Events).find((e) => e.type === 'duplicate_merged')).toMatchObject({ visibility: 'internal', publicNote: null });
    expect(((await w.ok(resA.token, 'get', `/tickets/${kept.id}`)).events as Events).map((e) => e.type)).not.toContain('duplicate_merged');

    // From now on the merged resident hears of the request kept.
    await w.ok(agentA1.token, 'post', `/tickets/${kept.id}/accept`);
    expect((await inbox(resA2.token)).filter((n) => n.ticketId === kept.id).map((n) => n.kind)).toEqual(['accepted']);
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_logs WHERE action = 'ticket.merge'`);
    expect(audit).toHaveLength(1);
  });
});
