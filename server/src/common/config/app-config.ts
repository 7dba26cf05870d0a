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
  /**
   * WeCom (企业微信) application messages to staff: the self-built app's corp id, agent id
   * and secret. null: WeCom is off — staff notices stay in the admin pages only.
   */
  wecom: WecomSettings | null;
  /** Message push (媒体检测结果等): the token and EncodingAESKey set in the WeChat console. */
  wechatPush: { token: string | null; encodingAESKey: string | null };
  /** How often each instance looks for outbox rows to send; 0 = only when asked (tests). */
  outboxPollMs: number;
  /** How long a claimed outbox row is held by its sender before another pass may take it. */
  outboxLeaseMs: number;
  /** Requests per minute per caller (per IP before sign-in), counted in the database (shared by all instances) or in this process. */
  rateLimits: { login: number; write: number; general: number; store: 'database' | 'memory' };
  /** Personal data of finished requests and inactive residents is erased after this many days (PIPL); 0 = keep. */
  retention: { days: number; scanMs: number };
  /** SLA scanner: how often it runs (0 = only when asked), how long before a deadline the owner is warned, and how long a breach may stay unhandled before admins hear of it. */
  sla: { scanMs: number; warnLeadSec: number; escalateAfterSec: number };
  /** Graceful shutdown: how long requests in hand may take to finish before their connections are closed. */
  shutdownGraceMs: number;
  /**
   * The table sweep (bounded tables): how often it runs (0 = only when asked), rows per
   * statement, and how many days delivered (or finally failed) outbox rows and read
   * notices are kept (0 = keep for ever).
   */
  sweep: { everyMs: number; batch: number; outboxKeepDays: number; readNoticesKeepDays: number };
  /** Bearer token for GET /metrics; null = no metrics endpoint. */
  metricsToken: string | null;
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

export interface WecomSettings {
  corpId: string;
  agentId: number;
  secret: string;
  apiBase: string;
  /**
   * The staff mini-program's appid when it is associated with the corp: messages then go
   * as miniprogram_notice and open the staff ticket page; otherwise textcard with the admin page.
   */
  miniprogramAppid: string | null;
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

/** WeCom is on when WECOM_CORP_ID is set; the other settings are then required. */
function parseWecom(env: NodeJS.ProcessEnv): WecomSettings | null {
  const corpId = env.WECOM_CORP_ID;
  if (!corpId) {
    const stray = (['WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_MINIPROGRAM_APPID'] as const).find((n) => env[n]);
    if (stray) throw new ConfigError('WECOM_CORP_ID', `is required when ${stray} is set`);
    return null;
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(corpId)) throw new ConfigError('WECOM_CORP_ID', `is not a corp id (ww…): "${corpId}"`);
  const agentRaw = env.WECOM_AGENT_ID;
  if (!agentRaw) throw new ConfigError('WECOM_AGENT_ID', 'is required when WECOM_CORP_ID is set');
  if (!/^\d{1,10}$/.test(agentRaw)) throw new ConfigError('WECOM_AGENT_ID', `must be the app's AgentId (a number), got "${agentRaw}"`);
  const secret = env.WECOM_SECRET;
  if (!secret) throw new ConfigError('WECOM_SECRET', 'is required when WECOM_CORP_ID is set');
  const apiBase = (env.WECOM_API_BASE || 'https://qyapi.weixin.qq.com').replace(/\/+$/, '');
  try {
    new URL(apiBase);
  } catch {
    throw new ConfigError('WECOM_API_BASE', `is not a URL: "${apiBase}"`);
  }
  const miniprogramAppid = env.WECOM_MINIPROGRAM_APPID || null;
  if (miniprogramAppid && !/^wx[0-9a-zA-Z]{8,32}$/.test(miniprogramAppid)) throw new ConfigError('WECOM_MINIPROGRAM_APPID', `is not a mini-program appid: "${miniprogramAppid}"`);
  return { corpId, agentId: Number(agentRaw), secret, apiBase, miniprogramAppid };
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

/**
 * Where rate limits are counted: MariaDB serves several instances, so the database by
 * default (one limit for all); the embedded SQLite serves one process, so its memory.
 */
function rateLimitStore(env: NodeJS.ProcessEnv, databaseUrl: string): 'database' | 'memory' {
  const raw = env.RATE_LIMIT_STORE || (databaseUrl.startsWith('sqlite:') ? 'memory' : 'database');
  if (raw !== 'database' && raw !== 'memory') throw new ConfigError('RATE_LIMIT_STORE', `must be database or memory, got "${raw}"`);
  return raw;
}

/** METRICS_TOKEN: unset = no /metrics; set = the bearer token Prometheus sends (≥ 16 chars in production). */
function metricsToken(env: NodeJS.ProcessEnv, production: boolean): string | null {
  const raw = env.METRICS_TOKEN || '';
  if (!raw) return null;
  if (production && raw.length < 16) throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters in production');
  return raw;
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
  // The embedded database under the repository's data/ folder unless told otherwise.
  const databaseUrl = parseDatabaseUrl(required('DATABASE_URL', `sqlite:${path.join(repoRoot, 'data', 'yizhan.sqlite')}`));

  return {
    env: nodeEnv,
    port,
    publicBaseUrl,
    databaseUrl,
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
    wecom: parseWecom(env),
    wechatPush: { token: env.WECHAT_PUSH_TOKEN || null, encodingAESKey },
    outboxPollMs: intSetting(env, 'OUTBOX_POLL_MS', 1000, 0, 60_000),
    outboxLeaseMs: intSetting(env, 'OUTBOX_LEASE_MS', 60_000, 1000, 3600_000),
    rateLimits: {
      login: intSetting(env, 'RATE_LIMIT_LOGIN_PER_MIN', 10, 1, 1_000_000),
      write: intSetting(env, 'RATE_LIMIT_WRITE_PER_MIN', 30, 1, 1_000_000),
      general: intSetting(env, 'RATE_LIMIT_PER_MIN', 600, 1, 10_000_000),
      store: rateLimitStore(env, databaseUrl),
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
    shutdownGraceMs: intSetting(env, 'SHUTDOWN_GRACE_MS', 5000, 0, 120_000),
    sweep: {
      everyMs: intSetting(env, 'SWEEP_MS', 600_000, 0, 86400_000),
      batch: intSetting(env, 'SWEEP_BATCH', 1000, 10, 100_000),
      outboxKeepDays: intSetting(env, 'OUTBOX_KEEP_DAYS', 30, 0, 36500),
      readNoticesKeepDays: intSetting(env, 'READ_NOTICES_KEEP_DAYS', 180, 0, 36500),
    },
    metricsToken: metricsToken(env, production),
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
