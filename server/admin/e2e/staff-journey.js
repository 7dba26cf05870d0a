// The office staff's day, end to end against a running server:
//   agent claims a resident's request from the pool (or registers one by phone),
//   accepts and dispatches it; the technician, on a phone, starts and resolves it
//   with an after-photo; the agent verifies and does the return visit; the
//   supervisor's dashboard numbers move.
//
//   BASE_URL=http://127.0.0.1:3000 ADMIN_USERNAME=admin ADMIN_PASSWORD=… node e2e/staff-journey.js
//
// Set-up data (community, zone, building, room, three staff accounts) is created
// through the API with the bootstrap admin account; everything after is done in the browser.
import { act, ARTIFACTS_DIR, btn, checker, DESKTOP, launch, login, PHONE, pickOption, pngBuffer, shot, sidewaysAt1366 } from './lib.js';

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
const ADMIN_USERNAME = process.env.ADMIN_USERNAME || 'admin';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD || 'admin123';
const PASSWORD = 'E2e-pass-2026';
const suffix = Date.now().toString(36).slice(-5);
const t = checker();

async function api(method, path, { token, body, idem } = {}) {
  const res = await fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(idem ? { 'Idempotency-Key': idem } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${data?.code ?? ''} ${data?.message ?? text}`);
  return data;
}

async function setUp() {
  const { accessToken: admin } = await api('POST', '/auth/staff/login', { body: { username: ADMIN_USERNAME, password: ADMIN_PASSWORD } });
  const community = await api('POST', '/admin/communities', { token: admin, body: { name: `E2E花园${suffix}`, address: '测试路 1 号' } });
  const zone = await api('POST', `/admin/communities/${community.id}/zones`, { token: admin, body: { name: 'A1区' } });
  const building = await api('POST', `/admin/communities/${community.id}/buildings`, { token: admin, body: { name: '1栋', zoneId: zone.id } });
  const ownerPhone = `139${String(Date.now()).slice(-8)}`;
  const room = await api('POST', `/admin/communities/${community.id}/rooms`, {
    token: admin,
    body: { buildingId: building.id, unit: '1', number: '101', ownerName: '张业主', ownerPhone },
  });
  const mk = (username, name, roles, skills = []) =>
    api('POST', '/admin/staff', { token: admin, body: { username, password: PASSWORD, name, roles, communityIds: [community.id], skills } });
  const agent = await mk(`agent_${suffix}`, '王客服', ['agent']);
  const tech = await mk(`tech_${suffix}`, '李师傅', ['technician'], ['水电']);
  const boss = await mk(`boss_${suffix}`, '赵主管', ['supervisor']);
  return { admin, community, room, ownerPhone, agent, tech, boss };
}

/** A resident's request with nobody on duty lands in the pool. Needs the server's WeChat stand-in. */
async function residentTicket(ctx) {
  const code = process.env.E2E_WECHAT_CODE || `fake:e2e-${suffix}:${Date.now()}`;
  const { token } = await api('POST', '/auth/wechat/login', { body: { code } });
  await api('POST', '/me/rooms', { token, body: { roomId: ctx.room.id, name: '张业主', phone: ctx.ownerPhone } });
  return api('POST', '/tickets', {
    token,
    idem: `e2e-${suffix}`,
    body: { type: 'repair', roomId: ctx.room.id, category: '水电', description: 'E2E：卫生间水龙头一直滴水', priority: 'normal' },
  });
}

async function dashboardNumbers(page) {
  const today = page.getByTestId('today');
  await today.waitFor();
  await page.waitForTimeout(800);
  const read = async (title) => {
    const text = await today.locator('.ant-statistic', { hasText: title }).locator('.ant-statistic-content').innerText();
    return Number.parseInt(text.replace(/[^\d]/g, ''), 10);
  };
  const numbers = { created: await read('新增工单'), resolved: await read('办结') };
  if (Number.isNaN(numbers.created) || Number.isNaN(numbers.resolved)) throw new Error('dashboard shows no numbers (GET /admin/stats failed?)');
  return numbers;
}

async function main() {
  console.log(`staff journey against ${BASE}; screenshots in ${ARTIFACTS_DIR}`);
  const health = await fetch(`${BASE}/api/v1/health`)
    .then((r) => r.ok)
    .catch(() => false);
  if (!t.ok(health, 'server answers /api/v1/health')) return t.done();

  const ctx = await setUp();
  t.ok(true, `set-up: community ${ctx.community.name}, agent/tech/supervisor accounts`);
  let pooled = null;

  const browser = await launch();
  try {
    const bossPage = await (await browser.newContext(DESKTOP)).newPage();
    const agentPage = await (await browser.newContext(DESKTOP)).newPage();
    const techPage = await (await browser.newContext(PHONE)).newPage();

    let before = { created: 0, resolved: 0 };
    await t.step('supervisor logs in and reads today’s numbers', async () => {
      await login(bossPage, BASE, ctx.boss.username, PASSWORD);
      await bossPage.goto(`${BASE}/admin/dashboard`);
      before = await dashboardNumbers(bossPage);
      await shot(bossPage, '01-dashboard-before');
    });

    // The request is made after the first reading, so the dashboard has something to count.
    try {
      pooled = await residentTicket(ctx);
      t.ok(pooled.owner === null, `resident request ${pooled.no} waits in the pool (nobody on duty)`);
    } catch (e) {
      console.log(`  · resident path unavailable (${e.message}); the agent registers a phone request instead`);
    }

    let ticketNo = pooled?.no;
    await t.step('agent logs in and lands on the desk', async () => {
      await login(agentPage, BASE, ctx.agent.username, PASSWORD);
      await agentPage.getByText('待认领').first().waitFor();
      await agentPage.waitForTimeout(500);
      await shot(agentPage, '02-desk');
    });

    if (pooled) {
      await t.step('agent claims the pooled request and becomes its owner', async () => {
        const row = agentPage.locator('tr', { hasText: pooled.no });
        await row.waitFor({ timeout: 15000 });
        await shot(agentPage, '02-desk-pool');
        await row.getByRole('button', { name: btn('认领') }).click();
        await agentPage.waitForURL(/\/admin\/tickets\/\w+/);
        await agentPage.getByText('王客服').first().waitFor();
      });
    } else {
      await t.step('agent registers a phone request and owns it', async () => {
        await agentPage.goto(`${BASE}/admin/intake`);
        const form = agentPage.locator('form');
        await pickOption(agentPage, form.locator('.ant-form-item', { hasText: '小区' }), ctx.community.name);
        await pickOption(agentPage, form.locator('.ant-form-item', { hasText: '房屋' }), '101');
        await agentPage.getByLabel('住户姓名').fill('张业主');
        await agentPage.getByLabel('住户手机号').fill(ctx.ownerPhone);
        await pickOption(agentPage, form.locator('.ant-form-item', { hasText: '类别' }), '水电');
        await agentPage.getByLabel('问题描述').fill('E2E：卫生间水龙头一直滴水');
        await agentPage.getByRole('button', { name: '登记并负责跟进' }).click();
        await agentPage.waitForURL(/\/admin\/tickets\/\w+/);
        ticketNo = (await agentPage.locator('.ant-card-head-title').first().innerText()).match(/[A-Z]{2}\d{8}-\d+/)?.[0];
      });
    }
    const ticketUrl = agentPage.url();

    await t.step('agent accepts and dispatches to the technician (picker shows skills and load)', async () => {
      await act(agentPage, '受理');
      await agentPage.getByRole('button', { name: btn('派工') }).waitFor();
      await act(agentPage, '派工', async (dialog) => {
        await pickOption(agentPage, dialog.locator('.ant-form-item', { hasText: '维修技师' }), '李师傅');
      });
      await agentPage.getByText('李师傅').first().waitFor();
      await shot(agentPage, '03-ticket-dispatched');
    });

    await t.step('technician, on a phone, sees the job and checks in on site', async () => {
      await login(techPage, BASE, ctx.tech.username, PASSWORD);
      await techPage.waitForURL(/\/admin\/jobs/);
      const card = techPage.getByTestId('job-card').filter({ hasText: ticketNo ?? '' });
      await card.waitFor({ timeout: 15000 });
      await shot(techPage, '04-tech-jobs');
      await card.getByRole('button', { name: btn('开始处理') }).click();
      const dialog = techPage.getByRole('dialog');
      await dialog.getByRole('button', { name: btn('确定') }).click();
      await dialog.waitFor({ state: 'hidden' });
    });

    const resolvedInUi = await t.step('technician resolves with an after-photo, a note and the fee', async () => {
      const card = techPage.getByTestId('job-card').filter({ hasText: ticketNo ?? '' });
      await card.getByRole('button', { name: btn('办结') }).click();
      const dialog = techPage.getByRole('dialog');
      await dialog.getByLabel('处理结果').fill('更换水龙头阀芯，已不再滴水');
      await dialog
        .locator('.ant-form-item', { hasText: '完工照片' })
        .locator('input[type=file]')
        .setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: pngBuffer() });
      await dialog.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').first().waitFor({ timeout: 15000 });
      await dialog.getByLabel('费用（元）').fill('35');
      await shot(techPage, '05-tech-resolve-form');
      await dialog.getByRole('button', { name: btn('确定') }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 15000 });
    });

    if (!resolvedInUi) {
      // Keep checking the rest of the journey: resolve through the API instead (this run still fails).
      console.log('  · resolving through the API so the remaining steps can run');
      await techPage.keyboard.press('Escape').catch(() => {});
      const { accessToken } = await api('POST', '/auth/staff/login', { body: { username: ctx.tech.username, password: PASSWORD } });
      const id = ticketUrl.split('/').pop();
      await api('POST', `/tickets/${id}/resolve`, { token: accessToken, body: { note: '更换水龙头阀芯（API 代办）', fee: 35 } });
    }

    await t.step('agent verifies with the resident and records a satisfied return visit', async () => {
      await agentPage.goto(ticketUrl);
      await act(agentPage, '核实完成');
      await act(agentPage, '回访', async (dialog) => {
        await dialog.getByLabel('满意', { exact: true }).check();
      });
      await agentPage.getByText('已回访').first().waitFor();
      await shot(agentPage, '06-ticket-revisited');
    });

    await t.step('supervisor sees the dashboard numbers move', async () => {
      await bossPage.reload();
      const after = await dashboardNumbers(bossPage);
      await shot(bossPage, '07-dashboard-after');
      // The supervisor's other pages, shot at both widths (and checked for sideways scrolling).
      for (const [path, heading, name] of [
        ['/escalations', '超时督办', '08-escalations'],
        ['/sla', '时限设置', '09-sla'],
        ['/roster', '值班排班', '10-roster'],
      ]) {
        await bossPage.goto(`${BASE}/admin${path}`);
        await bossPage.getByText(heading).first().waitFor();
        await bossPage.waitForTimeout(600);
        await shot(bossPage, name);
      }
      if (!(after.created >= before.created + 1)) throw new Error(`今日新增 ${before.created} → ${after.created}`);
      if (!(after.resolved >= before.resolved + 1)) throw new Error(`今日办结 ${before.resolved} → ${after.resolved}`);
    });
    t.ok(sidewaysAt1366.length === 0, `no page shot needs sideways scrolling at 1366 px${sidewaysAt1366.length ? `: ${sidewaysAt1366.join(' | ')}` : ''}`);
  } finally {
    await browser.close();
  }
  return t.done();
}

main()
  .then((code) => process.exit(code))
  .catch((e) => {
    console.error(e);
    t.ok(false, e.message);
    process.exit(t.done() || 1);
  });
