'use strict';
/**
 * A fake of https://api.weixin.qq.com on loopback, for the parts Yizhan uses
 * (see /work/shared/WECHAT.md and README.md in this folder). The server under test
 * only changes WECHAT_API_BASE; everything else is the real protocol.
 */
const http = require('node:http');
const https = require('node:https');
const crypto = require('node:crypto');
const { EventEmitter } = require('node:events');
const wxcrypto = require('./crypto');
const { KEYWORD_TYPES, typeFromName, checkValue } = require('./keywords');

/** errmsg texts as WeChat writes them (a " rid: …" suffix is added on the wire) */
const ERRMSG = {
  '-1': 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40226: 'invalid user, high risk user is blocked',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  41030: 'invalid page',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  43101: 'user refuse to accept the msg',
  44002: 'empty post data',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
  61010: 'user is not visit recently, visit over 2 hours ago',
  87014: 'risky content',
};

const DEFAULT_RISKY = { 赌博: 20006, 毒品: 20006, 色情: 20002 };
const DEFAULT_REVIEW = { 广告: 10001, 代购: 10001 };
const DEFAULT_MEDIA_VERDICTS = [
  { match: 'risky', suggest: 'risky', label: 20002 },
  { match: 'review', suggest: 'review', label: 21000 },
];
const MINIPROGRAM_STATES = ['formal', 'trial', 'developer'];
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
const MAX_ERRORS_KEPT = 1000;

/**
 * @typedef {Record<string, Record<string, string> | string[]>} TemplatesOption
 *   template id → { keyword: type } (or a list of keyword names, typed by their prefix)
 * @typedef {object} FakeWechatOptions
 * @property {number} [port] 0 picks a free port
 * @property {string} [host]
 * @property {string} [appid]
 * @property {string} [secret]
 * @property {TemplatesOption} [templates]
 * @property {boolean} [inferTemplates] accept any template id and type keywords by name (dev only)
 * @property {string[]} [pages] if given, `page` must be one of these paths (41030 otherwise)
 * @property {number} [tokenTtlSec]
 * @property {number} [classicGraceSec] how long a /cgi-bin/token token survives the next mint
 * @property {string} [pushUrl] where media-check verdicts and pushed events go
 * @property {string} [pushToken]
 * @property {string} [encodingAESKey] 43 chars; with it pushes use safe mode, without it plain JSON
 * @property {string} [originalId] the mini-program's gh_ id, ToUserName of pushes
 * @property {number} [mediaCheckDelayMs]
 * @property {number} [pushRetries] extra attempts after the first
 * @property {number} [pushRetryDelayMs]
 * @property {number} [pushTimeoutMs]
 * @property {boolean} [enforceCredits]
 * @property {'text/plain'|'application/json'} [errorContentType]
 * @property {boolean} [unionid] include a unionid in logins
 * @property {boolean} [controlApi] serve /__fake/* (default true)
 * @property {boolean} [log]
 */

const DEFAULTS = {
  port: 0,
  host: '127.0.0.1',
  appid: 'wxfake',
  secret: 'fakesecret',
  templates: {},
  inferTemplates: false,
  pages: undefined,
  tokenTtlSec: 7200,
  classicGraceSec: 0,
  pushUrl: undefined,
  pushToken: 'token',
  encodingAESKey: undefined,
  originalId: 'gh_fake00000000',
  mediaCheckDelayMs: 200,
  pushRetries: 3,
  pushRetryDelayMs: 1000,
  pushTimeoutMs: 5000,
  enforceCredits: false,
  errorContentType: 'text/plain',
  unionid: false,
  controlApi: true,
  log: false,
};

/** Options that /__fake/config may change at run time. */
const RUNTIME_CONFIG = [
  'inferTemplates',
  'pages',
  'tokenTtlSec',
  'classicGraceSec',
  'pushUrl',
  'pushToken',
  'encodingAESKey',
  'originalId',
  'mediaCheckDelayMs',
  'pushRetries',
  'pushRetryDelayMs',
  'pushTimeoutMs',
  'enforceCredits',
  'errorContentType',
  'unionid',
  'log',
];

const hex = (n) => crypto.randomBytes(n).toString('hex');
const rid = () => `${hex(4)}-${hex(4)}-${hex(4)}`;
const b64url = (buf) => buf.toString('base64url');

/** The stable openid the fake gives `fake:<user>` codes. */
function fakeOpenid(appid, user) {
  return (
    'o' +
    b64url(
      crypto
        .createHash('sha256')
        .update(appid + user)
        .digest(),
    ).slice(0, 27)
  );
}
function fakeUnionid(user) {
  return (
    'oU' +
    b64url(
      crypto
        .createHash('sha256')
        .update('union:' + user)
        .digest(),
    ).slice(0, 26)
  );
}

/** A reply with an errcode, marked so the sender can pick the content type. */
class WxError {
  /** @param {number} errcode @param {string} [detail] appended to the standard errmsg @param {string} [reason] for logs/state only */
  constructor(errcode, detail, reason) {
    this.errcode = errcode;
    const base = ERRMSG[errcode] ?? 'error';
    this.errmsg = detail ? `${base}${detail.startsWith(' ') ? '' : ' '}${detail}` : base;
    this.reason = reason;
  }
}
const fail = (errcode, detail, reason) => {
  throw new WxError(errcode, detail, reason);
};

/** @param {TemplatesOption} templates @returns {Map<string, Record<string,string>>} */
function normaliseTemplates(templates) {
  const out = new Map();
  for (const [id, spec] of Object.entries(templates || {})) {
    const keywords = {};
    const entries = Array.isArray(spec) ? spec.map((k) => [k, typeFromName(k)]) : Object.entries(spec);
    for (const [k, type] of entries) {
      if (!type || !KEYWORD_TYPES.includes(type)) {
        throw new Error(`fake-wechat: template ${id} keyword ${k}: unknown type ${type}; use one of ${KEYWORD_TYPES.join(', ')}`);
      }
      keywords[k] = type;
    }
    out.set(id, keywords);
  }
  return out;
}

/** @param {Record<string, number> | string[] | undefined} words @param {number} label */
function wordMap(words, label) {
  if (!words) return {};
  if (Array.isArray(words)) return Object.fromEntries(words.map((w) => [w, label]));
  return { ...words };
}

class FakeWechat extends EventEmitter {
  /** @param {FakeWechatOptions} options */
  constructor(options = {}) {
    super();
    this.config = { ...DEFAULTS, ...options };
    this.templates = normaliseTemplates(this.config.templates);
    if (this.config.encodingAESKey && this.config.encodingAESKey.length !== 43) {
      throw new Error('fake-wechat: encodingAESKey must be 43 characters');
    }
    /** @type {http.Server | null} */
    this.server = null;
    this.url = '';
    this.timers = new Set();
    this.clockOffsetMs = 0;
    this.resetState({ all: true });
  }

  now() {
    return Date.now() + this.clockOffsetMs;
  }

  // ───────────────────────────── state ─────────────────────────────

  /**
   * Back to a fresh fake. Access tokens, known openids and the clock survive unless
   * `all` is set, so a server holding a cached token keeps working between tests.
   */
  resetState({ all = false } = {}) {
    const keep = this.state && !all ? this.state : null;
    this.failures = [];
    this.quota = { subscribeDaily: null, jscode2sessionPerMinute: null };
    this.credits = new Map(); // `${openid} ${templateId}` → count
    this.riskyWords = wordMap(DEFAULT_RISKY, 20006);
    this.reviewWords = wordMap(DEFAULT_REVIEW, 10001);
    this.notVisited = new Set();
    this.mediaVerdicts = [...DEFAULT_MEDIA_VERDICTS];
    this.codes = new Map(); // registered login codes
    this.phoneCodes = new Map(); // registered phone codes
    this.usedCodes = new Set();
    this.usedPhoneCodes = new Set();
    this.enforceCredits = this.config.enforceCredits;
    if (all) {
      this.clockOffsetMs = 0;
      this.tokens = new Map(); // token → { kind, expiresAt, invalidAt }
      this.currentStable = null;
      this.currentClassic = null;
      this.users = new Map(); // openid → { user, unionid }
    }
    this.msgSeq = 0;
    this.counters = { day: '', subscribeToday: 0, minute: -1, loginsThisMinute: 0 };
    this.state = {
      /** successful subscribe sends */
      messages: [],
      tokenMints: keep ? keep.tokenMints : { stable: 0, classic: 0, forceRefresh: 0 },
      /** requests per path, control API excluded */
      calls: {},
      logins: [],
      phoneCodes: [],
      textChecks: [],
      mediaChecks: [],
      pushes: [],
      /** the last errors returned, newest last, with the fake's reason */
      errors: [],
    };
  }

  /** @param {string} openid @param {string} [user] */
  addUser(openid, user) {
    if (!this.users.has(openid)) this.users.set(openid, { user: user ?? null });
    return openid;
  }

  openidFor(user) {
    return fakeOpenid(this.config.appid, user);
  }

  // ───────────────────────────── controls ─────────────────────────────

  /**
   * Make the next `times` calls to `path` fail. One of errcode / httpStatus / drop;
   * `delayMs` alone only slows the call down.
   * @param {{ path: string, errcode?: number, errmsg?: string, httpStatus?: number, drop?: boolean, delayMs?: number, times?: number }} rule
   *   path '*' matches every business path; times -1 or Infinity = until cleared
   */
  fail(rule) {
    if (!rule || typeof rule.path !== 'string') throw new Error('fail: path required');
    const times = rule.times === undefined ? 1 : rule.times === -1 || rule.times === null ? Infinity : Number(rule.times);
    if (!(times > 0)) throw new Error('fail: times must be positive, or -1 for until cleared');
    this.failures.push({ ...rule, times });
    return this;
  }
  clearFailures() {
    this.failures = [];
    return this;
  }
  /** Current tokens answer 42001 from now on; the next stable_token call mints a new one. */
  expireToken() {
    const t = this.now();
    for (const tok of [this.currentStable, this.currentClassic]) {
      const rec = tok && this.tokens.get(tok);
      if (rec) rec.expiresAt = Math.min(rec.expiresAt, t);
    }
    return this;
  }
  /** Current tokens answer 40001 from now on (as after a secret reset or a token minted elsewhere). */
  invalidateToken() {
    const t = this.now();
    for (const tok of [this.currentStable, this.currentClassic]) {
      const rec = tok && this.tokens.get(tok);
      if (rec) rec.invalidAt = Math.min(rec.invalidAt, t);
    }
    return this;
  }
  /** @param {{ subscribeDaily?: number|null, jscode2sessionPerMinute?: number|null }} q null removes a quota */
  setQuota(q) {
    for (const k of ['subscribeDaily', 'jscode2sessionPerMinute']) if (k in q) this.quota[k] = q[k] ?? null;
    return this;
  }
  setEnforceCredits(on = true) {
    this.enforceCredits = !!on;
    return this;
  }
  /** One accept in wx.requestSubscribeMessage = one credit. */
  grantCredits(openid, templateId, count = 1) {
    const key = `${openid} ${templateId}`;
    this.credits.set(key, (this.credits.get(key) || 0) + count);
    return this.credits.get(key);
  }
  /** Remove credits (the user rejected / banned); without templateId, for every template. */
  denyCredits(openid, templateId) {
    for (const key of [...this.credits.keys()]) {
      if (key === `${openid} ${templateId}` || (!templateId && key.startsWith(openid + ' '))) this.credits.delete(key);
    }
    return this;
  }
  creditsOf(openid, templateId) {
    return this.credits.get(`${openid} ${templateId}`) || 0;
  }
  /**
   * @param {{ risky?: string[]|Record<string,number>, review?: string[]|Record<string,number>, replace?: boolean }} w
   *   arrays get a default label (risky 20006, review 10001); replace drops the defaults
   */
  setWords({ risky, review, replace = false }) {
    if (replace) {
      this.riskyWords = {};
      this.reviewWords = {};
    }
    Object.assign(this.riskyWords, wordMap(risky, 20006));
    Object.assign(this.reviewWords, wordMap(review, 10001));
    return this;
  }
  /** Content checks for this openid answer 61010 (user has not visited in 2 h). */
  setNotVisited(openid, on = true) {
    if (on) this.notVisited.add(openid);
    else this.notVisited.delete(openid);
    return this;
  }
  /** Media whose URL contains `match` gets this verdict; newest registration wins. */
  setMediaVerdict({ match, suggest, label }) {
    if (!['pass', 'review', 'risky'].includes(suggest)) throw new Error('suggest must be pass|review|risky');
    this.mediaVerdicts.unshift({ match, suggest, label: label ?? (suggest === 'pass' ? 100 : 21000) });
    return this;
  }
  /**
   * Register a login code. `error` makes it answer that errcode (e.g. 40226);
   * otherwise it logs in as `openid` (or the openid of `user`).
   * @param {string} code @param {{ openid?: string, user?: string, unionid?: string, error?: number }} spec
   */
  registerCode(code, spec = {}) {
    const openid = spec.openid ?? (spec.user !== undefined ? this.openidFor(spec.user) : undefined);
    if (!openid && spec.error === undefined) throw new Error('registerCode: openid, user or error required');
    this.codes.set(code, { ...spec, openid, expiresAt: this.now() + 5 * 60_000 });
    this.usedCodes.delete(code);
    return { code, openid };
  }
  /** @param {string} code @param {{ phoneNumber?: string, countryCode?: string, error?: number }} spec */
  registerPhoneCode(code, spec = {}) {
    this.phoneCodes.set(code, { ...spec, expiresAt: this.now() + 5 * 60_000 });
    this.usedPhoneCodes.delete(code);
    return { code };
  }
  /** Move the fake's clock (token expiry, code expiry, daily/minute quotas). */
  advanceTime(seconds) {
    this.clockOffsetMs += seconds * 1000;
    return this;
  }
  /** @param {{ touser?: string, template_id?: string }} [filter] */
  messages(filter = {}) {
    return this.state.messages.filter((m) => (!filter.touser || m.touser === filter.touser) && (!filter.template_id || m.template_id === filter.template_id));
  }
  /** Change runtime options (see RUNTIME_CONFIG). */
  configure(patch) {
    for (const [k, v] of Object.entries(patch || {})) {
      if (k === 'templates') {
        for (const [id, kw] of normaliseTemplates(v)) this.templates.set(id, kw);
      } else if (RUNTIME_CONFIG.includes(k)) {
        this.config[k] = v;
        if (k === 'enforceCredits') this.enforceCredits = !!v;
      } else throw new Error(`configure: unknown option ${k}`);
    }
    return this;
  }
  /** Resolve with the next push record matching `predicate` (also one that already arrived). */
  waitForPush(predicate = () => true, timeoutMs = 10_000) {
    const done = this.state.pushes.find((p) => p.finished && predicate(p));
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('push', onPush);
        reject(new Error('waitForPush: timed out'));
      }, timeoutMs);
      const onPush = (p) => {
        if (!predicate(p)) return;
        clearTimeout(timer);
        this.off('push', onPush);
        resolve(p);
      };
      this.on('push', onPush);
    });
  }

  /** A JSON-friendly view of the state, for GET /__fake/state. */
  snapshot() {
    const s = this.state;
    return {
      url: this.url,
      appid: this.config.appid,
      now: this.now(),
      currentToken: this.currentStable,
      tokenMints: s.tokenMints,
      calls: s.calls,
      messageCount: s.messages.length,
      logins: s.logins,
      phoneCodes: s.phoneCodes,
      textChecks: s.textChecks,
      mediaChecks: s.mediaChecks,
      pushes: s.pushes,
      errors: s.errors,
      users: [...this.users].map(([openid, u]) => ({ openid, ...u })),
      credits: Object.fromEntries(this.credits),
      enforceCredits: this.enforceCredits,
      quota: this.quota,
      failures: this.failures.map((f) => ({ ...f, times: f.times === Infinity ? -1 : f.times })),
      templates: Object.fromEntries(this.templates),
    };
  }

  // ───────────────────────────── tokens ─────────────────────────────

  mintToken(kind) {
    const token = `${this.state.tokenMints.stable + this.state.tokenMints.classic + 1}_${b64url(crypto.randomBytes(96))}`;
    this.tokens.set(token, { kind, expiresAt: this.now() + this.config.tokenTtlSec * 1000, invalidAt: Infinity });
    this.state.tokenMints[kind]++;
    return token;
  }
  tokenState(token) {
    const rec = token && this.tokens.get(token);
    if (!rec) return 'unknown';
    const t = this.now();
    if (rec.invalidAt <= t) return 'invalid';
    if (rec.expiresAt <= t) return 'expired';
    return 'valid';
  }
  tokenReply(token) {
    const rec = this.tokens.get(token);
    return { access_token: token, expires_in: Math.max(0, Math.ceil((rec.expiresAt - this.now()) / 1000)) };
  }
  requireToken(query) {
    const token = query.get('access_token');
    if (!token) fail(41001);
    if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) fail(40014, undefined, 'malformed access_token');
    const st = this.tokenState(token);
    if (st === 'expired') fail(42001);
    if (st !== 'valid') fail(40001, undefined, `access_token ${st}`);
  }
  checkApp(appid, secret) {
    if (!appid) fail(41002);
    if (appid !== this.config.appid) fail(40013);
    if (!secret) fail(41004);
    if (secret !== this.config.secret) fail(40125);
  }

  // ───────────────────────────── business endpoints ─────────────────────────────

  jscode2session(q) {
    this.checkApp(q.get('appid'), q.get('secret'));
    if (q.get('grant_type') !== 'authorization_code') fail(40002);
    const minute = Math.floor(this.now() / 60_000);
    if (this.counters.minute !== minute) Object.assign(this.counters, { minute, loginsThisMinute: 0 });
    const limit = this.quota.jscode2sessionPerMinute;
    if (limit != null && this.counters.loginsThisMinute >= limit) fail(45011);
    this.counters.loginsThisMinute++;

    const code = q.get('js_code');
    if (!code) fail(41008);
    if (this.usedCodes.has(code)) fail(40163);
    let openid;
    let unionid;
    let user = null;
    const registered = this.codes.get(code);
    const conventional = /^fake:([^:]+)(?::[^:]*)?$/.exec(code);
    if (registered) {
      if (registered.expiresAt <= this.now()) fail(40029, undefined, 'code expired (5 min)');
      this.usedCodes.add(code);
      if (registered.error !== undefined) fail(registered.error);
      ({ openid, unionid } = registered);
      user = registered.user ?? null;
    } else if (conventional) {
      this.usedCodes.add(code);
      user = conventional[1];
      openid = this.openidFor(user);
      if (this.config.unionid) unionid = fakeUnionid(user);
    } else {
      fail(40029, undefined, 'unknown code; use fake:<user>[:<nonce>] or register one');
    }
    this.addUser(openid, user ?? undefined);
    const session_key = crypto.randomBytes(16).toString('base64');
    this.state.logins.push({ code, openid, user, at: this.now() });
    return unionid ? { session_key, openid, unionid } : { session_key, openid };
  }

  stableToken(body) {
    if (body.grant_type !== 'client_credential') fail(40002);
    this.checkApp(body.appid, body.secret);
    if (body.force_refresh === true) {
      this.state.tokenMints.forceRefresh++;
      const old = this.currentStable && this.tokens.get(this.currentStable);
      if (old) old.invalidAt = Math.min(old.invalidAt, this.now());
    } else if (this.tokenState(this.currentStable) === 'valid') {
      return this.tokenReply(this.currentStable);
    }
    this.currentStable = this.mintToken('stable');
    return this.tokenReply(this.currentStable);
  }

  classicToken(q) {
    if (q.get('grant_type') !== 'client_credential') fail(40002);
    this.checkApp(q.get('appid'), q.get('secret'));
    const old = this.currentClassic && this.tokens.get(this.currentClassic);
    if (old) old.invalidAt = Math.min(old.invalidAt, this.now() + this.config.classicGraceSec * 1000);
    this.currentClassic = this.mintToken('classic');
    return this.tokenReply(this.currentClassic);
  }

  subscribeSend(q, body) {
    this.requireToken(q);
    const day = new Date(this.now() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
    if (this.counters.day !== day) Object.assign(this.counters, { day, subscribeToday: 0 });
    const limit = this.quota.subscribeDaily;
    if (limit != null && this.counters.subscribeToday >= limit) fail(45009);

    const { touser, template_id, page, data, miniprogram_state, lang } = body;
    if (typeof touser !== 'string' || !this.users.has(touser)) fail(40003, undefined, 'touser never logged in to this app');
    let keywords = this.templates.get(template_id);
    if (!keywords && this.config.inferTemplates && typeof template_id === 'string' && template_id) {
      keywords = Object.fromEntries(Object.keys(data || {}).map((k) => [k, typeFromName(k)]));
      const bad = Object.entries(keywords).find(([, t]) => !t);
      if (bad) fail(47003, `data.${bad[0]}.value invalid`, `cannot infer a keyword type from ${bad[0]}`);
    }
    if (!keywords) fail(40037);
    if (page !== undefined && page !== null) {
      const path = typeof page === 'string' ? page.replace(/^\//, '').split('?')[0] : null;
      if (path === null || /^https?:|:\/\//i.test(page)) fail(41030, undefined, 'page must be a mini-program path');
      if (this.config.pages && !this.config.pages.map((p) => p.replace(/^\//, '')).includes(path)) {
        fail(41030, undefined, `page ${path} is not in the configured pages`);
      }
    }
    if (miniprogram_state !== undefined && !MINIPROGRAM_STATES.includes(miniprogram_state)) {
      fail(47003, 'miniprogram_state invalid');
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) fail(47003, 'data is empty');
    for (const [k, type] of Object.entries(keywords)) {
      const entry = data[k];
      const problem = checkValue(type, entry && typeof entry === 'object' ? entry.value : undefined);
      if (problem === 'empty') fail(47003, `data.${k}.value is emtpy`, `${k} (${type}) missing or empty`);
      if (problem) fail(47003, `data.${k}.value invalid`, `${k} (${type}) value ${JSON.stringify(entry.value)} breaks the ${type} rule`);
    }
    if (this.enforceCredits) {
      const key = `${touser} ${template_id}`;
      const left = this.credits.get(key) || 0;
      if (left <= 0) fail(43101, undefined, 'no subscription credit for this template');
      this.credits.set(key, left - 1);
    }
    this.counters.subscribeToday++;
    const msgid = 2_000_000_000_000 + ++this.msgSeq;
    const message = {
      msgid,
      touser,
      template_id,
      page: page ?? null,
      data,
      miniprogram_state: miniprogram_state ?? 'formal',
      lang: lang ?? 'zh_CN',
      at: this.now(),
    };
    this.state.messages.push(message);
    this.emit('message', message);
    return { errcode: 0, errmsg: 'ok', msgid };
  }

  /** Shared checks for the v2 content-security calls. */
  checkSecurityCaller(body) {
    const { openid, scene } = body;
    if (typeof openid !== 'string' || !openid) fail(47001, 'hint: openid required for version 2');
    if (![1, 2, 3, 4].includes(scene)) fail(47001, 'hint: scene must be 1, 2, 3 or 4');
    if (!this.users.has(openid)) fail(40003, undefined, 'openid never logged in to this app');
    if (this.notVisited.has(openid)) fail(61010);
  }

  msgSecCheck(q, body) {
    this.requireToken(q);
    const { content } = body;
    if (typeof content !== 'string' || content === '') fail(47001, 'hint: content required');
    // WeChat documents the 2500 limit but no errcode for it; we answer 47001 (a malformed
    // request), never 87014, which v1 uses to mean "risky".
    if ([...content].length > 2500) fail(47001, 'hint: content exceeds 2500 characters');
    const v2 = body.version === 2;
    if (v2) this.checkSecurityCaller(body);
    const hit = (words) => Object.keys(words).find((w) => content.includes(w));
    const riskyWord = hit(this.riskyWords);
    const reviewWord = riskyWord ? undefined : hit(this.reviewWords);
    const word = riskyWord ?? reviewWord;
    const suggest = riskyWord ? 'risky' : reviewWord ? 'review' : 'pass';
    const label = riskyWord ? this.riskyWords[riskyWord] : reviewWord ? this.reviewWords[reviewWord] : 100;
    const trace_id = `${hex(4)}-${hex(4)}-${hex(4)}`;
    this.state.textChecks.push({ openid: body.openid ?? null, content, suggest, label, trace_id, version: v2 ? 2 : 1, at: this.now() });
    if (!v2) {
      if (suggest === 'risky') fail(87014);
      return { errcode: 0, errmsg: 'ok' };
    }
    const detail = [{ strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 }];
    if (word) detail.push({ strategy: 'keyword', errcode: 0, suggest, label, level: suggest === 'risky' ? 20 : 10, keyword: word });
    return { errcode: 0, errmsg: 'ok', result: { suggest, label }, detail, trace_id };
  }

  mediaCheckAsync(q, body) {
    this.requireToken(q);
    const { media_url, media_type } = body;
    if (typeof media_url !== 'string' || !/^https?:\/\//.test(media_url)) fail(47001, 'hint: media_url must be an http(s) URL');
    if (![1, 2].includes(media_type)) fail(47001, 'hint: media_type must be 1 (audio) or 2 (image)');
    const v2 = body.version === 2;
    if (v2) this.checkSecurityCaller(body);
    const trace_id = `${hex(4)}-${hex(4)}-${hex(4)}`;
    const verdict = this.mediaVerdicts.find((v) => media_url.includes(v.match)) ?? { suggest: 'pass', label: 100 };
    const check = { trace_id, openid: body.openid ?? null, media_url, media_type, suggest: verdict.suggest, label: verdict.label, at: this.now() };
    this.state.mediaChecks.push(check);
    const base = {
      ToUserName: this.config.originalId,
      FromUserName: body.openid ?? this.config.originalId,
      CreateTime: 0,
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.config.appid,
      trace_id,
    };
    this.later(this.config.mediaCheckDelayMs, () => {
      base.CreateTime = Math.floor(this.now() / 1000);
      const message = v2
        ? {
            ...base,
            version: 2,
            detail: [{ strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label: verdict.label, prob: verdict.suggest === 'pass' ? 0 : 90 }],
            errcode: 0,
            errmsg: 'ok',
            result: { suggest: verdict.suggest, label: verdict.label },
          }
        : { ...base, isrisky: verdict.suggest === 'risky' ? 1 : 0, extra_info_json: '', status_code: 0 };
      return this.push(message);
    });
    return { errcode: 0, errmsg: 'ok', trace_id };
  }

  phoneNumber(q, body) {
    this.requireToken(q);
    const { code } = body;
    if (typeof code !== 'string' || !code) fail(41008);
    if (this.usedPhoneCodes.has(code)) fail(40029, undefined, 'phone code already used (codes work once)');
    let phoneNumber;
    let countryCode = '86';
    const registered = this.phoneCodes.get(code);
    const conventional = /^phone:(\d{5,15})(?::[^:]*)?$/.exec(code);
    if (registered) {
      if (registered.expiresAt <= this.now()) fail(40029, undefined, 'phone code expired (5 min)');
      this.usedPhoneCodes.add(code);
      if (registered.error !== undefined) fail(registered.error);
      phoneNumber = registered.phoneNumber;
      countryCode = registered.countryCode ?? countryCode;
    } else if (conventional) {
      this.usedPhoneCodes.add(code);
      phoneNumber = conventional[1];
    } else {
      fail(40029, undefined, 'unknown phone code; use phone:<digits>[:<nonce>] or register one');
    }
    this.state.phoneCodes.push({ code, phoneNumber, at: this.now() });
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: countryCode === '86' ? phoneNumber : `+${countryCode}${phoneNumber}`,
        purePhoneNumber: phoneNumber,
        countryCode,
        watermark: { timestamp: Math.floor(this.now() / 1000), appid: this.config.appid },
      },
    };
  }

  // ───────────────────────────── message push ─────────────────────────────

  /** Run fn after ms, tracked so close() can cancel it. */
  later(ms, fn) {
    const t = setTimeout(() => {
      this.timers.delete(t);
      Promise.resolve()
        .then(fn)
        .catch((e) => this.log(`later: ${e.message}`));
    }, ms);
    this.timers.add(t);
  }

  /** The query string and body WeChat would send for this message. */
  buildPush(message) {
    const { pushToken, encodingAESKey, appid } = this.config;
    const timestamp = String(Math.floor(this.now() / 1000));
    const nonce = String(crypto.randomInt(1e9, 1e10));
    const signature = wxcrypto.sha1Signature(pushToken, timestamp, nonce);
    const plain = JSON.stringify(message);
    if (!encodingAESKey) {
      return { query: new URLSearchParams({ signature, timestamp, nonce }), body: plain };
    }
    const Encrypt = wxcrypto.encrypt(encodingAESKey, appid, plain);
    const msg_signature = wxcrypto.sha1Signature(pushToken, timestamp, nonce, Encrypt);
    return {
      query: new URLSearchParams({ signature, timestamp, nonce, encrypt_type: 'aes', msg_signature }),
      body: JSON.stringify({ ToUserName: message.ToUserName, Encrypt }),
    };
  }

  /**
   * POST an event to pushUrl like WeChat's message push; retry (pushRetries times) until
   * the receiver answers 2xx with `success` (or an empty body, which WeChat also accepts).
   * @param {Record<string, unknown>} message the decrypted event
   */
  async push(message) {
    const record = { message, attempts: 0, delivered: false, finished: false, responses: [], error: null };
    this.state.pushes.push(record);
    const { pushUrl } = this.config;
    if (!pushUrl) {
      record.error = 'no pushUrl configured';
    } else {
      const { query, body } = this.buildPush(message);
      const target = new URL(pushUrl);
      for (const [k, v] of query) target.searchParams.set(k, v);
      for (let i = 0; i <= this.config.pushRetries && this.server; i++) {
        if (i > 0) await new Promise((r) => this.later(this.config.pushRetryDelayMs, r));
        if (!this.server) break;
        record.attempts++;
        try {
          const res = await this.post(target, body, this.config.pushTimeoutMs);
          record.responses.push({ status: res.status, body: res.body.slice(0, 200) });
          if (res.status >= 200 && res.status < 300 && ['success', ''].includes(res.body.trim())) {
            record.delivered = true;
            break;
          }
        } catch (e) {
          record.responses.push({ status: 0, body: String(e.message) });
        }
      }
      if (!record.delivered) record.error = 'receiver did not answer success';
    }
    record.finished = true;
    this.log(`push ${message.Event ?? message.MsgType} → ${record.delivered ? 'delivered' : record.error} (${record.attempts} attempts)`);
    this.emit('push', record);
    return record;
  }

  /** @returns {Promise<{ status: number, body: string }>} */
  post(url, body, timeoutMs, method = 'POST') {
    const mod = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = mod.request(
        url,
        { method, headers: method === 'POST' ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}, agent: false },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          res.on('error', reject);
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(method === 'POST' ? body : undefined);
    });
  }

  /** The console's "verify server URL" step: GET pushUrl with signature and echostr. */
  async verifyPushUrl() {
    const { pushUrl, pushToken } = this.config;
    if (!pushUrl) throw new Error('no pushUrl configured');
    const timestamp = String(Math.floor(this.now() / 1000));
    const nonce = String(crypto.randomInt(1e9, 1e10));
    const echostr = `${crypto.randomInt(1e9, 1e10)}${crypto.randomInt(1e9, 1e10)}`;
    const url = new URL(pushUrl);
    url.searchParams.set('signature', wxcrypto.sha1Signature(pushToken, timestamp, nonce));
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('nonce', nonce);
    url.searchParams.set('echostr', echostr);
    const res = await this.post(url, '', this.config.pushTimeoutMs, 'GET');
    return { ok: res.status === 200 && res.body.trim() === echostr, status: res.status, body: res.body.slice(0, 200), echostr };
  }

  // ───────────────────────────── HTTP ─────────────────────────────

  log(line) {
    if (this.config.log) process.stderr.write(`[fake-wechat] ${line}\n`);
  }

  reply(res, status, obj, { error = false, contentType } = {}) {
    const text = JSON.stringify(obj);
    const type = contentType ?? (error && this.config.errorContentType === 'text/plain' ? 'text/plain' : 'application/json; encoding=utf-8');
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  replyError(res, path, err) {
    const errmsg = `${err.errmsg} rid: ${rid()}`;
    this.state.errors.push({ path, errcode: err.errcode, errmsg, reason: err.reason ?? null, at: this.now() });
    if (this.state.errors.length > MAX_ERRORS_KEPT) this.state.errors.shift();
    this.log(`${path} → ${err.errcode} ${errmsg}${err.reason ? ` (${err.reason})` : ''}`);
    this.reply(res, 200, { errcode: err.errcode, errmsg }, { error: true });
  }

  /** The first injected failure for this path, consumed. */
  takeFailure(path) {
    const i = this.failures.findIndex((f) => f.path === path || f.path === '*');
    if (i < 0) return null;
    const rule = this.failures[i];
    if (--rule.times <= 0) this.failures.splice(i, 1);
    return rule;
  }

  async handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    const raw = await readBody(req);
    if (path.startsWith('/__fake/') && this.config.controlApi) return this.handleControl(req.method, path, url.searchParams, raw, res);

    /** @type {Record<string, [string, (q: URLSearchParams, body: any) => any]>} */
    const routes = {
      '/sns/jscode2session': ['GET', (q) => this.jscode2session(q)],
      '/cgi-bin/token': ['GET', (q) => this.classicToken(q)],
      '/cgi-bin/stable_token': ['POST', (q, b) => this.stableToken(b)],
      '/cgi-bin/message/subscribe/send': ['POST', (q, b) => this.subscribeSend(q, b)],
      '/wxa/msg_sec_check': ['POST', (q, b) => this.msgSecCheck(q, b)],
      '/wxa/media_check_async': ['POST', (q, b) => this.mediaCheckAsync(q, b)],
      '/wxa/business/getuserphonenumber': ['POST', (q, b) => this.phoneNumber(q, b)],
    };
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end(`fake-wechat: no such API ${path}`);
    }
    this.state.calls[path] = (this.state.calls[path] || 0) + 1;

    const injected = this.takeFailure(path);
    if (injected) {
      if (injected.delayMs) await new Promise((r) => this.later(injected.delayMs, r));
      if (injected.drop) {
        this.log(`${path} → dropped (injected)`);
        return req.socket.destroy();
      }
      if (injected.httpStatus) {
        this.log(`${path} → HTTP ${injected.httpStatus} (injected)`);
        const text = `<html><body><h1>${injected.httpStatus} ${http.STATUS_CODES[injected.httpStatus] ?? ''}</h1></body></html>`;
        res.writeHead(injected.httpStatus, { 'content-type': 'text/html' });
        return res.end(text);
      }
      if (injected.errcode !== undefined) {
        const err = new WxError(injected.errcode, undefined, 'injected');
        if (injected.errmsg) err.errmsg = injected.errmsg;
        return this.replyError(res, path, err);
      }
    }

    try {
      const [method, handler] = route;
      if (req.method !== method) fail(method === 'GET' ? 43001 : 43002);
      let body = {};
      if (method === 'POST') {
        if (!raw.trim()) fail(44002);
        try {
          body = JSON.parse(raw);
        } catch {
          fail(47001, `hint: [${hex(6)}] invalid JSON`, 'body is not JSON');
        }
        if (!body || typeof body !== 'object' || Array.isArray(body)) fail(47001, undefined, 'body is not a JSON object');
      }
      const out = handler(url.searchParams, body);
      this.log(`${req.method} ${path} → ok`);
      // jscode2session really answers text/plain even on success
      this.reply(res, 200, out, path === '/sns/jscode2session' ? { contentType: 'text/plain' } : {});
    } catch (e) {
      if (e instanceof WxError) return this.replyError(res, path, e);
      throw e;
    }
  }

  async handleControl(method, path, q, raw, res) {
    const send = (obj, status = 200) => this.reply(res, status, obj ?? { ok: true }, { contentType: 'application/json' });
    let body = {};
    try {
      body = raw.trim() ? JSON.parse(raw) : {};
    } catch {
      return send({ error: 'body must be JSON' }, 400);
    }
    const key = `${method} ${path.replace(/\/+$/, '')}`;
    /** @type {Record<string, () => any>} */
    const controls = {
      'GET /__fake/state': () => this.snapshot(),
      'GET /__fake/messages': () => this.messages({ touser: q.get('touser') ?? undefined, template_id: q.get('template_id') ?? undefined }),
      'GET /__fake/pushes': () => this.state.pushes,
      'GET /__fake/openid': () => ({ openid: this.openidFor(q.get('user') ?? '') }),
      'GET /__fake/credits': () => ({ count: this.creditsOf(q.get('openid'), q.get('template_id')) }),
      'POST /__fake/reset': () => (this.resetState({ all: !!body.all }), { ok: true }),
      'POST /__fake/fail': () => (this.fail(body), { ok: true }),
      'POST /__fake/fail/clear': () => (this.clearFailures(), { ok: true }),
      'POST /__fake/token/expire': () => (this.expireToken(), { ok: true }),
      'POST /__fake/token/invalidate': () => (this.invalidateToken(), { ok: true }),
      'POST /__fake/quota': () => (this.setQuota(body), { ok: true, quota: this.quota }),
      'POST /__fake/credits': () => ({ count: this.grantCredits(body.openid, body.templateId ?? body.template_id, body.count ?? 1) }),
      'POST /__fake/credits/deny': () => (this.denyCredits(body.openid, body.templateId ?? body.template_id), { ok: true }),
      'POST /__fake/credits/enforce': () => (this.setEnforceCredits(body.enforce !== false), { ok: true }),
      'POST /__fake/words': () => (this.setWords(body), { ok: true }),
      'POST /__fake/not-visited': () => (this.setNotVisited(body.openid, body.on !== false), { ok: true }),
      'POST /__fake/media-verdict': () => (this.setMediaVerdict(body), { ok: true }),
      'POST /__fake/codes': () => this.registerCode(body.code, body),
      'POST /__fake/phone-codes': () => this.registerPhoneCode(body.code, body),
      'POST /__fake/users': () => ({ openid: this.addUser(body.openid ?? this.openidFor(body.user), body.user) }),
      'POST /__fake/push': () => this.push(body.message ?? body),
      'POST /__fake/push/verify': () => this.verifyPushUrl(),
      'POST /__fake/clock/advance': () => (this.advanceTime(Number(body.seconds) || 0), { ok: true, now: this.now() }),
      'POST /__fake/config': () => (this.configure(body), { ok: true }),
    };
    const control = controls[key];
    if (!control) return send({ error: `no control ${key}` }, 404);
    try {
      send(await control());
    } catch (e) {
      send({ error: e.message }, 400);
    }
  }

  /** @returns {Promise<this>} */
  listen() {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((e) => {
        this.log(`internal error: ${e.stack}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('fake-wechat internal error');
      });
    });
    this.server.keepAliveTimeout = 30_000;
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.config.port, this.config.host, () => {
        const addr = /** @type {import('net').AddressInfo} */ (this.server.address());
        const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
        this.url = `http://${host}:${addr.port}`;
        this.port = addr.port;
        resolve(this);
      });
    });
  }

  /** Stop listening, cancel pending pushes, drop keep-alive connections. */
  async close() {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise((resolve) => {
      server.close(() => resolve(undefined));
      server.closeAllConnections();
    });
  }
}

/** @param {http.IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > 5 * 1024 * 1024) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Start a fake WeChat API server.
 * @param {FakeWechatOptions} [options]
 * @returns {Promise<FakeWechat>}
 */
async function startFakeWechat(options) {
  return new FakeWechat(options).listen();
}

module.exports = { startFakeWechat, FakeWechat, fakeOpenid, ERRMSG };
