import { createHash, createHmac } from 'node:crypto';
import path from 'node:path';
import { DEVELOPMENT_TEMPLATES, parseTemplates, TemplateMap } from '../../modules/notices/template-values';

/**
 * Every setting the server reads, parsed and checked once at start. A bad or missing
 * setting stops the server with one line that names it; nothing reads process.env
 * anywhere else.
 */
export interface AppConfig {
  env: 'production' | 'development' | 'test';
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  /** 32-byte AES-256-GCM key for phone numbers and roster data. */
  dataEncryptionKey: Buffer;
  /** Key id stored beside each ciphertext so keys can be rotated. */
  dataEncryptionKeyId: string;
  adminUsername: string;
  adminPassword: string | null;
  wechat: { appid: string; secret: string; apiBase: string; miniprogramState: 'formal' | 'trial' | 'developer' };
  /** No WeChat credentials outside production: run the bundled fake WeChat API on loopback. */
  useFakeWechat: boolean;
  /** Subscribe-message template per notice kind; empty: in-app notices only. */
  wechatTemplates: TemplateMap;
  /** Message push (媒体检测结果等): the token and EncodingAESKey set in the WeChat console. */
  wechatPush: { token: string | null; encodingAESKey: string | null };
  /** How often each instance looks for outbox rows to send; 0 = only when asked (tests). */
  outboxPollMs: number;
  /** How long a claimed outbox row is held by its sender before another pass may take it. */
  outboxLeaseMs: number;
  /** Requests per minute per caller (per IP before sign-in); each instance counts its own. */
  rateLimits: { login: number; write: number; general: number };
  /** Personal data of finished requests and inactive residents is erased after this many days (PIPL); 0 = keep. */
  retention: { days: number; scanMs: number };
  /** SLA scanner: how often it runs (0 = only when asked), how long before a deadline the owner is warned, and how long a breach may stay unhandled before admins hear of it. */
  sla: { scanMs: number; warnLeadSec: number; escalateAfterSec: number };
  /** How long before a booked slot the resident may still reschedule or cancel it (seconds). */
  bookingChangeCutoffSec: number;
  filesDir: string;
  /** How the outside world reaches this server (WeChat fetches photos to check them from here). */
  publicBaseUrl: string;
  /** HMAC key for the signed photo URLs (FILES_SIGNING_KEY, else derived from JWT_SECRET). */
  filesSigningKey: Buffer;
  /** An S3-compatible object store for photos instead of FILES_DIR (null: the local folder). */
  s3: S3Settings | null;
  /** Load the demo community on first start of an empty database. */
  demoData: boolean;
  /** Origins allowed by CORS (empty: same origin only). */
  corsOrigins: string[];
  /** Where the built admin pages and resident h5 live (served when present). */
  adminDist: string;
  h5Dist: string;
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
  residentTokenTtlSec: number;
}

export interface S3Settings {
  /** Custom endpoint (MinIO, OSS, COS, …); null: AWS itself. */
  endpoint: string | null;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** bucket in the path (https://host/bucket/key) rather than the host name. */
  forcePathStyle: boolean;
}

export class ConfigError extends Error {
  constructor(setting: string, problem: string) {
    super(`Invalid configuration: ${setting} ${problem}`);
    this.name = 'ConfigError';
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const DEV_JWT_SECRET = 'yizhan-development-only-jwt-secret';
/** Development default so `npm start` works with no setup; production must set its own. */
const DEV_ENCRYPTION_KEY = createHash('sha256').update('yizhan-development-only-data-key').digest();

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function parseDatabaseUrl(raw: string): string {
  if (raw.startsWith('sqlite:')) {
    if (raw.length <= 'sqlite:'.length) throw new ConfigError('DATABASE_URL', 'must name a file, e.g. sqlite:./data/yizhan.sqlite');
    return raw;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', `is not a URL: "${raw}" (expected sqlite:./data/yizhan.sqlite or mysql://user:pass@host:port/db)`);
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new ConfigError('DATABASE_URL', `must start with sqlite:, mysql:// or mariadb://, got "${url.protocol}//"`);
  }
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL', 'must name a database, e.g. mysql://root@127.0.0.1:3306/yizhan');
  return raw;
}

function parseKey(raw: string): Buffer {
  const trimmed = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new ConfigError('DATA_ENCRYPTION_KEY', 'must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)');
  }
  return key;
}

/** S3 is used when S3_BUCKET is set; any other S3_* setting without it is a mistake worth stopping for. */
function parseS3(env: NodeJS.ProcessEnv): S3Settings | null {
  const names = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_REGION', 'S3_FORCE_PATH_STYLE'] as const;
  const bucket = env.S3_BUCKET;
  if (!bucket) {
    const stray = names.find((n) => env[n]);
    if (stray) throw new ConfigError('S3_BUCKET', `is required when ${stray} is set`);
    return null;
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new ConfigError('S3_BUCKET', `is not a valid bucket name: "${bucket}"`);
  const endpoint = env.S3_ENDPOINT ? env.S3_ENDPOINT.replace(/\/+$/, '') : null;
  if (endpoint) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new ConfigError('S3_ENDPOINT', `is not a URL: "${endpoint}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('S3_ENDPOINT', 'must start with http:// or https://');
  }
  for (const name of ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
    if (!env[name]) throw new ConfigError(name, 'is required when S3_BUCKET is set');
  }
  const pathStyle = env.S3_FORCE_PATH_STYLE;
  if (pathStyle !== undefined && pathStyle !== '' && !['true', 'false', '1', '0'].includes(pathStyle)) {
    throw new ConfigError('S3_FORCE_PATH_STYLE', 'must be true or false');
  }
  return {
    endpoint,
    bucket,
    region: env.S3_REGION || 'us-east-1',
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    // MinIO and most self-hosted stores want path style; AWS itself does not.
    forcePathStyle: pathStyle ? pathStyle === 'true' || pathStyle === '1' : endpoint !== null,
  };
}

function filesSigningKey(env: NodeJS.ProcessEnv, jwtSecret: string, production: boolean): Buffer {
  const raw = env.FILES_SIGNING_KEY;
  if (raw) {
    if (production && raw.length < 32) throw new ConfigError('FILES_SIGNING_KEY', 'must be at least 32 characters in production');
    return Buffer.from(raw, 'utf8');
  }
  // A separate key per purpose: a photo URL signature can never pass as a token signature.
  return createHmac('sha256', jwtSecret).update('yizhan:files-url:v1').digest();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const production = nodeEnv === 'production';
  const required = (name: string, devDefault: string): string => {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
    if (production) throw new ConfigError(name, 'is required in production');
    return devDefault;
  };

  const jwtSecret = required('JWT_SECRET', DEV_JWT_SECRET);
  if (production && jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters in production');
  const keyRaw = env.DATA_ENCRYPTION_KEY;
  if (production && !keyRaw) throw new ConfigError('DATA_ENCRYPTION_KEY', 'is required in production');
  const dataEncryptionKey = keyRaw ? parseKey(keyRaw) : DEV_ENCRYPTION_KEY;
  const dataEncryptionKeyId = env.DATA_ENCRYPTION_KEY_ID || 'k1';
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(dataEncryptionKeyId)) {
    throw new ConfigError('DATA_ENCRYPTION_KEY_ID', 'must be 1–16 letters, digits, _ or -');
  }

  const apiBase = (env.WECHAT_API_BASE || 'https://api.weixin.qq.com').replace(/\/+$/, '');
  try {
    new URL(apiBase);
  } catch {
    throw new ConfigError('WECHAT_API_BASE', `is not a URL: "${apiBase}"`);
  }
  const miniprogramState = (env.WECHAT_MINIPROGRAM_STATE || 'formal') as AppConfig['wechat']['miniprogramState'];
  if (!['formal', 'trial', 'developer'].includes(miniprogramState)) {
    throw new ConfigError('WECHAT_MINIPROGRAM_STATE', 'must be formal, trial or developer');
  }

  const useFakeWechat = !production && !env.WECHAT_APPID && !env.WECHAT_API_BASE;
  let wechatTemplates: TemplateMap = production ? {} : DEVELOPMENT_TEMPLATES;
  if (env.WECHAT_TEMPLATES) {
    try {
      wechatTemplates = parseTemplates(env.WECHAT_TEMPLATES);
    } catch (e) {
      throw new ConfigError('WECHAT_TEMPLATES', (e as Error).message);
    }
  }
  const encodingAESKey = env.WECHAT_ENCODING_AES_KEY || null;
  if (encodingAESKey && !/^[A-Za-z0-9]{43}$/.test(encodingAESKey)) {
    throw new ConfigError('WECHAT_ENCODING_AES_KEY', 'must be the 43-character EncodingAESKey from the WeChat console');
  }
  const adminPassword = env.ADMIN_PASSWORD || (production ? null : 'admin123');
  if (production && adminPassword && adminPassword.length < 10) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 10 characters in production');
  }
  const repoRoot = path.resolve(__dirname, '../../../..');

  const port = intSetting(env, 'PORT', 3000, 0, 65535);
  const publicBaseUrl = (env.PUBLIC_BASE_URL || `http://127.0.0.1:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicBaseUrl);
  } catch {
    throw new ConfigError('PUBLIC_BASE_URL', `is not a URL: "${publicBaseUrl}"`);
  }

  return {
    env: nodeEnv,
    port,
    publicBaseUrl,
    // The embedded database under the repository's data/ folder unless told otherwise.
    databaseUrl: parseDatabaseUrl(required('DATABASE_URL', `sqlite:${path.join(repoRoot, 'data', 'yizhan.sqlite')}`)),
    jwtSecret,
    dataEncryptionKey,
    dataEncryptionKeyId,
    adminUsername: env.ADMIN_USERNAME || 'admin',
    adminPassword,
    wechat: {
      appid: required('WECHAT_APPID', 'wx-dev-appid'),
      secret: required('WECHAT_SECRET', 'wx-dev-secret'),
      apiBase,
      miniprogramState,
    },
    useFakeWechat,
    wechatTemplates,
    wechatPush: { token: env.WECHAT_PUSH_TOKEN || null, encodingAESKey },
    outboxPollMs: intSetting(env, 'OUTBOX_POLL_MS', 1000, 0, 60_000),
    outboxLeaseMs: intSetting(env, 'OUTBOX_LEASE_MS', 60_000, 1000, 3600_000),
    rateLimits: {
      login: intSetting(env, 'RATE_LIMIT_LOGIN_PER_MIN', 10, 1, 1_000_000),
      write: intSetting(env, 'RATE_LIMIT_WRITE_PER_MIN', 30, 1, 1_000_000),
      general: intSetting(env, 'RATE_LIMIT_PER_MIN', 600, 1, 10_000_000),
    },
    retention: {
      days: intSetting(env, 'RETENTION_DAYS', 3 * 365, 0, 36500),
      scanMs: intSetting(env, 'RETENTION_SCAN_MS', 6 * 3600_000, 0, 7 * 86400_000),
    },
    sla: {
      scanMs: intSetting(env, 'SLA_SCAN_MS', 30_000, 0, 3600_000),
      warnLeadSec: intSetting(env, 'SLA_WARN_LEAD_SEC', 1800, 0, 7 * 86400),
      escalateAfterSec: intSetting(env, 'SLA_ESCALATE_AFTER_SEC', 3600, 60, 30 * 86400),
    },
    bookingChangeCutoffSec: intSetting(env, 'BOOKING_CHANGE_CUTOFF_SEC', 2 * 3600, 0, 7 * 86400),
    filesDir: path.resolve(env.FILES_DIR || path.join(repoRoot, 'data', 'files')),
    filesSigningKey: filesSigningKey(env, jwtSecret, production),
    s3: parseS3(env),
    demoData: env.DEMO_DATA ? env.DEMO_DATA === 'true' || env.DEMO_DATA === '1' : !production && nodeEnv !== 'test',
    corsOrigins: (env.CORS_ORIGINS || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    adminDist: path.resolve(env.ADMIN_DIST || path.join(repoRoot, 'server', 'admin', 'dist')),
    h5Dist: path.resolve(env.H5_DIST || path.join(repoRoot, 'miniapp', 'dist', 'h5')),
    accessTokenTtlSec: intSetting(env, 'ACCESS_TOKEN_TTL_SEC', 30 * 60, 60, 24 * 3600),
    refreshTokenTtlSec: intSetting(env, 'REFRESH_TOKEN_TTL_SEC', 14 * 24 * 3600, 600, 90 * 24 * 3600),
    residentTokenTtlSec: intSetting(env, 'RESIDENT_TOKEN_TTL_SEC', 7 * 24 * 3600, 600, 30 * 24 * 3600),
  };
}
