import { PrivacyService } from '../src/modules/residents/privacy.service';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/** PIPL: a resident's "delete my data", and the retention rule. Personal data goes; requests stay for statistics. */
describe('residents’ personal data', () => {
  let t: TestApp;
  let w: World;
  let c: Awaited<ReturnType<World['community']>>;
  let agent: { id: string; token: string };
  beforeAll(async () => {
    t = await startTestApp('privacy', { RETENTION_DAYS: '365' });
    w = new World(t);
    c = await w.community();
    agent = await w.staff('p_agent', ['agent'], [c.id]);
    await w.onDuty(c.id, c.zoneA1, agent.id);
  });
  afterAll(() => t.close());

  it('erases a resident at their request and keeps their requests, anonymised', async () => {
    const r = await w.resident('p_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    await w.ok(r.token, 'post', '/me/phone', { code: 'phone:13812341234' });
    await w.ok(r.token, 'post', '/subscriptions', { results: { tpl_accepted: 'accept' } });
    const tk = await w.ok(r.token, 'post', '/tickets', { ...w.repair(c.roomA.id), contactPhone: '13812341234' });
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`, {});

    expect((await w.as(r.token, 'delete', '/me')).status).toBe(204);

    const [resident] = await t.sql<{ openid: string; phone_enc: string | null; erased_at: Date | null }>(
      'SELECT openid, phone_enc, erased_at FROM residents WHERE id = ?',
      [r.id],
    );
    expect(resident!.openid).toBe(`erased:${r.id}`);
    expect(resident!.phone_enc).toBeNull();
    expect(resident!.erased_at).not.toBeNull();
    expect(await t.sql('SELECT id FROM room_bindings WHERE resident_id = ?', [r.id])).toEqual([]);
    expect(await t.sql('SELECT id FROM notices WHERE resident_id = ?', [r.id])).toEqual([]);
    expect(await t.sql('SELECT resident_id FROM subscription_credits WHERE resident_id = ?', [r.id])).toEqual([]);
    const [ticket] = await t.sql<{ contact_phone_enc: string | null; status: string }>('SELECT contact_phone_enc, status FROM tickets WHERE id = ?', [tk.id]);
    expect(ticket).toEqual({ contact_phone_enc: null, status: 'accepted' }); // the request stays, without the phone

    // The old token leads nowhere; the staff still see the request, with no contact phone.
    expect((await w.as(r.token, 'get', '/me')).status).toBe(401);
    expect((await w.as(r.token, 'get', '/tickets')).status).toBe(401); // every session ends, not only /me
    expect((await w.ok(agent.token, 'get', `/tickets/${tk.id}`)).contactPhoneMasked).toBeNull();
    // Signing in again with the same WeChat account starts afresh.
    const again = await w.resident('p_res');
    expect(again.id).not.toBe(r.id);
    expect((await w.ok(again.token, 'get', '/tickets')).items).toEqual([]);
    const audit = await t.sql<{ action: string }>("SELECT action FROM audit_logs WHERE action = 'resident.erase' AND target_id = ?", [r.id]);
    expect(audit).toHaveLength(1);
  });

  it('erases what the retention period has outlived, and nothing else', async () => {
    const old = await w.resident('p_old', { roomId: c.roomA2.id, name: '王芳', phone: '13912345678' });
    const active = await w.resident('p_active', { roomId: c.roomB.id, name: '李娜', phone: '13700001111' });
    const done = await w.ok(old.token, 'post', '/tickets', w.repair(c.roomA2.id));
    await w.ok(old.token, 'post', `/tickets/${done.id}/cancel`, { reason: '已自行修好' });
    const open = await w.ok(active.token, 'post', '/tickets', w.repair(c.roomB.id));
    // Two years pass for the first resident and their finished request.
    const longAgo = new Date(Date.now() - 800 * 86400_000);
    await t.sql('UPDATE residents SET last_login_at = ? WHERE id IN (?, ?)', [longAgo, old.id, active.id]);
    await t.sql('UPDATE tickets SET updated_at = ? WHERE id IN (?, ?)', [longAgo, done.id, open.id]);

    const result = await t.app.get(PrivacyService).retentionPass();
    expect(result.residentsErased).toBeGreaterThanOrEqual(1);
    const erased = await t.sql<{ id: string; erased_at: Date | null }>('SELECT id, erased_at FROM residents WHERE id IN (?, ?) ORDER BY id', [
      old.id,
      active.id,
    ]);
    expect(erased.map((r) => [String(r.id), r.erased_at !== null])).toEqual([
      [old.id, true],
      [active.id, false],
    ]); // an open request keeps its resident
    const phones = await t.sql<{ id: string; contact_phone_enc: string | null }>('SELECT id, contact_phone_enc FROM tickets WHERE id IN (?, ?) ORDER BY id', [
      done.id,
      open.id,
    ]);
    expect(phones.map((p) => [String(p.id), p.contact_phone_enc === null])).toEqual([
      [done.id, true],
      [open.id, false],
    ]);
    // Idempotent: a second pass (or a second instance) finds nothing more to do.
    expect(await t.app.get(PrivacyService).retentionPass()).toEqual({ ticketsScrubbed: 0, residentsErased: 0 });
  });
});
