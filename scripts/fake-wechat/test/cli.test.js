'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const path = require('node:path');
const { once } = require('node:events');

test('cli: prints its URL, serves, and exits cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'cli.js'), '--port', '0', '--quiet', '--templates', '{"tpl":{"thing1":"thing"}}'], {
    env: { ...process.env, FAKE_WECHAT_APPID: 'wxcli', FAKE_WECHAT_SECRET: 'clisecret' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += c;
      const m = /(http:\/\/\S+)/.exec(out);
      if (m && out.includes('\n')) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });
  assert.equal(out.trim().split('\n').length, 1);
  const r = await fetch(`${url}/sns/jscode2session?appid=wxcli&secret=clisecret&js_code=fake:eve&grant_type=authorization_code`);
  assert.match((await r.json()).openid, /^o/);
  const state = await (await fetch(`${url}/__fake/state`)).json();
  assert.deepEqual(Object.keys(state.templates), ['tpl']);
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
});

test('cli: a bad flag exits 2 with a message', async () => {
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'cli.js'), '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  const [code] = await once(child, 'exit');
  assert.equal(code, 2);
  assert.match(err, /unknown flag --bogus/);
});
