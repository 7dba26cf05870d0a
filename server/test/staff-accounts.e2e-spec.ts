import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/** Issue #22: skills come from the managed list (STAFF_SKILLS), so dispatch can match them. */
describe('staff accounts', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp('staff_accounts');
    w = new World(t);
  });
  afterAll(() => t.close());

  it('takes skills from the managed list only, on create and on update', async () => {
    const c = await w.community();
    const admin = await w.admin();
    const base = { password: 'password-123', name: '李师傅', roles: ['technician'], communityIds: [c.id] };
    const ok = await w.as(admin, 'post', '/admin/staff', { ...base, username: 'sk_ok', skills: ['水电', '管道疏通'] });
    expect(ok.status).toBe(201);
    expect(ok.body.skills).toEqual(['水电', '管道疏通']);
    const free = await w.as(admin, 'post', '/admin/staff', { ...base, username: 'sk_free', skills: ['什么都会'] });
    expect(free.status).toBe(400);
    expect(free.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(free.body.fields)).toContain('skills');
    const noRole = await w.as(admin, 'post', '/admin/staff', { ...base, username: 'sk_norole', roles: [] });
    expect(noRole.status).toBe(400);
    const update = await w.as(admin, 'patch', `/admin/staff/${ok.body.id}`, { skills: ['电梯', '随便'] });
    expect(update.status).toBe(400);
    expect((await w.ok(admin, 'patch', `/admin/staff/${ok.body.id}`, { skills: ['电梯'] })).skills).toEqual(['电梯']);
  });
});
