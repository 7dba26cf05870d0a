// An outage, end to end against a running server with the demo data (翠湖花园):
//   the supervisor declares 停水 for zone A1 in the admin pages; the demo resident
//   (A1区 1栋) sees the outage on the h5 home page and in 消息; a 水电 request they file
//   is linked to it at once; the supervisor resolves the incident in the admin pages,
//   the linked request is resolved with it and the resident sees 已恢复.
//
//   BASE_URL=http://127.0.0.1:3000 STAFF_USERNAME=zhuguan STAFF_PASSWORD=demo1234 node e2e/incident-journey.js
import { ARTIFACTS_DIR, btn, checker, DESKTOP, launch, login, PHONE, pickOption, shot, sidewaysAt1366 } from './lib.js';

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
const STAFF_USERNAME = process.env.STAFF_USERNAME || 'zhuguan';
const STAFF_PASSWORD = process.env.STAFF_PASSWORD || 'demo1234';
const RESIDENT = process.env.RESIDENT_NAME || 'demo';
const suffix = Date.now().toString(36).slice(-4);
const TITLE = `停水${suffix}`;
const t = checker();

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
  const login = page.getByText('去登录', { exact: true }).first();
  await Promise.race([greeting.waitFor(), login.waitFor()]);
  if (await login.isVisible().catch(() => false)) {
    await login.click();
    await page.locator('input[placeholder="请输入您的名字，如：张三"]').fill(RESIDENT);
    await page.locator('.login__agree').click();
    await page.locator('.btn', { hasText: '演示登录' }).click();
    await greeting.waitFor();
  }
}

async function main() {
  console.log(`incident journey against ${BASE}; screenshots in ${ARTIFACTS_DIR}`);
  const browser = await launch();
  const desk = await (await browser.newContext(DESKTOP)).newPage();
  const phone = await (await browser.newContext(PHONE)).newPage();
  desk.setDefaultTimeout(15000);
  phone.setDefaultTimeout(15000);
  const errors = [];
  for (const p of [desk, phone]) p.on('pageerror', (e) => errors.push(e.message));
  let ticket = null;
  try {
    await t.step('the supervisor declares 停水 for zone A1 in the admin pages', async () => {
      await login(desk, BASE, STAFF_USERNAME, STAFF_PASSWORD);
      await desk.goto(`${BASE}/admin/incidents`);
      await desk.getByText('事件 / 停水停电').first().waitFor();
      await desk.getByTestId('declare-incident').click();
      const dialog = desk.getByRole('dialog').filter({ hasText: '事件名称' });
      await dialog.waitFor();
      await dialog.getByLabel('事件名称').fill(TITLE);
      await dialog.getByLabel('原因').fill('市政供水管网抢修');
      await pickOption(desk, dialog.locator('.ant-form-item', { hasText: '区域' }).first(), 'A1');
      await desk.keyboard.press('Escape');
      const end = dialog.getByLabel('预计恢复');
      await end.click();
      await end.fill(beijing(new Date(Date.now() + 3 * 3600_000)));
      await end.press('Enter');
      await shot(desk, 'incident-declare-1366');
      await dialog.getByRole('button', { name: btn('保存') }).click();
      await dialog.waitFor({ state: 'hidden' });
      await desk.locator('.ant-drawer').getByText('通知业主').waitFor();
      await shot(desk, 'incident-declared-1366');
    });

    await t.step('the resident sees the outage on the h5 home page and in 消息', async () => {
      await residentHome(phone);
      await phone.getByTestId('incident').filter({ hasText: TITLE }).waitFor();
      await shot(phone, 'incident-home-390');
      await phone.goto(`${BASE}/h5/#/pages/notices/index`);
      await phone.getByText(`${TITLE}通知`).first().waitFor();
      await shot(phone, 'incident-notices-390');
    });

    await t.step('a 水电 request from the area is linked to the incident at once', async () => {
      const { token } = await api('POST', '/auth/wechat/login', { body: { code: `fake:${RESIDENT}:${Date.now()}` } });
      const me = await api('GET', '/me', { token });
      const room = (me.rooms ?? []).find((r) => r.status === 'approved');
      if (!room) throw new Error('the demo resident has no approved room');
      ticket = await api('POST', '/tickets', {
        token,
        body: { type: 'repair', roomId: room.roomId, category: '水电', description: '家里停水了，什么时候来水？', contactPhone: '13800001111' },
      });
      const linked = ticket.events.find((e) => e.type === 'incident_linked');
      if (!linked || !linked.note.startsWith(`物业已知悉：${TITLE}`)) throw new Error(`not linked: ${JSON.stringify(ticket.events)}`);
    });

    await t.step('the supervisor sees the linked request and resolves the incident', async () => {
      await desk.goto(`${BASE}/admin/incidents`);
      await desk.getByRole('row').filter({ hasText: TITLE }).first().click();
      const drawer = desk.locator('.ant-drawer');
      await drawer.getByText(ticket.no).waitFor();
      await drawer.getByTestId('resolve-incident').click();
      const dialog = desk.getByRole('dialog').filter({ hasText: '恢复说明' });
      await dialog.waitFor();
      await dialog.locator('textarea').fill('管网已修复，已恢复供水');
      await shot(desk, 'incident-resolve-1366');
      await dialog.getByRole('button', { name: btn('保存') }).click();
      await dialog.waitFor({ state: 'hidden' });
      await drawer.getByText('已恢复').first().waitFor();
      await drawer.locator('.ant-table-row', { hasText: ticket.no }).getByText('待确认').waitFor();
      await shot(desk, 'incident-resolved-1366');
      await desk.setViewportSize({ width: 390, height: 844 });
      await shot(desk, 'incident-resolved-390');
      await desk.setViewportSize(DESKTOP.viewport);
    });

    await t.step('the resident sees 已恢复 and the request awaiting their confirmation', async () => {
      // Already on 消息 since the first look: load it afresh.
      await phone.goto(`${BASE}/h5/#/pages/notices/index`);
      await phone.reload();
      await phone.getByText(`${TITLE}已恢复`).first().waitFor();
      await phone.getByTestId('incident').filter({ hasText: '已恢复' }).first().waitFor();
      await shot(phone, 'incident-resolved-notices-390');
      await phone.getByTestId('read-all').click();
      await phone.getByTestId('read-all').waitFor({ state: 'detached' });
      await phone.goto(`${BASE}/h5/#/subpackages/tickets/pages/detail/index?id=${ticket.id}`);
      await phone.getByText('管网已修复，已恢复供水').first().waitFor();
      await shot(phone, 'incident-ticket-390');
    });
    t.ok(errors.length === 0, `no page errors${errors.length ? `: ${errors.join('; ')}` : ''}`);
    t.ok(sidewaysAt1366.length === 0, `no page shot needs sideways scrolling at 1366 px${sidewaysAt1366.length ? `: ${sidewaysAt1366.join(' | ')}` : ''}`);
  } finally {
    await browser.close();
  }
  process.exit(t.done());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
