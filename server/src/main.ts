import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { AppConfig, ConfigError, loadConfig } from './common/config/app-config';
import { DEMO_RESIDENTS, DemoDataLoader } from './modules/demo/demo-data';

const logger = new Logger('Yizhan');

/**
 * Development without WeChat credentials: start the bundled fake WeChat API on
 * loopback and point the server at it. The product code only ever sees
 * WECHAT_API_BASE; production refuses to start without real credentials.
 */
async function startFakeWechatIfNeeded(
  config: AppConfig,
): Promise<{ openidFor(user: string): string; addUser(openid: string, user?: string): string; close(): Promise<void> } | null> {
  if (!config.useFakeWechat) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startFakeWechat } = require('@yizhan/fake-wechat');
  const fake = await startFakeWechat({
    port: Number(process.env.FAKE_WECHAT_PORT) || 0,
    appid: config.wechat.appid,
    secret: config.wechat.secret,
    inferTemplates: true,
  });
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
  const app = await createApp(config, { shutdownHooks: false });
  // Said once the structured logger is in place (createApp), so it is a line like every other.
  if (fake) logger.warn(`no WeChat credentials: using the fake WeChat API at ${config.wechat.apiBase} (residents log in with code "fake:<name>")`);
  await app.init(); // runs the bootstrap hooks (first admin) before the demo data needs them
  // The h5 demo resident logs in as "fake:demo" and finds their requests waiting; the
  // neighbours are known to the fake WeChat too, so their text passes its content check.
  if (config.demoData) {
    const residentOpenids = fake ? DEMO_RESIDENTS.map((user) => fake.addUser(fake.openidFor(user), user)) : [];
    await app.get(DemoDataLoader).load({ residentOpenids });
  }
  await app.listen(config.port, '0.0.0.0');
  logger.log(`listening on http://127.0.0.1:${config.port} — admin /admin, resident h5 /h5, API /api/v1, docs /api/docs`);
  exitGracefullyOnSignal(app, config, fake);
}

/**
 * SIGTERM/SIGINT: app.close() drains (DrainService: readiness 503, no new connections,
 * event streams told to reconnect, requests in hand finished), then the background
 * passes in hand finish and release what they claimed, then the pool closes — and the
 * process exits 0. A second signal, or the hard limit, exits at once (1).
 */
function exitGracefullyOnSignal(app: { close(): Promise<void> }, config: AppConfig, fake: { close(): Promise<void> } | null): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    closing = true;
    const started = Date.now();
    logger.log(`${signal}: shutting down gracefully`);
    // The passes in hand get what is left of about 10 s after the requests' grace.
    setTimeout(() => {
      logger.error(`shutdown still not done after ${Date.now() - started} ms: exiting`);
      process.exit(1);
    }, config.shutdownGraceMs + 15_000).unref();
    app
      .close()
      .then(() => fake?.close())
      .then(
        () => {
          logger.log(`shut down in ${Date.now() - started} ms`);
          process.exit(0);
        },
        (e: Error) => {
          logger.error(`shutdown failed: ${e.message}`, e.stack);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

main().catch((e) => {
  logger.error(`failed to start: ${(e as Error).message}`, (e as Error).stack);
  process.exit(1);
});
