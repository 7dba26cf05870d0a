import { createHash, createHmac } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { DEVELOPMENT_TEMPLATES, parseTemplates, TemplateMap } from './wechat-templates';

/**
 * Every setting the server reads, parsed and checked once at start by one schema (zod, below).
 * A bad or missing setting stops the server with one line that names it; nothing reads
 * process.env anywhere else.
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
  /**
   * WeCom (企业微信) application messages to staff: the self-built app's corp id, agent id
   * and secret. null: WeCom is off — staff notices stay in the admin pages only.
   */
  wecom: WecomSettings | null;
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
  /** Log lines: JSON (one object per line) or readable (development on a terminal); the lowest level written. */
  log: { format: 'json' | 'pretty'; level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' };
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
const REPO_ROOT = path.resolve(__dirname, '../../../..');

// ---------------------------------------------------------------------------------------------
// Building blocks. Each describes one environment variable; its messages finish the sentence
// "Invalid configuration: NAME …". An unset variable and an empty one mean the same: not set.

/** A whole number within [min, max]; `fallback` when not set. */
const wholeNumber = (fallback: number, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: (issue) => `must be a whole number, got "${issue.input}"` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: (issue) => `must be between ${min} and ${max}, got ${issue.input}` })
        .max(max, { error: (issue) => `must be between ${min} and ${max}, got ${issue.input}` }),
    )
    .default(fallback);

/** A URL (trailing slashes dropped); `fallback` when not set (no fallback: null). */
const url = <F extends string | null>(fallback: F) =>
  z
    .string()
    .optional()
    .transform((raw, ctx): string | F => {
      if (raw === undefined) return fallback;
      const value = raw.replace(/\/+$/, '');
      if (!URL.canParse(value)) ctx.addIssue({ code: 'custom', message: `is not a URL: "${value}"` });
      return value;
    });

/** Text that production must set and development may leave to a default. */
const requiredInProduction = (production: boolean, devDefault: string) =>
  production ? z.string({ error: 'is required in production' }) : z.string().default(devDefault);

/** A secret with a minimum length in production. */
const secretInProduction = (production: boolean, devDefault: string, minLength: number) =>
  requiredInProduction(production, devDefault).refine((v) => !production || v.length >= minLength, {
    error: `must be at least ${minLength} characters in production`,
  });

/** true/1 or false/0 (anything else: false); undefined when not set. */
const flag = () =>
  z
    .string()
    .transform((v) => v === 'true' || v === '1')
    .optional();

/** A check written as a function: a problem (the rest of the one-line message) or null. */
const checked = <T extends z.ZodType>(schema: T, problem: (value: z.output<T>) => string | null) =>
  schema.superRefine((value, ctx) => {
    const found = problem(value);
    if (found) ctx.addIssue({ code: 'custom', message: found });
  });

function databaseUrlProblem(raw: string): string | null {
  if (raw.startsWith('sqlite:')) return raw.length <= 'sqlite:'.length ? 'must name a file, e.g. sqlite:./data/yizhan.sqlite' : null;
  if (!URL.canParse(raw)) return `is not a URL: "${raw}" (expected sqlite:./data/yizhan.sqlite or mysql://user:pass@host:port/db)`;
  const url = new URL(raw);
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') return `must start with sqlite:, mysql:// or mariadb://, got "${url.protocol}//"`;
  if (url.pathname.length <= 1) return 'must name a database, e.g. mysql://root@127.0.0.1:3306/yizhan';
  return null;
}

/** 64 hex digits or base64 of 32 bytes. */
function encryptionKey(raw: string): Buffer | null {
  const trimmed = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : null;
}

// ---------------------------------------------------------------------------------------------
// The schema: one entry per environment variable (README, "Settings"). Adding a setting is one
// line here and one where loadConfig builds AppConfig below.

function envSchema(production: boolean) {
  return z.object({
    PORT: wholeNumber(3000, 0, 65535),
    PUBLIC_BASE_URL: url(null),
    // The embedded database under the repository's data/ folder unless told otherwise.
    DATABASE_URL: checked(requiredInProduction(production, `sqlite:${path.join(REPO_ROOT, 'data', 'yizhan.sqlite')}`), databaseUrlProblem),
    JWT_SECRET: secretInProduction(production, DEV_JWT_SECRET, 32),
    DATA_ENCRYPTION_KEY: (production ? z.string({ error: 'is required in production' }) : z.string().optional()).transform((raw, ctx) => {
      if (raw === undefined) return DEV_ENCRYPTION_KEY;
      const key = encryptionKey(raw);
      if (!key) ctx.addIssue({ code: 'custom', message: 'must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)' });
      return key ?? DEV_ENCRYPTION_KEY;
    }),
    DATA_ENCRYPTION_KEY_ID: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,16}$/, { error: 'must be 1–16 letters, digits, _ or -' })
      .default('k1'),
    ADMIN_USERNAME: z.string().default('admin'),
    ADMIN_PASSWORD: z
      .string()
      .refine((v) => !production || v.length >= 10, { error: 'must be at least 10 characters in production' })
      .optional(),
    WECHAT_APPID: requiredInProduction(production, 'wx-dev-appid'),
    WECHAT_SECRET: requiredInProduction(production, 'wx-dev-secret'),
    WECHAT_API_BASE: url('https://api.weixin.qq.com'),
    WECHAT_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer'], { error: 'must be formal, trial or developer' }).default('formal'),
    WECHAT_TEMPLATES: z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return production ? {} : DEVELOPMENT_TEMPLATES;
        try {
          return parseTemplates(raw);
        } catch (e) {
          ctx.addIssue({ code: 'custom', message: (e as Error).message });
          return {};
        }
      }),
    WECHAT_PUSH_TOKEN: z.string().optional(),
    WECHAT_ENCODING_AES_KEY: z
      .string()
      .regex(/^[A-Za-z0-9]{43}$/, { error: 'must be the 43-character EncodingAESKey from the WeChat console' })
      .optional(),
    WECOM_CORP_ID: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: (issue) => `is not a corp id (ww…): "${issue.input}"` }).optional(),
    WECOM_AGENT_ID: z.string().regex(/^\d{1,10}$/, { error: (issue) => `must be the app's AgentId (a number), got "${issue.input}"` }).optional(),
    WECOM_SECRET: z.string().optional(),
    WECOM_API_BASE: url('https://qyapi.weixin.qq.com'),
    WECOM_MINIPROGRAM_APPID: z.string().regex(/^wx[0-9a-zA-Z]{8,32}$/, { error: (issue) => `is not a mini-program appid: "${issue.input}"` }).optional(),
    OUTBOX_POLL_MS: wholeNumber(1000, 0, 60_000),
    OUTBOX_LEASE_MS: wholeNumber(60_000, 1000, 3600_000),
    RATE_LIMIT_LOGIN_PER_MIN: wholeNumber(10, 1, 1_000_000),
    RATE_LIMIT_WRITE_PER_MIN: wholeNumber(30, 1, 1_000_000),
    RATE_LIMIT_PER_MIN: wholeNumber(600, 1, 10_000_000),
    // Where rate limits are counted: the database serves several instances (MariaDB's default);
    // the embedded SQLite serves one process, so its memory.
    RATE_LIMIT_STORE: z.enum(['database', 'memory'], { error: (issue) => `must be database or memory, got "${issue.input}"` }).optional(),
    RETENTION_DAYS: wholeNumber(3 * 365, 0, 36500),
    RETENTION_SCAN_MS: wholeNumber(6 * 3600_000, 0, 7 * 86400_000),
    SLA_SCAN_MS: wholeNumber(30_000, 0, 3600_000),
    SLA_WARN_LEAD_SEC: wholeNumber(1800, 0, 7 * 86400),
    SLA_ESCALATE_AFTER_SEC: wholeNumber(3600, 60, 30 * 86400),
    SHUTDOWN_GRACE_MS: wholeNumber(5000, 0, 120_000),
    SWEEP_MS: wholeNumber(600_000, 0, 86400_000),
    SWEEP_BATCH: wholeNumber(1000, 10, 100_000),
    OUTBOX_KEEP_DAYS: wholeNumber(30, 0, 36500),
    READ_NOTICES_KEEP_DAYS: wholeNumber(180, 0, 36500),
    METRICS_TOKEN: z
      .string()
      .refine((v) => !production || v.length >= 16, { error: 'must be at least 16 characters in production' })
      .optional(),
    BOOKING_CHANGE_CUTOFF_SEC: wholeNumber(2 * 3600, 0, 7 * 86400),
    FILES_DIR: z.string().default(path.join(REPO_ROOT, 'data', 'files')),
    FILES_SIGNING_KEY: z
      .string()
      .refine((v) => !production || v.length >= 32, { error: 'must be at least 32 characters in production' })
      .optional(),
    S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: (issue) => `is not a valid bucket name: "${issue.input}"` })
      .optional(),
    S3_ENDPOINT: z
      .string()
      .transform((v) => v.replace(/\/+$/, ''))
      .superRefine((v, ctx) => {
        if (!URL.canParse(v)) ctx.addIssue({ code: 'custom', message: `is not a URL: "${v}"` });
        else if (!/^https?:$/.test(new URL(v).protocol)) ctx.addIssue({ code: 'custom', message: 'must start with http:// or https://' });
      })
      .optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_FORCE_PATH_STYLE: z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).optional(),
    DEMO_DATA: flag(),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ADMIN_DIST: z.string().default(path.join(REPO_ROOT, 'server', 'admin', 'dist')),
    H5_DIST: z.string().default(path.join(REPO_ROOT, 'miniapp', 'dist', 'h5')),
    ACCESS_TOKEN_TTL_SEC: wholeNumber(30 * 60, 60, 24 * 3600),
    REFRESH_TOKEN_TTL_SEC: wholeNumber(14 * 24 * 3600, 600, 90 * 24 * 3600),
    RESIDENT_TOKEN_TTL_SEC: wholeNumber(7 * 24 * 3600, 600, 30 * 24 * 3600),
    // Readable lines for a person at a terminal in development; JSON for everything that collects logs.
    LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'must be json or pretty' }).default(!production && process.stdout.isTTY ? 'pretty' : 'json'),
    LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal'], { error: 'must be trace, debug, info, warn, error or fatal' }).default('info'),
  });
}

type Env = z.output<ReturnType<typeof envSchema>>;

/** S3 is used when S3_BUCKET is set; any other S3_* setting without it is a mistake worth stopping for. */
function s3Settings(env: Env, set: Record<string, string | undefined>): S3Settings | null {
  if (!env.S3_BUCKET) {
    const stray = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_REGION', 'S3_FORCE_PATH_STYLE'].find((n) => set[n] !== undefined);
    if (stray) throw new ConfigError('S3_BUCKET', `is required when ${stray} is set`);
    return null;
  }
  for (const name of ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
    if (!env[name]) throw new ConfigError(name, 'is required when S3_BUCKET is set');
  }
  const endpoint = env.S3_ENDPOINT ?? null;
  const pathStyle = env.S3_FORCE_PATH_STYLE;
  return {
    endpoint,
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    // MinIO and most self-hosted stores want path style; AWS itself does not.
    forcePathStyle: pathStyle ? pathStyle === 'true' || pathStyle === '1' : endpoint !== null,
  };
}

/** WeCom is on when WECOM_CORP_ID is set; the other settings are then required. */
function wecomSettings(env: Env): WecomSettings | null {
  if (!env.WECOM_CORP_ID) {
    const stray = (['WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_MINIPROGRAM_APPID'] as const).find((n) => env[n]);
    if (stray) throw new ConfigError('WECOM_CORP_ID', `is required when ${stray} is set`);
    return null;
  }
  if (!env.WECOM_AGENT_ID) throw new ConfigError('WECOM_AGENT_ID', 'is required when WECOM_CORP_ID is set');
  if (!env.WECOM_SECRET) throw new ConfigError('WECOM_SECRET', 'is required when WECOM_CORP_ID is set');
  return {
    corpId: env.WECOM_CORP_ID,
    agentId: Number(env.WECOM_AGENT_ID),
    secret: env.WECOM_SECRET,
    apiBase: env.WECOM_API_BASE,
    miniprogramAppid: env.WECOM_MINIPROGRAM_APPID ?? null,
  };
}

export function loadConfig(raw: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = raw.NODE_ENV === 'production' ? 'production' : raw.NODE_ENV === 'test' ? 'test' : 'development';
  const production = nodeEnv === 'production';
  // Unset and empty are the same; other variables of the process are not ours to read.
  const set = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema(production).safeParse(set);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new ConfigError(String(first.path[0]), first.message);
  }
  const env = parsed.data;

  return {
    env: nodeEnv,
    port: env.PORT,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${env.PORT}`,
    databaseUrl: env.DATABASE_URL,
    jwtSecret: env.JWT_SECRET,
    dataEncryptionKey: env.DATA_ENCRYPTION_KEY,
    dataEncryptionKeyId: env.DATA_ENCRYPTION_KEY_ID,
    adminUsername: env.ADMIN_USERNAME,
    adminPassword: env.ADMIN_PASSWORD ?? (production ? null : 'admin123'),
    wechat: { appid: env.WECHAT_APPID, secret: env.WECHAT_SECRET, apiBase: env.WECHAT_API_BASE, miniprogramState: env.WECHAT_MINIPROGRAM_STATE },
    useFakeWechat: !production && !set.WECHAT_APPID && !set.WECHAT_API_BASE,
    wechatTemplates: env.WECHAT_TEMPLATES as TemplateMap,
    wecom: wecomSettings(env),
    wechatPush: { token: env.WECHAT_PUSH_TOKEN ?? null, encodingAESKey: env.WECHAT_ENCODING_AES_KEY ?? null },
    outboxPollMs: env.OUTBOX_POLL_MS,
    outboxLeaseMs: env.OUTBOX_LEASE_MS,
    rateLimits: {
      login: env.RATE_LIMIT_LOGIN_PER_MIN,
      write: env.RATE_LIMIT_WRITE_PER_MIN,
      general: env.RATE_LIMIT_PER_MIN,
      store: env.RATE_LIMIT_STORE ?? (env.DATABASE_URL.startsWith('sqlite:') ? 'memory' : 'database'),
    },
    retention: { days: env.RETENTION_DAYS, scanMs: env.RETENTION_SCAN_MS },
    sla: { scanMs: env.SLA_SCAN_MS, warnLeadSec: env.SLA_WARN_LEAD_SEC, escalateAfterSec: env.SLA_ESCALATE_AFTER_SEC },
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    sweep: { everyMs: env.SWEEP_MS, batch: env.SWEEP_BATCH, outboxKeepDays: env.OUTBOX_KEEP_DAYS, readNoticesKeepDays: env.READ_NOTICES_KEEP_DAYS },
    metricsToken: env.METRICS_TOKEN ?? null,
    bookingChangeCutoffSec: env.BOOKING_CHANGE_CUTOFF_SEC,
    filesDir: path.resolve(env.FILES_DIR),
    // A separate key per purpose: a photo URL signature can never pass as a token signature.
    filesSigningKey: env.FILES_SIGNING_KEY
      ? Buffer.from(env.FILES_SIGNING_KEY, 'utf8')
      : createHmac('sha256', env.JWT_SECRET).update('yizhan:files-url:v1').digest(),
    s3: s3Settings(env, set),
    demoData: env.DEMO_DATA ?? (!production && nodeEnv !== 'test'),
    corsOrigins: env.CORS_ORIGINS,
    adminDist: path.resolve(env.ADMIN_DIST),
    h5Dist: path.resolve(env.H5_DIST),
    accessTokenTtlSec: env.ACCESS_TOKEN_TTL_SEC,
    refreshTokenTtlSec: env.REFRESH_TOKEN_TTL_SEC,
    residentTokenTtlSec: env.RESIDENT_TOKEN_TTL_SEC,
    log: { format: env.LOG_FORMAT, level: env.LOG_LEVEL },
  };
}
