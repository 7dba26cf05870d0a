import type { StaffRole } from '@yizhan/shared';
import type { TestApp } from './test-app';

/**
 * Builders for the people and places a test needs, all created through the public
 * API as an operator would, so the tests exercise the same paths.
 */
export class World {
  private adminToken: string | null = null;
  private nonce = 0;

  constructor(readonly t: TestApp) {}

  async admin(): Promise<string> {
    this.adminToken ??= await this.staffLogin('admin', 'admin-password');
    return this.adminToken;
  }

  async staffLogin(username: string, password = 'password-123'): Promise<string> {
    const res = await this.t.http.post('/api/v1/auth/staff/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken;
  }

  async as<T = any>(
    token: string,
    method: 'get' | 'post' | 'patch' | 'put' | 'delete',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    let req = this.t.http[method](`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    const res = body === undefined ? await req : await req.send(body as object);
    return { status: res.status, body: res.body };
  }

  async ok<T = any>(
    token: string,
    method: 'get' | 'post' | 'patch' | 'put' | 'delete',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> {
    const res = await this.as<T>(token, method, path, body, headers);
    if (res.status >= 300) throw new Error(`${method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A community with zones A1 and B2, one building in each, and rooms with roster entries. */
  async community(name = '翠湖花园') {
    const admin = await this.admin();
    const community = await this.ok(admin, 'post', '/admin/communities', { name, address: '测试路 1 号' });
    const a1 = await this.ok(admin, 'post', `/admin/communities/${community.id}/zones`, { name: 'A1' });
    const b2 = await this.ok(admin, 'post', `/admin/communities/${community.id}/zones`, { name: 'B2' });
    const bA = await this.ok(admin, 'post', `/admin/communities/${community.id}/buildings`, { name: '3', zoneId: a1.id });
    const bB = await this.ok(admin, 'post', `/admin/communities/${community.id}/buildings`, { name: '8', zoneId: b2.id });
    const roomA = await this.ok(admin, 'post', `/admin/communities/${community.id}/rooms`, {
      buildingId: bA.id,
      unit: '2',
      number: '1201',
      ownerName: '张伟',
      ownerPhone: '13812341234',
    });
    const roomA2 = await this.ok(admin, 'post', `/admin/communities/${community.id}/rooms`, {
      buildingId: bA.id,
      unit: '2',
      number: '1202',
      ownerName: '王芳',
      ownerPhone: '13912345678',
    });
    const roomB = await this.ok(admin, 'post', `/admin/communities/${community.id}/rooms`, {
      buildingId: bB.id,
      unit: '1',
      number: '0601',
      ownerName: '李娜',
      ownerPhone: '13700001111',
    });
    return {
      id: community.id as string,
      zoneA1: a1.id as string,
      zoneB2: b2.id as string,
      buildingA: bA.id as string,
      buildingB: bB.id as string,
      roomA: roomA as { id: string; label: string },
      roomA2: roomA2 as { id: string },
      roomB: roomB as { id: string },
    };
  }

  async staff(username: string, roles: StaffRole[], communityIds: string[], extra: Record<string, unknown> = {}) {
    const admin = await this.admin();
    const staff = await this.ok(admin, 'post', '/admin/staff', {
      username,
      password: 'password-123',
      name: extra.name ?? username,
      roles,
      communityIds,
      ...extra,
    });
    return { id: staff.id as string, token: await this.staffLogin(username) };
  }

  /** A duty shift covering now (from an hour ago to `hours` from now). */
  async onDuty(communityId: string, zoneId: string | null, staffId: string, hours = 8) {
    const admin = await this.admin();
    const now = Date.now();
    return this.ok(admin, 'post', '/admin/duty-shifts', {
      communityId,
      zoneId,
      staffId,
      startAt: new Date(now - 3600_000).toISOString(),
      endAt: new Date(now + hours * 3600_000).toISOString(),
    });
  }

  /** A resident logged in through the fake WeChat; bound to a room when given roster details. */
  async resident(user: string, bind?: { roomId: string; name: string; phone: string }) {
    const login = await this.t.http.post('/api/v1/auth/wechat/login').send({ code: `fake:${user}:${++this.nonce}` });
    if (login.status !== 200) throw new Error(`wechat login: ${login.status} ${JSON.stringify(login.body)}`);
    const token = login.body.token as string;
    if (bind) {
      const bound = await this.ok(token, 'post', '/me/rooms', bind);
      if (bound.status !== 'approved') throw new Error(`binding not approved: ${JSON.stringify(bound)}`);
    }
    return { id: login.body.resident.id as string, token };
  }

  repair(roomId: string, extra: Record<string, unknown> = {}) {
    return { type: 'repair', roomId, category: '水电', description: '厨房水龙头漏水，关不紧', contactPhone: '13812341234', ...extra };
  }
}
