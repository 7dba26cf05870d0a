import path from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'mysql://yz:pw@db:3306/yizhan',
    JWT_SECRET: 'x'.repeat(40),
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    ADMIN_PASSWORD: 'a-long-password',
    WECHAT_APPID: 'wx123',
    WECHAT_SECRET: 'secret',
  };

  it('runs with no settings at all in development, on the fake WeChat', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', port: 3000, useFakeWechat: true, demoData: true });
    // The embedded database under the repository's data/ folder: no database server needed.
    expect(config.databaseUrl).toBe(`sqlite:${path.resolve(__dirname, '../../../..', 'data', 'yizhan.sqlite')}`);
    expect(config.dataEncryptionKey).toHaveLength(32);
  });

  it('accepts a complete production configuration and never uses the fake there', () => {
    const config = loadConfig(production);
    expect(config).toMatchObject({ env: 'production', useFakeWechat: false, demoData: false, wechat: { apiBase: 'https://api.weixin.qq.com' } });
  });

  it.each([
    ['DATABASE_URL', { DATABASE_URL: undefined }, 'DATABASE_URL is required in production'],
    ['JWT_SECRET', { JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters'],
    ['DATA_ENCRYPTION_KEY', { DATA_ENCRYPTION_KEY: 'abc' }, 'DATA_ENCRYPTION_KEY must be 32 bytes'],
    ['WECHAT_APPID', { WECHAT_APPID: undefined }, 'WECHAT_APPID is required in production'],
    ['PORT', { PORT: 'eighty' }, 'PORT must be a whole number'],
    ['DATABASE_URL scheme', { DATABASE_URL: 'postgres://db/x' }, 'DATABASE_URL must start with sqlite:, mysql:// or mariadb://'],
    ['DATABASE_URL file', { DATABASE_URL: 'sqlite:' }, 'DATABASE_URL must name a file'],
    ['WECHAT_API_BASE', { WECHAT_API_BASE: 'not a url' }, 'WECHAT_API_BASE is not a URL'],
  ])('refuses a bad %s with one line naming it', (_name, patch, message) => {
    const env: Record<string, string | undefined> = { ...production, ...patch };
    const attempt = () => loadConfig(env as NodeJS.ProcessEnv);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
