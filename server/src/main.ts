import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import path from 'node:path';
import { createApp } from './app.factory';
import { AppConfig, ConfigError, loadConfig } from './common/config/app-config';
import { DEMO_RESIDENTS, loadDemoData } from './database/demo/demo-data';

const logger = new Logger('Yizhan');

/**
 * Development without WeChat credentials: start the bundled fake WeChat API on
 * loopback and point the server at it. The product code only ever sees
 * WECHAT_API_BASE; production refuses to start without real credentials.
 */
async function startFakeWechatIfNeeded(config: AppConfig): Promise<{ openidFor(user: string): string; addUser(openid: string, user?: string): string } | null> {
  if (!config.useFakeWechat) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startFakeWechat } = require(path.resolve(__dirname, '../../scripts/fake-wechat'));
  const fake = await startFakeWechat({ port: Number(process.env.FAKE_WECHAT_PORT) || 0, appid: config.wechat.appid, secret: config.wechat.secret, inferTemplates: true });
  config.wechat.apiBase = fake.url;
  return fake;
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      // One line naming the setting, no stack: the operator's fix is in the message.
      console.error(e.message);
      process.exit(78);
    }
    throw e;
  }
  const fake = await startFakeWechatIfNeeded(config);
  const app = await createApp(config);
  // Said once the structured logger is in place (createApp), so it is a line like every other.
  if (fake) logger.warn(`no WeChat credentials: using the fake WeChat API at ${config.wechat.apiBase} (residents log in with code "fake:<name>")`);
  await app.init(); // runs the bootstrap hooks (first admin) before the demo data needs them
  // The h5 demo resident logs in as "fake:demo" and finds their requests waiting; the
  // neighbours are known to the fake WeChat too, so their text passes its content check.
  if (config.demoData) {
    const residentOpenids = fake ? DEMO_RESIDENTS.map((user) => fake.addUser(fake.openidFor(user), user)) : [];
    await loadDemoData(app, { residentOpenids });
  }
  await app.listen(config.port, '0.0.0.0');
  logger.log(`listening on http://127.0.0.1:${config.port} — admin /admin, resident h5 /h5, API /api/v1, docs /api/docs`);
}

main().catch((e) => {
  logger.error(`failed to start: ${(e as Error).message}`, (e as Error).stack);
  process.exit(1);
});
