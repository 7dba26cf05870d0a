// A complaint about a staff member, end to end against a running server with the demo data (翠湖花园):
//   the demo resident files a 服务态度 complaint naming the agent 李敏 in the h5 form; it goes to the
//   supervisor (刘主管), not to 李敏; in the admin pages the supervisor accepts it, gives 秩序部 an
//   investigation task, judges it 有效, finds 办结 missing until the formal reply, replies (结果 +
//   整改措施) and resolves it; the dashboard counts it; the resident reads the formal reply.
//
//   BASE_URL=http://127.0.0.1:3000 STAFF_USERNAME=zhuguan STAFF_PASSWORD=demo1234 node e2e/complaint-journey.js
import { act, ARTIFACTS_DIR, btn, checker, DESKTOP, launch, login, PHONE, pickOption, shot } from './lib.js';

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
const STAFF_USERNAME = process.env.STAFF_USERNAME || 'zhuguan';
const STAFF_PASSWORD = process.env.STAFF_PASSWORD || 'demo1234';
const RESIDENT = process.env.RESIDENT_NAME || 'demo';
const NAMED = '李敏';
const suffix = Date.now().toString(36).slice(-4);
const DESCRIPTION = `客服接电话时态度生硬，问了两次都没说清楚（${suffix}）`;
const t = checker();

/** A step that leaves a screenshot of the page it failed on. */
async function step(what, page, fn) {
  return t.step(what, async () => {
    try {
      await fn();
    } catch (e) {
      await shot(page, `failed-${what.slice(0, 12)}`).catch(() => {});
      throw e;
    }
  });
}

async function api(method, path, { token, body } = {}) {
  const res = await fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${data?.code ?? ''} ${data?.message ?? text}`);
  return data;
}

/** Beijing time "YYYY-MM-DD HH:mm", as the date pickers take it. */
function beijing(date) {
  const l = new Date(date.getTime() + 8 * 3600_000);
  const p = (n) => String(n).padStart(2, '0');
  return `${l.getUTCFullYear()}-${p(l.getUTCMonth() + 1)}-${p(l.getUTCDate())} ${p(l.getUTCHours())}:${p(l.getUTCMinutes())}`;
}

async function residentHome(page) {
  await page.goto(`${BASE}/h5/`);
  const greeting = page.getByText('您好，欢迎回家', { exact: true }).first();
  const loginLink = page.getByText('去登录', { exact: true }).first();
  await Promise.race([greeting.waitFor(), loginLink.waitFor()]);
  if (await loginLink.isVisible().catch(() => false)) {
    await loginLink.click();
    await page.locator('input[placeholder="请输入您的名字，如：张三"]').fill(RESIDENT);
    await page.locator('.login__agree').click();
    await page.locator('.btn', { hasText: '演示登录' }).click();
    await greeting.waitFor();
  }
}

async function main() {
  console.log(`complaint journey against ${BASE}; screenshots in ${ARTIFACTS_DIR}`);
  const browser = await launch();
  const desk = await (await browser.newContext(DESKTOP)).newPage();
  const phone = await (await browser.newContext(PHONE)).newPage();
  desk.setDefaultTimeout(15000);
  phone.setDefaultTimeout(15000);
  const errors = [];
  for (const p of [desk, phone]) p.on('pageerror', (e) => errors.push(e.message));
  let ticketId = null;
  try {
    await t.step(`the resident files a 服务态度 complaint naming ${NAMED} in the h5 form`, async () => {
      await residentHome(phone);
      await phone.goto(`${BASE}/h5/#/subpackages/tickets/pages/create/index?type=complaint`);
      await phone.getByText('服务态度', { exact: true }).first().click();
      await phone.locator('textarea').first().fill(DESCRIPTION);
      await phone.locator('input[placeholder="工作人员的姓名或工号"]').fill(NAMED);
      await phone.getByText('被投诉人不会经手').first().waitFor();
      await phone.locator('input[placeholder="请输入手机号，方便客服联系您"]').fill('13800001111');
      await shot(phone, 'complaint-form-390');
      await phone.locator('.bottom-bar .btn', { hasText: '提交' }).click();
      await phone.waitForURL(/subpackages\/tickets\/pages\/detail\/index\?id=/);
      ticketId = new URL(phone.url().replace('#/', '')).searchParams.get('id');
      await phone
        .getByTestId('formal-reply')
        .filter({ hasText: `被投诉人员：${NAMED}` })
        .waitFor();
      await shot(phone, 'complaint-submitted-390');
    });

    await t.step('it went to the supervisor, not to the person named', async () => {
      const { accessToken } = await api('POST', '/auth/staff/login', { body: { username: STAFF_USERNAME, password: STAFF_PASSWORD } });
      const ticket = await api('GET', `/tickets/${ticketId}`, { token: accessToken });
      if (ticket.owner?.name !== '刘主管') throw new Error(`owner is ${JSON.stringify(ticket.owner)}, not the supervisor`);
      if (!ticket.complaint?.aboutStaff || !ticket.complaint.subjectStaffId) throw new Error(`not matched to ${NAMED}: ${JSON.stringify(ticket.complaint)}`);
    });

    await step('the supervisor investigates and judges it in the admin pages; 办结 waits for the formal reply', desk, async () => {
      await login(desk, BASE, STAFF_USERNAME, STAFF_PASSWORD);
      await desk.goto(`${BASE}/admin/tickets/${ticketId}`);
      const card = desk.getByTestId('complaint-card');
      await card.waitFor();
      await act(desk, '受理');
      await act(desk, '交办调查', async (dialog) => {
        await pickOption(desk, dialog.locator('.ant-form-item', { hasText: '部门' }).first(), '秩序部');
        await dialog.getByLabel('调查内容').fill('调取通话录音，核实当时的服务态度');
        const due = dialog.getByLabel('反馈期限');
        await due.click();
        await due.fill(beijing(new Date(Date.now() + 24 * 3600_000)));
        await due.press('Enter');
      });
      await card.getByText('调取通话录音').waitFor();
      await act(desk, '认定', async (dialog) => {
        await dialog.getByText('有效投诉').click();
        await dialog.getByLabel('认定依据').fill('录音显示态度生硬，属实');
      });
      await card.getByText('有效投诉').waitFor();
      if (await desk.getByRole('button', { name: btn('办结') }).count()) throw new Error('办结 offered before the formal reply');
      await shot(desk, 'complaint-investigated-1366');
    });

    await step('the formal reply (结果 + 整改措施), then 办结', desk, async () => {
      await act(desk, '正式答复', async (dialog) => {
        await dialog.getByLabel('处理结果').fill('经调取录音核实，客服当时态度生硬，我们已向您致歉');
        await dialog.getByLabel('整改措施').fill('当事客服参加服务礼仪培训，主管每周抽查通话录音');
      });
      await desk.getByTestId('formal-reply').getByText('主管每周抽查通话录音').waitFor();
      await act(desk, '办结', async (dialog) => {
        await dialog.locator('textarea').first().fill('已正式答复业主');
      });
      await desk.getByText('待确认').first().waitFor();
      await shot(desk, 'complaint-resolved-1366');
      await desk.setViewportSize({ width: 390, height: 844 });
      await shot(desk, 'complaint-resolved-390');
      await desk.setViewportSize(DESKTOP.viewport);
    });

    await t.step('the dashboard counts it under 服务态度', async () => {
      await desk.goto(`${BASE}/admin/dashboard`);
      const stats = desk.getByTestId('complaint-stats');
      await stats.locator('.ant-table-row', { hasText: '服务态度' }).waitFor();
      await shot(desk, 'complaint-dashboard-1366');
      await desk.goto(`${BASE}/admin/sla`);
      await desk.getByText('重大投诉').first().waitFor();
      await shot(desk, 'complaint-sla-1366');
    });

    await step('the resident reads the formal reply', phone, async () => {
      await phone.goto(`${BASE}/h5/#/subpackages/tickets/pages/detail/index?id=${ticketId}`);
      await phone.reload();
      const reply = phone.getByTestId('formal-reply');
      await reply.getByText('物业正式答复').waitFor();
      await reply.getByText('当事客服参加服务礼仪培训，主管每周抽查通话录音').waitFor();
      await reply.scrollIntoViewIfNeeded();
      await shot(phone, 'complaint-reply-390');
    });
    t.ok(errors.length === 0, `no page errors${errors.length ? `: ${errors.join('; ')}` : ''}`);
  } finally {
    await browser.close();
  }
  process.exit(t.done());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
