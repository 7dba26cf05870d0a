// Shared helpers for the admin browser scripts (plain Node ESM, playwright-core + Debian's chromium).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const ARTIFACTS_DIR = process.env.ARTIFACTS_DIR || '/work/main/artifacts/e2e-admin';
mkdirSync(ARTIFACTS_DIR, { recursive: true });

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

/** Pages that needed sideways scrolling at 1366 px when shot (the journeys fail on any). */
export const sidewaysAt1366 = [];

/**
 * A full-page screenshot at 1366 px and at 390 px (`<name>-1366.png`, `<name>-390.png`),
 * whatever the page's own viewport, which is restored after; at 1366 px the page is also
 * checked for sideways scrolling (sidewaysAt1366).
 */
export async function shot(page, name) {
  const base = name.replace(/-(1366|390)$/, '');
  const own = page.viewportSize() ?? { width: 1366, height: 900 };
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(250);
    const file = join(ARTIFACTS_DIR, `${base}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  screenshot ${file}`);
    if (width === 1366) {
      const overflow = await horizontalOverflow(page);
      if (overflow.length) sidewaysAt1366.push(`${base}: ${overflow.join('; ')}`);
    }
  }
  await page.setViewportSize(own);
}

/** antd puts a space between the two characters of a two-character button ("受 理"). */
export const btn = (text) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

/** A small valid PNG (solid colour), for photo uploads. */
export function pngBuffer(w = 16, h = 16, rgb = [30, 144, 255]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Counts checks and prints the closing "N passed, N failed" line. */
export function checker() {
  let passed = 0;
  let failed = 0;
  return {
    ok(cond, what) {
      if (cond) {
        passed++;
        console.log(`  ✓ ${what}`);
      } else {
        failed++;
        console.log(`  ✗ ${what}`);
      }
      return cond;
    },
    async step(what, fn) {
      try {
        await fn();
        passed++;
        console.log(`  ✓ ${what}`);
        return true;
      } catch (e) {
        failed++;
        console.log(`  ✗ ${what}: ${e.message.split('\n')[0]}`);
        return false;
      }
    },
    done() {
      console.log(`${passed} passed, ${failed} failed`);
      return failed === 0 ? 0 : 1;
    },
    get failed() {
      return failed;
    },
  };
}

export async function login(page, base, username, password) {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: btn('登录') }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 15000 });
}

/** Open an action's dialog, let `fill` fill it, press 确定 and wait for it to close. */
export async function act(page, action, fill) {
  await page
    .getByRole('button', { name: btn(action) })
    .first()
    .click();
  const dialog = page.getByRole('dialog').filter({ hasText: action });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: btn('确定') }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 15000 });
}

export async function pickOption(page, formItem, text) {
  await formItem.locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/**
 * What needs scrolling sideways on the page as it stands: the page itself, and each
 * table whose content is wider than its box (antd's `scroll.x` container). Empty when
 * everything fits — the admin pages must, at 1366 px and up.
 */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const out = [];
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`);
    document.querySelectorAll('.ant-table-content, .ant-table-body').forEach((el) => {
      if (el.scrollWidth > el.clientWidth + 1) {
        const card = el.closest('.ant-card')?.querySelector('.ant-card-head-title')?.textContent ?? '';
        out.push(`table${card ? ` in “${card}”` : ''} ${el.scrollWidth} > ${el.clientWidth}`);
      }
    });
    return out;
  });
}
