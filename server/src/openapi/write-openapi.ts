import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, openApiDocument } from '../app.factory';
import { loadConfig } from '../common/config/app-config';
import { SPEC_FILE, specText, TYPES_FILE, typesText } from './contract-files';

/**
 * `npm run openapi -w @yizhan/server`: builds the Nest application on a throw-away
 * embedded SQLite file (the TypeORM module needs a connection to exist; nothing is
 * served), writes its OpenAPI document to server/openapi.json and the types generated
 * from it to shared/src/generated/openapi.ts.
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yizhan-openapi-'));
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: `sqlite:${path.join(dir, 'openapi.sqlite')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      WECHAT_APPID: 'wxopenapi',
      WECHAT_SECRET: 'openapi',
      WECHAT_API_BASE: 'http://127.0.0.1:9',
      FILES_DIR: path.join(dir, 'files'),
      DEMO_DATA: 'false',
      OUTBOX_POLL_MS: '0',
      SLA_SCAN_MS: '0',
      RETENTION_SCAN_MS: '0',
    });
    const app = await createApp(config, { logger: ['error'] });
    const spec = specText(openApiDocument(app));
    await app.close();
    writeFileSync(SPEC_FILE, spec);
    writeFileSync(TYPES_FILE, typesText(spec));
    console.log(`wrote ${path.relative(process.cwd(), SPEC_FILE)} and ${path.relative(process.cwd(), TYPES_FILE)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
