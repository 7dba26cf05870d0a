#!/usr/bin/env node
/**
 * Browser E2E of the resident H5 build: one resident's whole journey, with the staff
 * steps done through the staff API in between.
 *
 *   BASE_URL=http://127.0.0.1:3000 STAFF_USERNAME=admin STAFF_PASSWORD=… node e2e/resident-journey.js
 *
 * Environment (all optional except a way to act as staff):
 *   BASE_URL         server serving /h5/ and /api/v1            (default http://127.0.0.1:3000)
 *   STAFF_TOKEN      a staff access token, or STAFF_USERNAME + STAFF_PASSWORD to log in.
 *                    The account should be an agent + supervisor of the community (it
 *                    claims the request, or takes it over by transfer, accepts and resolves it);
 *                    with the server's demo data that is zhuguan / demo1234.
 *   COMMUNITY_NAME   community to bind in (default: the first one listed)
 *   ROOM_QUERY       text typed in the room search (default: none, the first room listed is taken)
 *   ROSTER_NAME / ROSTER_PHONE  name and phone for the binding     (default 张三 / 13800138000);
 *                    when they do not match the roster the binding is approved via the staff API
 *   RESIDENT_NAME    demo-login name                                (default e2e-<time>)
 *   ARTIFACTS_DIR    screenshots                                    (default /work/main/artifacts/e2e-miniapp)
 *   CHROMIUM         browser binary                                 (default /usr/bin/chromium)
 *   HEADED=1         show the browser
 */
const fs = require('node:fs');
const path = require('node:path');
const { photoFixture } = require('./lib');
const { chromium } = require('playwright-core');

const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
const API = `${BASE_URL}/api/v1`;
const ARTIFACTS_DIR = process.env.ARTIFACTS_DIR || '/work/main/artifacts/e2e-miniapp';
const RESIDENT_NAME = process.env.RESIDENT_NAME || `e2e-${Date.now().toString(36)}`;
const ROSTER_NAME = process.env.ROSTER_NAME || '张三';
const ROSTER_PHONE = process.env.ROSTER_PHONE || '13800138000';
const ROOM_QUERY = process.env.ROOM_QUERY || '';
const TIMEOUT = 15000;

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

function step(title) {
  console.log(`▶ ${title}`);
}

// ---- staff API ----

let staff = null;
async function staffCall(method, p, body) {
  const res = await fetch(`${API}${p}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${staff.token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`staff ${method} ${p} → ${res.status} ${text}`);
  return data;
}

async function staffLogin() {
  if (process.env.STAFF_TOKEN) {
    staff = { token: process.env.STAFF_TOKEN, id: process.env.STAFF_ID || null };
    return;
  }
  const username = process.env.STAFF_USERNAME;
  const password = process.env.STAFF_PASSWORD;
  if (!username || !password) throw new Error('Set STAFF_TOKEN, or STAFF_USERNAME and STAFF_PASSWORD, for the staff steps');
  const res = await fetch(`${API}/auth/staff/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`staff login → ${res.status} ${await res.text()}`);
  const data = await res.json();
  staff = { token: data.accessToken, id: data.staff.id };
}

/** The staff side of the request: take ownership if needed and accept it. */
async function staffTakes(ticketId) {
  let t = await staffCall('GET', `/tickets/${ticketId}`);
  if (!t.owner) t = await staffCall('POST', `/tickets/${ticketId}/claim`);
  else if (staff.id && t.owner.id !== staff.id) {
    t = await staffCall('POST', `/tickets/${ticketId}/transfer`, { toStaffId: staff.id, reason: 'E2E：由测试账号接手' });
  }
  if (t.status === 'submitted') t = await staffCall('POST', `/tickets/${ticketId}/accept`, { note: '已受理，马上安排师傅' });
  return t;
}

const resolveTicket = (ticketId) => staffCall('POST', `/tickets/${ticketId}/resolve`, { note: '已更换水槽下水管，现已不漏水' });

async function approvePendingBinding(roomLabel) {
  const list = await staffCall('GET', '/admin/room-bindings?status=pending&limit=100');
  const binding = list.items.find((b) => b.roomLabel === roomLabel && b.status === 'pending');
  if (!binding) throw new Error(`no pending binding for ${roomLabel}`);
  await staffCall('POST', `/admin/room-bindings/${binding.id}/approve`);
}

// ---- the browser ----

/** Open requests at the demo's 中心花园, as staff see them. */
async function openAtGarden() {
  const { items } = await staffCall('GET', '/tickets?stage=open&limit=100');
  return items.filter((t) => t.location.label === '中心花园');
}

async function main() {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await staffLogin();

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: !process.env.HEADED,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ].filter((a) => a !== '--headless' || !process.env.HEADED),
  });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') console.log(`  [browser] ${msg.text()}`);
  });
  const text = (t) => page.getByText(t, { exact: true }).first();

  try {
    step('first open: the home page asks the resident to log in');
    await page.goto(`${BASE_URL}/h5/`);
    await text('登录后即可使用').waitFor();
    await screenshot(page, 'needs-login');

    step(`demo login as ${RESIDENT_NAME}`);
    await text('去登录').click();
    await page.locator('input[placeholder="请输入您的名字，如：张三"]').fill(RESIDENT_NAME);
    await page.locator('.login__agree').click();
    await screenshot(page, 'login');
    await page.locator('.btn', { hasText: '演示登录' }).click();
    await text('您好，欢迎回家').waitFor();
    await screenshot(page, 'home-logged-in');

    step('bind a room');
    await text('去绑定房屋').click();
    const community = process.env.COMMUNITY_NAME;
    const chip = community ? text(community) : page.locator('.bind .chip').first();
    await chip.click();
    if (ROOM_QUERY) await page.locator('input[placeholder^="输入楼栋或房号搜索"]').fill(ROOM_QUERY);
    const option = page.locator('.bind__room').first();
    await option.waitFor();
    const roomLabel = (await option.innerText()).trim();
    await option.click();
    await page.locator('input[placeholder="请输入业主或住户姓名"]').fill(ROSTER_NAME);
    await page.locator('input[placeholder="请输入物业登记的手机号"]').fill(ROSTER_PHONE);
    await screenshot(page, 'bind-room-form');
    await page.locator('.btn', { hasText: '提交绑定' }).click();
    await page.locator('.bind__result-title').waitFor();
    const bindResult = (await page.locator('.bind__result-title').innerText()).trim();
    await screenshot(page, 'bind-room-result');
    if (bindResult !== '绑定成功') {
      console.log(`  binding is pending (${bindResult}); approving it via the staff API`);
      await approvePendingBinding(roomLabel);
    }
    await page.locator('.btn', { hasText: '确定' }).click();
    await page.reload();
    await page.locator('.home__room-label', { hasText: roomLabel }).waitFor();
    await page.locator('[data-testid="call-hotline"]').waitFor(); // the hotline of the room's zone, on the home page
    await screenshot(page, 'home-with-room');

    step('submit a repair with a photo');
    await page.locator('.home__shortcut', { hasText: '报修' }).click();
    await text('水电').click();
    await page.locator('textarea').first().fill('E2E：厨房水槽下方漏水，地面已经湿了');
    const chooser = page.waitForEvent('filechooser');
    await text('添加照片').click();
    await (await chooser).setFiles({ name: 'leak.png', mimeType: 'image/png', buffer: photoFixture() });
    await page.locator('.photo-picker__item .photo-picker__img').waitFor();
    await page.waitForFunction(() => !document.querySelector('.photo-picker__overlay'), null, { timeout: TIMEOUT });
    // The browser build cannot bind a WeChat phone: the contact number is typed, and required.
    await page.locator('input[placeholder="请输入手机号，方便客服和师傅联系您"]').fill(ROSTER_PHONE);
    await screenshot(page, 'repair-form');
    await page.locator('.bottom-bar .btn', { hasText: '提交' }).click();
    await page.waitForURL(/subpackages\/tickets\/pages\/detail\/index\?id=/);
    const ticketId = new URL(page.url().replace('#/', '')).searchParams.get('id');
    await text('待受理').waitFor();
    await page.locator('.detail__photo').first().waitFor();
    console.log(`  request ${ticketId} created`);
    await screenshot(page, 'detail-submitted');

    step("the property's hotline is one tap away, on the request and on the home page");
    // Taro keeps the pages below in the DOM: look inside the request's own contact card.
    const hotline = page.locator('[data-testid="contacts"] [data-testid="call-hotline"]');
    await hotline.waitFor();
    const hotlineText = (await hotline.innerText()).replace(/\s+/g, ' ');
    if (!/5980000[013]/.test(hotlineText)) throw new Error(`unexpected hotline: ${hotlineText}`);
    console.log(`  hotline: ${hotlineText}`);

    step('follow up with a note and a photo');
    await page.locator('.bottom-bar .btn', { hasText: '补充说明' }).click();
    await page.waitForURL(/subpackages\/tickets\/pages\/follow-up\/index/);
    await page.locator('textarea').first().fill('E2E：补充一张照片，柜子底板也泡了');
    const followChooser = page.waitForEvent('filechooser');
    await text('添加照片').click();
    await (await followChooser).setFiles({ name: 'cabinet.png', mimeType: 'image/png', buffer: photoFixture() });
    await page.locator('.photo-picker__item .photo-picker__img').waitFor();
    await page.waitForFunction(() => !document.querySelector('.photo-picker__overlay'), null, { timeout: TIMEOUT });
    await screenshot(page, 'follow-up');
    await page.locator('.bottom-bar .btn', { hasText: '发送' }).click();
    await page.waitForURL(/subpackages\/tickets\/pages\/detail\/index/);
    const followed = page.locator('[data-testid="event"]', { hasText: 'E2E：补充一张照片，柜子底板也泡了' });
    await followed.waitFor();
    await followed.locator('.detail__photo').first().waitFor();
    await screenshot(page, 'detail-followed-up');

    step('staff take it and reply publicly (staff API); the reply arrives as a notice');
    await staffTakes(ticketId);
    await staffCall('POST', `/tickets/${ticketId}/comments`, { note: 'E2E：收到照片，师傅今天下午带配件上门', visibility: 'public' });
    await staffCall('POST', `/tickets/${ticketId}/comments`, { note: 'E2E-内部：楼上也要查' });
    await page.goto(`${BASE_URL}/h5/#/pages/notices/index`);
    await page.locator('.notice', { hasText: '物业回复了您' }).first().waitFor();
    await page.locator('.notice', { hasText: 'E2E：收到照片，师傅今天下午带配件上门' }).first().waitFor();
    if (await page.getByText('E2E-内部').count()) throw new Error('an internal note reached the resident');
    await screenshot(page, 'notice-public-reply');

    step('the owner sends a quote (staff API); the resident sees the lines and approves it in the app');
    await staffCall('POST', `/tickets/${ticketId}/quotes`, {
      lines: [
        { kind: 'labour', name: '更换下水管人工', unitPriceFen: 8000, quantity: 1 },
        { kind: 'discount', name: '老住户优惠', unitPriceFen: 1000, quantity: 1 },
      ],
      note: '下水管老化开裂，需要整根更换',
    });
    await page.goto(`${BASE_URL}/h5/#/subpackages/tickets/pages/detail/index?id=${ticketId}`);
    const quote = page.locator('[data-testid="pending-quote"]');
    await quote.waitFor();
    await quote.locator('[data-testid="fee-total"]', { hasText: '¥70.00' }).waitFor();
    await quote.getByText('下水管老化开裂，需要整根更换').waitFor();
    await screenshot(page, 'quote-pending');
    await quote.locator('[data-testid="approve-quote"]').click();
    // h5 cannot call wx.requestPayment: it says so and offers the offline ways.
    const due = page.locator('[data-testid="payment-due"]');
    await due.waitFor();
    await due.getByText('¥70.00').waitFor();
    await due.locator('[data-testid="pay-offline"]').waitFor();
    if (await due.locator('[data-testid="pay"]').count()) throw new Error('h5 offered WeChat Pay');
    await page.locator('[data-testid="event"]', { hasText: '您已同意报价 ¥70.00' }).waitFor();
    await screenshot(page, 'quote-approved-payment-due');

    step('paid at the property service centre (staff API): the resident sees the receipt');
    await staffCall('POST', `/tickets/${ticketId}/payments/offline`, { method: 'cash', amountFen: 7000, note: 'E2E 现金' });
    await page.reload();
    await page.locator('[data-testid="receipt-link"]').click();
    await page.waitForURL(/subpackages\/tickets\/pages\/receipt\/index/);
    const receipt = page.locator('[data-testid="receipt"]');
    await receipt.waitFor();
    await receipt.locator('[data-testid="receipt-total"]', { hasText: '¥70.00' }).waitFor();
    await receipt.locator('[data-testid="receipt-paid"]', { hasText: '¥70.00' }).waitFor();
    await receipt.getByText('物业服务中心', { exact: false }).first().waitFor();
    await receipt.getByText('现金', { exact: true }).waitFor();
    await screenshot(page, 'receipt');

    step('staff resolve it (staff API)');
    await resolveTicket(ticketId);

    step('resident confirms and rates in one step');
    await page.goto(`${BASE_URL}/h5/#/subpackages/tickets/pages/detail/index?id=${ticketId}`);
    await text('待确认').waitFor();
    await screenshot(page, 'detail-resolved');
    await page.locator('.bottom-bar .btn', { hasText: '确认并评价' }).click();
    await page.waitForURL(/subpackages\/tickets\/pages\/rate\/index/);
    await text('问题未解决').waitFor();
    for (const label of ['服务态度', '及时性', '质量']) {
      await page.locator(`[aria-label="${label} 5 星"]`).click();
    }
    await text('准时').click();
    await text('态度好').click();
    await page.locator('textarea').first().fill('E2E：师傅很专业，处理及时');
    await screenshot(page, 'confirm-and-rate');
    await page.locator('.btn', { hasText: '确认完成' }).click();
    await page.waitForURL(/subpackages\/tickets\/pages\/detail\/index/);
    await text('已完成').waitFor();
    await text('E2E：师傅很专业，处理及时').waitFor();
    await page.locator('[data-testid="my-rating"]', { hasText: '准时' }).waitFor();
    await staffCall('POST', `/tickets/${ticketId}/rating/reply`, { reply: 'E2E：感谢您的好评' });
    await page.reload();
    await page.locator('[data-testid="rating-reply"]', { hasText: 'E2E：感谢您的好评' }).waitFor();
    await screenshot(page, 'detail-closed-rated');

    step('read the notice and open the request from it');
    await page.goto(`${BASE_URL}/h5/#/pages/notices/index`);
    const notice = page.locator('.notice').first();
    await notice.waitFor();
    await screenshot(page, 'notices');
    await notice.click();
    await page.waitForURL(new RegExp(`detail/index\\?id=${ticketId}`));
    await text('已完成').waitFor();
    await page.goto(`${BASE_URL}/h5/#/pages/notices/index`);
    await page.locator('.notice').first().waitFor();
    await screenshot(page, 'notices-after-read');

    step('my requests list shows it under 已完成');
    await page.goto(`${BASE_URL}/h5/#/pages/tickets/index`);
    await page.locator('.tickets__tab', { hasText: '已完成' }).click();
    await page.locator('.ticket-card').first().waitFor();
    await screenshot(page, 'my-requests-done');

    step("a public problem already reported: join the neighbour's request at 中心花园 (我也遇到) instead of filing a new one");
    await page.goto(`${BASE_URL}/h5/#/subpackages/tickets/pages/create/index?type=repair`);
    await page.locator('[data-testid="where-choice"] .chip', { hasText: '公共区域' }).click();
    await page.locator('[data-testid="place-choice"] .chip', { hasText: '中心花园' }).click();
    const sameSpot = page.locator('[data-testid="same-spot-item"]').first();
    await sameSpot.waitFor();
    const before = (await sameSpot.innerText()).replace(/\s+/g, ' ');
    console.log(`  already reported here: ${before}`);
    await screenshot(page, 'me-too-same-spot');
    const gardenBefore = await openAtGarden();
    await sameSpot.locator('.btn', { hasText: '我也遇到' }).click();
    await page.waitForURL(/subpackages\/tickets\/pages\/detail\/index\?id=/);
    const joinedId = new URL(page.url().replace('#/', '')).searchParams.get('id');
    await page.locator('[data-testid="following"]').waitFor();
    await page.locator('[data-testid="location"]', { hasText: '中心花园' }).waitFor();
    await screenshot(page, 'me-too-following');
    // Joined, not filed: no new request at 中心花园, and the owner sees one more follower.
    const gardenAfter = await openAtGarden();
    if (gardenAfter.length !== gardenBefore.length)
      throw new Error(`a new request was filed instead of joining (${gardenBefore.length} → ${gardenAfter.length})`);
    const joined = await staffCall('GET', `/tickets/${joinedId}`);
    if (!joined.followers.some((f) => f.via === 'me_too') || joined.followerCount < 2)
      throw new Error(`the owner does not see the new follower: ${JSON.stringify(joined.followers)}`);
    console.log(`  joined ${joined.no} (${joined.location.label}): ${joined.followerCount} residents follow it`);

    if (pageErrors.length) throw new Error(`uncaught errors in the page:\n${pageErrors.join('\n')}`);
    console.log(`✔ resident journey passed (${shot} screenshots in ${ARTIFACTS_DIR})`);
  } catch (e) {
    await screenshot(page, 'failure').catch(() => undefined);
    console.error(`✖ resident journey failed: ${e.message}`);
    if (pageErrors.length) console.error(`page errors:\n${pageErrors.join('\n')}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main();
