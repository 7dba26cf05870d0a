import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/** Bad input gets a clear 4xx with a stable code and changes nothing; duplicates create one request. */
describe('idempotency and bad input', () => {
  let t: TestApp;
  let w: World;
  let c: Awaited<ReturnType<World['community']>>;
  let resident: { id: string; token: string };
  const count = async () => Number((await t.sql<{ n: string }>('SELECT COUNT(*) AS n FROM tickets'))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp('input');
    w = new World(t);
    c = await w.community();
    resident = await w.resident('inp', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
  });
  afterAll(() => t.close());

  it('returns the first result for a repeated Idempotency-Key and creates nothing new', async () => {
    const before = await count();
    const body = w.repair(c.roomA.id);
    const first = await w.as(resident.token, 'post', '/tickets', body, { 'Idempotency-Key': 'draft-1' });
    const second = await w.as(resident.token, 'post', '/tickets', body, { 'Idempotency-Key': 'draft-1' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.no).toBe(first.body.no);
    expect(await count()).toBe(before + 1);
    const other = await w.as(resident.token, 'post', '/tickets', body, { 'Idempotency-Key': 'draft-2' });
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('creates one request from ten concurrent double taps with the same key', async () => {
    const before = await count();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => w.as(resident.token, 'post', '/tickets', w.repair(c.roomA.id), { 'Idempotency-Key': 'tap-tap' })),
    );
    const ok = results.filter((r) => r.status === 201);
    const busy = results.filter((r) => r.status === 409);
    expect(ok.length + busy.length).toBe(10);
    expect(new Set(ok.map((r) => r.body.id)).size).toBe(1);
    for (const r of busy) expect(r.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(await count()).toBe(before + 1);
  });

  it('numbers requests that arrive together consecutively, each number once (they share the counter’s bumps)', async () => {
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        w.ok(resident.token, 'post', '/tickets', { ...w.repair(c.roomA.id), description: `厨房水龙头漏水，同时提交第${i}条` }),
      ),
    );
    const seqs = made.map((x: { no: string }) => Number(x.no.split('-')[1])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(8);
    expect(seqs[7]! - seqs[0]!).toBe(7);
  });

  it('scopes keys to the caller: another resident’s same key is a different request', async () => {
    const other = await w.resident('inp2', { roomId: c.roomA2.id, name: '王芳', phone: '13912345678' });
    const a = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id), { 'Idempotency-Key': 'shared-key' });
    const b = await w.ok(other.token, 'post', '/tickets', w.repair(c.roomA2.id), { 'Idempotency-Key': 'shared-key' });
    expect(a.id).not.toBe(b.id);
  });

  it.each([
    ['an unknown field', { ...{ type: 'repair', roomId: '1', category: '水电', description: 'x' }, hacked: true }, 'hacked'],
    ['a wrong type', { type: 'repair', roomId: 1, category: '水电', description: 'x' }, 'roomId'],
    ['an unknown ticket type', { type: 'other', roomId: '1', category: '水电', description: 'x' }, 'type'],
    ['a missing description', { type: 'repair', roomId: '1', category: '水电' }, 'description'],
    ['a huge description', { type: 'repair', roomId: '1', category: '水电', description: '漏'.repeat(5000) }, 'description'],
    [
      'ten photos',
      { type: 'repair', roomId: '1', category: '水电', description: 'x', photoIds: Array.from({ length: 10 }, (_, i) => String(i + 1)) },
      'photoIds',
    ],
    ['an array body', [1, 2, 3], null],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_label, body, field) => {
    const before = await count();
    const res = await w.as(resident.token, 'post', '/tickets', body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(typeof res.body.message).toBe('string');
    if (field) expect(Object.keys(res.body.fields)).toContain(field);
    expect(await count()).toBe(before);
  });

  it('answers malformed JSON, bad ids, bad cursors and bad keys with 4xx, never 500', async () => {
    const raw = await t.http
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${resident.token}`)
      .set('Content-Type', 'application/json')
      .send('{"type": "repair",');
    expect(raw.status).toBe(400);
    expect(raw.body.code).toBe('INVALID_JSON');
    expect((await w.as(resident.token, 'get', '/tickets/abc')).status).toBe(400);
    expect((await w.as(resident.token, 'get', '/tickets/99999999999999999999')).status).toBe(404);
    const cursor = await w.as(resident.token, 'get', '/tickets?cursor=%%%');
    expect(cursor.status).toBe(400);
    expect(cursor.body.code).toBe('INVALID_CURSOR');
    expect((await w.as(resident.token, 'get', '/tickets?limit=1000')).status).toBe(400);
    expect((await w.as(resident.token, 'get', '/tickets?overdue=maybe')).status).toBe(400);
    const badKey = await w.as(resident.token, 'post', '/tickets', w.repair(c.roomA.id), { 'Idempotency-Key': 'x'.repeat(65) });
    expect(badKey.status).toBe(400);
    const big = await t.http
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${resident.token}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ description: 'x'.repeat(400_000) }));
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await t.http.get('/api/v1/no-such-route')).status).toBe(404);
    const badPhone = await w.as(resident.token, 'post', '/tickets', { ...w.repair(c.roomA.id), contactPhone: '12345' });
    expect(badPhone.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const staffOnly = await w.as(resident.token, 'post', '/tickets', { ...w.repair(c.roomA.id), channel: 'phone' });
    expect(staffOnly.status).toBe(400);
  });

  it('pages with a keyset cursor that is stable under inserts', async () => {
    const agent = await w.staff('inp_agent', ['agent'], [c.id]);
    for (let i = 0; i < 5; i++) await w.ok(agent.token, 'post', '/tickets', { ...w.repair(c.roomB.id), channel: 'phone', description: `第${i}条` });
    const all = (await w.ok(agent.token, 'get', '/tickets?limit=100')).items.map((i: { id: string }) => i.id);
    const page1 = await w.ok(agent.token, 'get', '/tickets?limit=3');
    await w.ok(agent.token, 'post', '/tickets', { ...w.repair(c.roomB.id), channel: 'phone', description: '插入' });
    const seen = [...page1.items.map((i: { id: string }) => i.id)];
    let cursor = page1.nextCursor;
    while (cursor) {
      const page = await w.ok(agent.token, 'get', `/tickets?limit=3&cursor=${encodeURIComponent(cursor)}`);
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all);
  });

  it('orders a queue most pressing first: breached, then by time left on the running clock (not the resolve deadline)', async () => {
    const agent = await w.staff('inp_pressing', ['agent'], [c.id]);
    const make = async (description: string, priority: 'normal' | 'urgent' = 'normal') =>
      (await w.ok(agent.token, 'post', '/tickets', { ...w.repair(c.roomB.id), channel: 'phone', description, priority })).id as string;
    const accepted = await make('已受理，等上门');
    await w.ok(agent.token, 'post', `/tickets/${accepted}/accept`, {});
    const normal = await make('普通报修，待受理');
    const urgent = await make('紧急：水管爆裂', 'urgent');
    const breached = await make('早已超时');
    // Past its response limit, as the clock would stand an hour later (the deadline and its queue key).
    const past = new Date(Date.now() - 5 * 60_000);
    await t.sql('UPDATE tickets SET respond_by = ?, clock_due_at = ? WHERE id = ?', [past, past, breached]);
    const queue = await w.ok(agent.token, 'get', '/tickets?sort=deadline&stage=open&mine=owner&limit=100');
    const ids = queue.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual([breached, urgent, normal, accepted]);
    // The urgent one's resolve deadline is later than the normal one's response limit: the running clock decides.
    const item = (id: string) => queue.items.find((i: { id: string }) => i.id === id);
    expect(item(urgent).clock).toMatchObject({ name: 'respond' });
    expect(item(accepted).clock).toMatchObject({ name: 'onsite' });
    expect(item(breached).clock).toMatchObject({ state: 'breached' });
    const dues = queue.items.map((i: { clock: { dueAt: string } }) => Date.parse(i.clock.dueAt));
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    // The desk's tab counts, with the same filters.
    const counts = await w.ok(agent.token, 'get', '/tickets/counts?mine=owner');
    expect(counts).toEqual({
      byStatus: { submitted: 3, accepted: 1, dispatched: 0, in_progress: 0, resolved: 0, closed: 0, revisited: 0, cancelled: 0 },
      total: 4,
    });
  });

  it('pages newest and oldest first over several communities and statuses: every filter walks the same tickets in the same order as one pass', async () => {
    const c2 = await w.community('枫林苑');
    const agent = await w.staff('inp_walks', ['agent'], [c.id, c2.id]);
    const made: string[] = [];
    for (let i = 0; i < 10; i++) {
      const room = i % 2 ? c2.roomB.id : c.roomB.id;
      made.push((await w.ok(agent.token, 'post', '/tickets', { ...w.repair(room), channel: 'phone', description: `多小区${i}` })).id);
    }
    for (const i of [1, 2, 5, 8]) await w.ok(agent.token, 'post', `/tickets/${made[i]}/accept`, {});
    await w.ok(agent.token, 'post', `/tickets/${made[3]}/cancel`, { reason: '重复提交' });
    const open = "'submitted','accepted','dispatched','in_progress'";
    const cases: [string, string][] = [
      ['', ''],
      ['stage=open', `AND status IN (${open})`],
      ['stage=done', `AND status NOT IN (${open})`],
      ['status=accepted', "AND status = 'accepted'"],
      ['mine=owner', `AND owner_id = ${agent.id}`],
      ['mine=owner&stage=open', `AND owner_id = ${agent.id} AND status IN (${open})`],
      [`communityId=${c2.id}&stage=open`, `AND community_id = ${c2.id} AND status IN (${open})`],
    ];
    for (const [filter, where] of cases) {
      for (const sort of ['newest', 'oldest']) {
        const expected = (
          await t.sql<{ id: string | number }>(
            `SELECT id FROM tickets WHERE community_id IN (${c.id}, ${c2.id}) ${where} ORDER BY id ${sort === 'newest' ? 'DESC' : 'ASC'}`,
          )
        ).map((r) => String(r.id));
        const walked: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: { id: string }[]; nextCursor: string | null } = await w.ok(
            agent.token,
            'get',
            `/tickets?${filter}&sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
          walked.push(...page.items.map((x) => x.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect({ filter, sort, walked }).toEqual({ filter, sort, walked: expected });
      }
    }
    const mine = await w.ok(resident.token, 'get', '/tickets?limit=100');
    const own = (await t.sql<{ id: string | number }>(`SELECT id FROM tickets WHERE resident_id = ${resident.id} ORDER BY id DESC`)).map((r) => String(r.id));
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual(own.slice(0, 100));
  });

  it('pages by deadline: soonest due first, requests without a running clock last, cursors continuous', async () => {
    const agent = await w.staff('inp_deadline', ['agent'], [c.id]);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await w.ok(agent.token, 'post', '/tickets', { ...w.repair(c.roomB.id), channel: 'phone', description: `期限${i}` })).id);
    // Spread the running clocks' deadlines out of creation order; one request has none.
    const offsets = [5, 1, 4, 2, null];
    for (const [i, id] of ids.entries()) {
      const off = offsets[i];
      const due = off === null ? null : new Date(Date.now() + off! * 3600_000);
      await t.sql('UPDATE tickets SET respond_by = ?, clock_due_at = ? WHERE id = ?', [due, due, id]);
    }
    const walked: { id: string; dueAt: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; clock: { dueAt: string } | null }[]; nextCursor: string | null } = await w.ok(
        agent.token,
        'get',
        `/tickets?sort=deadline&mine=owner&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      walked.push(...page.items.map((i) => ({ id: i.id, dueAt: i.clock?.dueAt ?? null })));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked.map((x) => x.id)).toEqual([ids[1], ids[3], ids[2], ids[0], ids[4]]);
    const oneGo = await w.ok(agent.token, 'get', '/tickets?sort=deadline&mine=owner&limit=100');
    expect(oneGo.items.map((i: { id: string }) => i.id)).toEqual(walked.map((x) => x.id));
    expect(oneGo.items[0].owner).toEqual({ id: agent.id, name: 'inp_deadline' });
    expect(oneGo.items[0].room.label).toBe('B2区 8栋 1单元 0601');
  });

  it('pages open requests by deadline across statuses: ties by id, undated last, cursors continuous', async () => {
    const agent = await w.staff('inp_deadline_open', ['agent'], [c.id]);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push((await w.ok(agent.token, 'post', '/tickets', { ...w.repair(c.roomB.id), channel: 'phone', description: `期限开放${i}` })).id);
    // Mixed statuses (the list walks each open status on its own and merges), a tie across statuses, one undated, one done.
    for (const i of [1, 2, 5]) await w.ok(agent.token, 'post', `/tickets/${ids[i]}/accept`, {});
    await w.ok(agent.token, 'post', `/tickets/${ids[6]}/cancel`, { reason: '重复提交' });
    const base = Date.now();
    const offsets = [3, 2, 3, 1, null, 0.5, 0.1];
    for (const [i, id] of ids.entries()) {
      const off = offsets[i];
      await t.sql('UPDATE tickets SET clock_due_at = ? WHERE id = ?', [off === null ? null : new Date(base + off! * 3600_000), id]);
    }
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await w.ok(
        agent.token,
        'get',
        `/tickets?sort=deadline&stage=open&mine=owner&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      walked.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    // ids[0] and ids[2] share a deadline (submitted vs accepted): the lower id first.
    expect(walked).toEqual([ids[5], ids[3], ids[1], ids[0], ids[2], ids[4]]);
  });

  it('throttles urging to once per 30 minutes', async () => {
    const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    expect((await w.as(resident.token, 'post', `/tickets/${tk.id}/urge`)).status).toBe(200);
    const again = await w.as(resident.token, 'post', `/tickets/${tk.id}/urge`);
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('URGE_TOO_SOON');
  });
});
