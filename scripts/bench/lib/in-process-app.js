'use strict';
/**
 * The built server as an app inside the bench's own process, on the bench database: for
 * what is recorded or called in-process (the statements a request sends, the SLA scanner,
 * a submission's profile). No timers of its own: the outbox and the SLA scan run only
 * when called.
 */
const path = require('node:path');
const { ROOT } = require('./util');
const { JWT_SECRET } = require('./server');

async function startInProcessApp({ dbUrl, wechatUrl }) {
  require('reflect-metadata');
  const { createApp } = require(path.join(ROOT, 'server/dist/app.factory.js'));
  const { loadConfig } = require(path.join(ROOT, 'server/dist/common/config/app-config.js'));
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: dbUrl,
    JWT_SECRET,
    WECHAT_APPID: 'wxbench',
    WECHAT_SECRET: 'wxbenchsecret',
    WECHAT_API_BASE: wechatUrl,
    OUTBOX_POLL_MS: '0',
    SLA_SCAN_MS: '0',
    DEMO_DATA: 'false',
    FILES_DIR: '/tmp/yizhan-bench-files',
  });
  const app = await createApp(config, { logger: ['error'] });
  await app.init();
  return app;
}

module.exports = { startInProcessApp };
