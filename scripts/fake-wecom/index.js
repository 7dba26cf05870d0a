'use strict';
/**
 * A fake of https://qyapi.weixin.qq.com on loopback, for the parts Yizhan uses (see
 * /work/shared/WECOM.md and README.md in this folder): gettoken, message/send and
 * auth/getuserinfo, with failure injection. The server under test only changes
 * WECOM_API_BASE; everything else is the real protocol. Plain CommonJS, Node built-ins.
 */
const http = require('node:http');
const crypto = require('node:crypto');

const ERRMSG = {
  '-1': 'system busy',
  40001: 'invalid secret',
  40003: 'invalid UserID',
  40013: 'invalid corpid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40056: 'invalid agentid',
  41001: 'access_token missing',
  41004: 'corpsecret missing',
  41008: 'missing code',
  42001: 'access_token expired',
  44004: 'empty content',
  45002: 'content size out of limit',
  45009: 'api freq out of limit',
  47001: 'data format error',
  60020: 'not allow to access from your ip',
  81013: 'UserID, PartyID, TagID all invalid or no permission',
  82001: 'All touser & toparty & totag invalid',
};
const MSG_TYPES = ['text', 'textcard', 'markdown', 'news', 'template_card', 'miniprogram_notice'];

class WxError {
  constructor(errcode, detail) {
    this.errcode = errcode;
    this.errmsg = (ERRMSG[errcode] ?? 'error') + (detail ? `, ${detail}` : '');
  }
}
const fail = (errcode, detail) => {
  throw new WxError(errcode, detail);
};
const bytes = (s) => Buffer.byteLength(String(s ?? ''));

/**
 * @typedef {object} FakeWecomOptions
 * @property {number} [port] 0 picks a free port
 * @property {string} [host]
 * @property {string} [corpid]
 * @property {string} [secret] the app's secret
 * @property {number} [agentid]
 * @property {string[] | null} [visible] userids in the app's visible range (null: everyone)
 * @property {number} [tokenTtlSec]
 * @property {number} [perMinute] messages one member gets per minute; the excess is dropped without error, as WeCom does
 * @property {number} [perHour]
 */
const DEFAULTS = {
  port: 0,
  host: '127.0.0.1',
  corpid: 'wwfakecorp',
  secret: 'fakesecret',
  agentid: 1000002,
  visible: null,
  tokenTtlSec: 7200,
  perMinute: 30,
  perHour: 1000,
};

class FakeWecom {
  /** @param {FakeWecomOptions} options */
  constructor(options = {}) {
    this.config = { ...DEFAULTS, ...options };
    this.server = null;
    this.url = '';
    this.reset();
  }

  /** Back to a fresh fake (the visible range is kept unless given). */
  reset() {
    this.tokens = new Map(); // token → { expiresAt }
    this.current = null;
    this.failures = [];
    this.usedCodes = new Set();
    this.visible = this.config.visible ? new Set(this.config.visible) : null;
    this.hidden = new Set();
    this.sentTo = new Map(); // userid → times WeCom accepted a message for them (for the limits)
    this.recent = new Map(); // duplicate check: `${userid} ${content}` → at
    this.clockOffsetMs = 0;
    this.state = { tokenMints: 0, calls: {}, messages: [], dropped: [], duplicates: [], errors: [] };
    return this;
  }

  /** The fake's clock: real time plus what advance() added (tokens and the per-member limits run on it). */
  now() {
    return Date.now() + this.clockOffsetMs;
  }

  // ───────────── controls ─────────────

  /** Move the fake's clock forward (a test that injects the server's clock moves this one too). */
  advance(seconds) {
    this.clockOffsetMs += seconds * 1000;
    return this;
  }

  /**
   * The next `times` calls to `path` ('*' = every business path) fail with `errcode`, an
   * HTTP status (`httpStatus`), a dropped connection (`drop`) or only a delay (`delayMs`).
   * times -1 = until cleared.
   */
  fail(rule) {
    if (!rule || typeof rule.path !== 'string') throw new Error('fail: path required');
    const times = rule.times === undefined ? 1 : rule.times === -1 || rule.times === null ? Infinity : Number(rule.times);
    this.failures.push({ ...rule, times });
    return this;
  }
  clearFailures() {
    this.failures = [];
    return this;
  }
  /** The current token answers 42001 from now on; the next gettoken mints a new one. */
  expireToken() {
    const rec = this.current && this.tokens.get(this.current);
    if (rec) rec.expiresAt = this.now();
    return this;
  }
  /** Limit the app's visible range (null: everyone); members outside it are not reached. */
  setVisible(userids) {
    this.visible = userids ? new Set(userids) : null;
    return this;
  }
  /** This member leaves the visible range (or the corp): messages to them answer 81013 / invaliduser. */
  hide(userid) {
    this.hidden.add(userid);
    return this;
  }
  show(userid) {
    this.hidden.delete(userid);
    return this;
  }
  /** Messages WeCom took (not dropped), optionally for one member. */
  messages(filter = {}) {
    return this.state.messages.filter((m) => !filter.touser || m.touser === filter.touser);
  }

  snapshot() {
    return {
      url: this.url,
      corpid: this.config.corpid,
      agentid: this.config.agentid,
      tokenMints: this.state.tokenMints,
      calls: this.state.calls,
      messageCount: this.state.messages.length,
      dropped: this.state.dropped,
      duplicates: this.state.duplicates,
      errors: this.state.errors,
      visible: this.visible ? [...this.visible] : null,
      hidden: [...this.hidden],
      failures: this.failures.map((f) => ({ ...f, times: f.times === Infinity ? -1 : f.times })),
    };
  }

  // ───────────── protocol ─────────────

  mintToken() {
    const token = b64(crypto.randomBytes(48));
    this.tokens.set(token, { expiresAt: this.now() + this.config.tokenTtlSec * 1000 });
    this.current = token;
    this.state.tokenMints++;
    return token;
  }

  gettoken(q) {
    if (!q.get('corpid') || q.get('corpid') !== this.config.corpid) fail(40013);
    if (!q.get('corpsecret')) fail(41004);
    if (q.get('corpsecret') !== this.config.secret) fail(40001);
    // Within its validity a repeated call returns the same token (WECOM.md).
    const rec = this.current && this.tokens.get(this.current);
    const token = rec && rec.expiresAt > this.now() ? this.current : this.mintToken();
    return { errcode: 0, errmsg: 'ok', access_token: token, expires_in: Math.ceil((this.tokens.get(token).expiresAt - this.now()) / 1000) };
  }

  requireToken(q) {
    const token = q.get('access_token');
    if (!token) fail(41001);
    const rec = this.tokens.get(token);
    if (!rec) fail(40014);
    if (rec.expiresAt <= this.now()) fail(42001);
  }

  send(q, body) {
    this.requireToken(q);
    if (!body || typeof body !== 'object') fail(47001);
    if (Number(body.agentid) !== this.config.agentid) fail(40056);
    if (!MSG_TYPES.includes(body.msgtype)) fail(47001, `unknown msgtype ${body.msgtype}`);
    const content = body[body.msgtype];
    if (!content || typeof content !== 'object') fail(44004);
    if (body.msgtype === 'textcard') {
      for (const k of ['title', 'description', 'url']) if (!content[k]) fail(44004, `textcard.${k} missing`);
      if (bytes(content.title) > 128) fail(45002, 'textcard.title over 128 bytes');
      if (bytes(content.description) > 512) fail(45002, 'textcard.description over 512 bytes');
      if (content.btntxt && [...content.btntxt].length > 4) fail(45002, 'textcard.btntxt over 4 chars');
      if (!/^https?:\/\//.test(content.url)) fail(47001, 'textcard.url must be http(s)');
    }
    if (body.msgtype === 'miniprogram_notice') {
      for (const k of ['appid', 'title']) if (!content[k]) fail(44004, `miniprogram_notice.${k} missing`);
      const chars = (v) => [...String(v ?? '')].length;
      for (const k of ['title', 'description']) {
        if (content[k] !== undefined && (chars(content[k]) < 4 || chars(content[k]) > 12)) fail(45002, `miniprogram_notice.${k} must be 4-12 characters`);
      }
      for (const item of content.content_item ?? []) {
        if (chars(item.key) > 10 || chars(item.value) > 30) fail(45002, 'miniprogram_notice.content_item key ≤ 10, value ≤ 30 characters');
      }
    }
    const users = String(body.touser ?? '')
      .split('|')
      .filter(Boolean);
    if (!users.length && !body.toparty && !body.totag) fail(82001);
    const reached = [];
    const invalid = [];
    for (const u of users) ((this.visible && !this.visible.has(u)) || this.hidden.has(u) ? invalid : reached).push(u);
    if (!reached.length) fail(81013);
    const msgid = b64(crypto.randomBytes(24));
    const now = this.now();
    for (const touser of reached) {
      const key = `${touser} ${body.msgtype} ${JSON.stringify(content)}`;
      const interval = (Number(body.duplicate_check_interval) || 1800) * 1000;
      if (body.enable_duplicate_check && (this.recent.get(key) ?? -Infinity) > now - interval) {
        this.state.duplicates.push({ touser, msgtype: body.msgtype, at: now });
        continue;
      }
      this.recent.set(key, now);
      // WeCom's limits to one member: the excess is dropped with no error at all.
      const times = (this.sentTo.get(touser) ?? []).filter((t) => t > now - 3600_000);
      if (times.filter((t) => t > now - 60_000).length >= this.config.perMinute || times.length >= this.config.perHour) {
        this.state.dropped.push({ touser, msgtype: body.msgtype, content, at: now });
        continue;
      }
      times.push(now);
      this.sentTo.set(touser, times);
      this.state.messages.push({ msgid, touser, agentid: body.agentid, msgtype: body.msgtype, [body.msgtype]: content, at: now });
    }
    return { errcode: 0, errmsg: 'ok', invaliduser: invalid.join('|'), invalidparty: '', invalidtag: '', unlicenseduser: '', msgid };
  }

  /** `fake:<userid>` → a member; `fake-openid:<x>` → someone outside the corp (openid only). Once each. */
  getuserinfo(q) {
    this.requireToken(q);
    const code = q.get('code');
    if (!code) fail(41008);
    if (this.usedCodes.has(code)) fail(40029, 'code has been used');
    const member = /^fake:([A-Za-z0-9_.@-]{1,64})(?::[^:]*)?$/.exec(code);
    const outsider = /^fake-openid:([^:]+)/.exec(code);
    if (!member && !outsider) fail(40029);
    this.usedCodes.add(code);
    if (outsider) return { errcode: 0, errmsg: 'ok', openid: `o${outsider[1]}`, external_userid: '' };
    return { errcode: 0, errmsg: 'ok', userid: member[1], user_ticket: b64(crypto.randomBytes(16)), expires_in: 1800 };
  }

  // ───────────── HTTP ─────────────

  async handle(req, res) {
    const url = new URL(req.url, 'http://x');
    const path = url.pathname;
    const raw = await readBody(req);
    const reply = (status, body, type = 'application/json; charset=UTF-8') => {
      if (res.writableEnded) return;
      res.writeHead(status, { 'content-type': type });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (path.startsWith('/__fake/')) return this.control(req.method, path, url.searchParams, raw, reply);
    const routes = {
      'GET /cgi-bin/gettoken': () => this.gettoken(url.searchParams),
      'POST /cgi-bin/message/send': () => this.send(url.searchParams, parseJson(raw)),
      'GET /cgi-bin/auth/getuserinfo': () => this.getuserinfo(url.searchParams),
    };
    const route = routes[`${req.method} ${path}`];
    if (!route) return reply(404, { errcode: 404, errmsg: `no such path ${req.method} ${path}` });
    this.state.calls[path] = (this.state.calls[path] ?? 0) + 1;
    const rule = this.failures.find((f) => (f.path === '*' && path !== '/cgi-bin/gettoken') || f.path === path);
    if (rule) {
      rule.times--;
      if (rule.times <= 0) this.failures.splice(this.failures.indexOf(rule), 1);
      if (rule.delayMs) await new Promise((r) => setTimeout(r, rule.delayMs));
      if (rule.drop) return req.socket.destroy();
      if (rule.httpStatus) return reply(rule.httpStatus, '<html>busy</html>', 'text/html');
      if (rule.errcode !== undefined) return this.error(reply, new WxError(rule.errcode, rule.errmsg));
    }
    try {
      reply(200, route());
    } catch (e) {
      if (e instanceof WxError) return this.error(reply, e);
      reply(500, String(e && e.stack));
    }
  }

  /** As WeCom writes errors: HTTP 200, errmsg with a hint and a link to the error-code page. */
  error(reply, e) {
    const errmsg = `${e.errmsg}, hint: [${Math.floor(this.now() / 1000)}_${crypto.randomBytes(4).toString('hex')}], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=${e.errcode}`;
    this.state.errors.push({ errcode: e.errcode, errmsg });
    if (this.state.errors.length > 1000) this.state.errors.shift();
    reply(200, { errcode: e.errcode, errmsg });
  }

  async control(method, path, q, raw, reply) {
    let body = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return reply(400, { error: 'bad JSON' });
    }
    const controls = {
      'GET /__fake/state': () => this.snapshot(),
      'GET /__fake/messages': () => this.messages({ touser: q.get('touser') ?? undefined }),
      'POST /__fake/reset': () => (this.reset(), { ok: true }),
      'POST /__fake/fail': () => (this.fail(body), { ok: true }),
      'POST /__fake/fail/clear': () => (this.clearFailures(), { ok: true }),
      'POST /__fake/token/expire': () => (this.expireToken(), { ok: true }),
      'POST /__fake/visible': () => (this.setVisible(body.userids ?? null), { ok: true }),
      'POST /__fake/clock/advance': () => (this.advance(Number(body.seconds) || 0), { ok: true, now: this.now() }),
      'POST /__fake/hide': () => (this.hide(body.userid), { ok: true }),
      'POST /__fake/show': () => (this.show(body.userid), { ok: true }),
    };
    const control = controls[`${method} ${path}`];
    if (!control) return reply(404, { error: `no control ${method} ${path}` });
    try {
      reply(200, control());
    } catch (e) {
      reply(400, { error: e.message });
    }
  }

  listen() {
    return new Promise((resolve, reject) => {
      this.server = http.createServer((req, res) => {
        this.handle(req, res).catch((e) => {
          if (!res.headersSent) res.writeHead(500);
          res.end(String(e));
        });
      });
      this.server.on('error', reject);
      this.server.listen(this.config.port, this.config.host, () => {
        const { port } = this.server.address();
        this.url = `http://${this.config.host}:${port}`;
        resolve(this);
      });
    });
  }

  async close() {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise((resolve) => {
      server.close(() => resolve(undefined));
      server.closeAllConnections();
    });
  }
}

const b64 = (buf) => buf.toString('base64url');

function parseJson(raw) {
  if (!raw) fail(44004, 'empty post data');
  try {
    return JSON.parse(raw);
  } catch {
    fail(47001);
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** @param {FakeWecomOptions} [options] */
function startFakeWecom(options) {
  return new FakeWecom(options).listen();
}

module.exports = { FakeWecom, startFakeWecom, ERRMSG };
