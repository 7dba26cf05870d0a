#!/usr/bin/env node
/**
 * Browser E2E of the mini-program's staff side (员工端) in the H5 build, on a phone-sized
 * viewport (390 px): a technician's day — sign in with the work account (bound to a demo
 * WeChat user), today's visit, check in, before photos, resolve with after photos and a
 * fee, and the silent sign-in afterwards — then an agent claiming a request from the pool.
 * The requests it works on are made through the API first, on the server's demo data.
 *
 *   BASE_URL=http://127.0.0.1:3000 node miniapp/e2e/staff-journey.js
 *
 * Environment (all optional):
 *   BASE_URL          server serving /h5/ and /api/v1                 (default http://127.0.0.1:3000)
 *   TECH_USERNAME / TECH_PASSWORD     the technician               (default shifu_wang / demo1234)
 *   AGENT_USERNAME / AGENT_PASSWORD   the agent who claims          (default kefu_a1 / demo1234)
 *   SUPERVISOR_USERNAME / SUPERVISOR_PASSWORD  sets the scene up    (default zhuguan / demo1234)
 *   RESIDENT_NAME     the demo resident submitting the pool request  (default demo: bound to a room)
 *   ARTIFACTS_DIR     screenshots                                    (default artifacts/e2e-staff)
 *   CHROMIUM          browser binary                                 (default /usr/bin/chromium)
 *   HEADED=1          show the browser
 *
 * Scene setting needs a pool request, which exists only while nobody is on duty: the
 * supervisor ends the duty shifts running now (the demo database is thrown away after).
 */
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { photoFixture } = require('./lib');

const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
const API = `${BASE_URL}/api/v1`;
const ARTIFACTS_DIR = process.env.ARTIFACTS_DIR || path.resolve(__dirname, '../../artifacts/e2e-staff');
const TECH = { username: process.env.TECH_USERNAME || 'shifu_wang', password: process.env.TECH_PASSWORD || 'demo1234' };
const AGENT = { username: process.env.AGENT_USERNAME || 'kefu_a1', password: process.env.AGENT_PASSWORD || 'demo1234' };
const SUPERVISOR = { username: process.env.SUPERVISOR_USERNAME || 'zhuguan', password: process.env.SUPERVISOR_PASSWORD || 'demo1234' };
const RESIDENT_NAME = process.env.RESIDENT_NAME || 'demo';
const TIMEOUT = 15000;
const RUN = Date.now().toString(36);

let shot = 0;
/** Each page touched, full length, at 390 px (a phone) and at 1366 px (the h5 on a desktop browser); the phone's viewport is restored. */
async function screenshot(page, name) {
  shot += 1;
  await page.waitForTimeout(400); // let Taro's page transition finish
  const own = page.viewportSize() || { width: 390, height: 844 };
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(200);
    const file = path.join(ARTIFACTS_DIR, `${String(shot).padStart(2, '0')}-${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  📸 ${path.relative(process.cwd(), file)}`);
  }
  await page.setViewportSize(own);
}
const step = (title) => console.log(`▶ ${title}`);

// ---- the API, for setting the scene and checking what was stored ----

async function call(token, method, p, body) {
  const res = await fetch(`${API}${p}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
const staffLogin = async ({ username, password }) => call(null, 'POST', '/auth/staff/login', { username, password });

/**
 * Today's visit for the technician: a repair registered by phone by the supervisor,
 * accepted and dispatched with the visit now; and a pool request from the demo resident.
 */
async function setScene() {
  // One sign-in for the whole scene (sign-ins are rate-limited per address): the
  // supervisor, who is an agent of the community too, registers, accepts and dispatches.
  const sup = await staffLogin(SUPERVISOR);
  const communityId = sup.staff.communityIds[0];
  const staffList = (await call(sup.accessToken, 'GET', `/admin/staff?communityId=${communityId}&limit=100`)).items;
  const tech = staffList.find((s) => s.username === TECH.username);
  const agentRow = staffList.find((s) => s.username === AGENT.username);
  if (!tech || !agentRow) throw new Error(`no ${TECH.username} or ${AGENT.username} in the community`);
  const rooms = (await call(sup.accessToken, 'GET', `/communities/${communityId}/rooms`)).items;
  const room = rooms[Math.min(5, rooms.length - 1)];
  const visit = await call(sup.accessToken, 'POST', '/tickets', {
    type: 'repair',
    roomId: room.id,
    category: '管道疏通',
    description: `E2E ${RUN}：卫生间地漏堵塞，下水很慢`,
    priority: 'urgent',
    channel: 'phone',
    residentName: '周先生',
    residentPhone: '13912345678',
  });
  await call(sup.accessToken, 'POST', `/tickets/${visit.id}/accept`, { note: '已电话联系业主' });
  await call(sup.accessToken, 'POST', `/tickets/${visit.id}/dispatch`, { assigneeId: tech.id, appointmentAt: new Date().toISOString() });

  // Nobody on duty right now → a resident's request waits in the pool.
  const from = new Date(Date.now() - 60_000).toISOString();
  const to = new Date(Date.now() + 60_000).toISOString();
  const shifts = await call(sup.accessToken, 'GET', `/admin/duty-shifts?communityId=${communityId}&from=${from}&to=${to}&limit=100`);
  for (const s of shifts.items) await call(sup.accessToken, 'DELETE', `/admin/duty-shifts/${s.id}`);
  const resident = await call(null, 'POST', '/auth/wechat/login', { code: `fake:${RESIDENT_NAME}:${RUN}` });
  const roomId = resident.resident.rooms.find((r) => r.status === 'approved')?.roomId;
  if (!roomId) throw new Error(`the demo resident ${RESIDENT_NAME} has no bound room`);
  const pooled = await call(resident.token, 'POST', '/tickets', {
    type: 'repair',
    roomId,
    category: '门窗',
    description: `E2E ${RUN}：阳台推拉门卡住，关不上`,
    contactPhone: '13800138000',
  });
  if (pooled.owner) throw new Error('the request was routed to someone on duty, not pooled');
  return { visit, pooled, apiToken: sup.accessToken, techName: tech.name, agentName: agentRow.name };
}

async function main() {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  step('set the scene through the API: today’s visit for the technician, a request in the pool');
  const scene = await setScene();
  console.log(`  visit ${scene.visit.no}, pool ${scene.pooled.no}`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: !process.env.HEADED,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const phone = () => browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const pageErrors = [];
  let page;
  const open = async () => {
    const p = await (await phone()).newPage();
    p.setDefaultTimeout(TIMEOUT);
    p.on('pageerror', (e) => pageErrors.push(e.message));
    p.on('console', (msg) => {
      if (msg.type() === 'error') console.log(`  [browser] ${msg.text()}`);
    });
    return p;
  };
  const text = (t) => page.getByText(t, { exact: true }).first();
  const signIn = async (who, demoName) => {
    await page.goto(`${BASE_URL}/h5/#/subpackages/staff/pages/home/index`);
    await page.waitForURL(/subpackages\/staff\/pages\/login\/index/);
    await page.locator('.staff-login__title').waitFor();
    await page.locator('.staff-login input').nth(0).fill(who.username);
    await page.locator('.staff-login input').nth(1).fill(who.password);
    await page.locator('.staff-login input').nth(2).fill(demoName);
  };
  const addPhoto = async (seed, name) => {
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.staff-sheet .photo-picker__add').click();
    await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: photoFixture(seed) });
    await page.locator('.staff-sheet .photo-picker__item .photo-picker__img').nth(0).waitFor();
    await page.waitForFunction(() => !document.querySelector('.staff-sheet .photo-picker__overlay'), null, { timeout: TIMEOUT });
  };

  try {
    page = await open();
    step(`technician ${TECH.username}: first sign-in binds the account to this (demo) WeChat user`);
    await signIn(TECH, `wx-${TECH.username}-${RUN}`);
    await screenshot(page, 'tech-sign-in');
    await page.locator('.staff-login .btn', { hasText: '登录并绑定微信' }).click();
    await page.waitForURL(/subpackages\/staff\/pages\/home\/index/);
    await text(`${scene.techName}，您好`).waitFor();

    step('today’s visits: the dispatched repair, urgent, with address and countdown');
    const card = page.locator('.staff-card', { hasText: `E2E ${RUN}：卫生间地漏堵塞` });
    await card.waitFor();
    const cardText = await card.innerText();
    for (const expected of ['紧急', '预约上门', scene.visit.room.label]) {
      if (!cardText.includes(expected)) throw new Error(`the visit card lacks "${expected}": ${cardText}`);
    }
    if (!/(剩|超时) .*秒/.test(cardText)) throw new Error(`no live countdown on the card: ${cardText}`);
    await screenshot(page, 'tech-today');

    step('open it: address, masked phone, appointment; check in');
    await card.click();
    await page.waitForURL(new RegExp(`subpackages/staff/pages/ticket/index\\?id=${scene.visit.id}`));
    await page.locator('.staff-detail', { hasText: '139****5678' }).waitFor();
    await screenshot(page, 'tech-ticket');
    await page.locator('.staff-actions .btn', { hasText: '到场签到' }).click();
    await page.locator('.staff-detail .staff-tag', { hasText: '处理中' }).waitFor();

    step('before photos (camera), on the timeline');
    await page.locator('.staff-actions .btn', { hasText: '维修前照片' }).click();
    await addPhoto(1, 'before.png');
    await screenshot(page, 'tech-before-photos');
    await page.locator('.staff-sheet .btn', { hasText: '提交' }).click();
    await page.locator('.staff-event', { hasText: '维修前照片' }).waitFor();

    step('resolve with an after photo and a fee');
    await page.locator('.staff-actions .btn', { hasText: '办结' }).click();
    await addPhoto(3, 'after.png');
    await page.locator('.staff-sheet input').last().fill('35');
    await page.locator('.staff-sheet textarea').fill('疏通地漏，更换防臭芯，排水正常');
    await screenshot(page, 'tech-resolve-form');
    await page.locator('.staff-sheet .btn', { hasText: '提交' }).click();
    await page.locator('.staff-detail .staff-tag', { hasText: '待确认' }).waitFor();
    await screenshot(page, 'tech-resolved');

    // What the server stored: one check-in, one before-photo comment, one resolution with its photo and fee.
    const stored = await call(scene.apiToken, 'GET', `/tickets/${scene.visit.id}`);
    const count = (type) => stored.events.filter((e) => e.type === type).length;
    if (stored.status !== 'resolved' || stored.fee !== 35) throw new Error(`stored: status ${stored.status}, fee ${stored.fee}`);
    if (count('started') !== 1 || count('resolved') !== 1 || count('commented') !== 1)
      throw new Error(`timeline: ${stored.events.map((e) => e.type).join(', ')}`);
    const resolved = stored.events.find((e) => e.type === 'resolved');
    const before = stored.events.find((e) => e.type === 'commented');
    if (resolved.photos.length !== 1 || before.photos.length !== 1) throw new Error('the before/after photos are not on the timeline');

    step('next time: signed in with wx.login alone (the binding), no password');
    await page.evaluate(() => localStorage.removeItem('yz.staff.session'));
    await page.goto(`${BASE_URL}/h5/#/subpackages/staff/pages/home/index`);
    await text(`${scene.techName}，您好`).waitFor();
    if (page.url().includes('/login/')) throw new Error('asked for the password again');
    await screenshot(page, 'tech-silent-sign-in');
    await page.context().close();

    page = await open();
    step(`agent ${AGENT.username}: the pool, with a live countdown; claim`);
    await signIn(AGENT, `wx-${AGENT.username}-${RUN}`);
    await page.locator('.staff-login .btn', { hasText: '登录并绑定微信' }).click();
    await page.waitForURL(/subpackages\/staff\/pages\/home\/index/);
    await page.locator('.staff-tabs__tab--on', { hasText: '待领取' }).waitFor();
    const pooled = page.locator('.staff-card', { hasText: `E2E ${RUN}：阳台推拉门卡住` });
    await pooled.waitFor();
    const first = await pooled.locator('.staff-countdown').innerText();
    await page.waitForTimeout(1500);
    const second = await pooled.locator('.staff-countdown').innerText();
    if (first === second) throw new Error(`the countdown does not tick: ${first}`);
    await screenshot(page, 'agent-pool');
    await pooled.locator('.btn', { hasText: '领取' }).click();
    await page.waitForURL(new RegExp(`subpackages/staff/pages/ticket/index\\?id=${scene.pooled.id}`));
    await page.locator('.staff-actions .btn', { hasText: '受理' }).waitFor();
    await screenshot(page, 'agent-claimed');
    await page.locator('.staff-actions .btn', { hasText: '受理' }).click();
    await page.locator('.staff-detail .staff-tag', { hasText: '已受理' }).waitFor();
    await page.locator('.staff-actions .btn', { hasText: '派工' }).click();
    await page.locator('.staff-person').first().waitFor();
    await screenshot(page, 'agent-dispatch-picker');
    const claimed = await call(scene.apiToken, 'GET', `/tickets/${scene.pooled.id}`);
    if (claimed.owner?.name == null || claimed.status !== 'accepted') throw new Error(`after claim: ${JSON.stringify(claimed.owner)} ${claimed.status}`);

    if (pageErrors.length) throw new Error(`uncaught errors in the page:\n${pageErrors.join('\n')}`);
    console.log(`✔ staff mini-program journey passed (${shot} screenshots in ${ARTIFACTS_DIR})`);
  } catch (e) {
    if (page) await screenshot(page, 'failure').catch(() => undefined);
    console.error(`✖ staff mini-program journey failed: ${e.message}`);
    if (pageErrors.length) console.error(`page errors:\n${pageErrors.join('\n')}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main();
