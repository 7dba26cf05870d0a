#!/usr/bin/env node
'use strict';
/**
 * Run the fake WeCom API as a process:
 *   node scripts/fake-wecom/cli.js [--port 4200] [--corpid wwfakecorp] [--secret fakesecret] [--agentid 1000002]
 * Env alternatives: FAKE_WECOM_PORT, FAKE_WECOM_CORPID, FAKE_WECOM_SECRET, FAKE_WECOM_AGENTID.
 * Prints one line with its URL and the settings to give the server.
 */
const { startFakeWecom } = require('.');

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : process.env[`FAKE_WECOM_${name.toUpperCase()}`];
};

startFakeWecom({
  port: Number(opt('port') ?? 0),
  corpid: opt('corpid') ?? 'wwfakecorp',
  secret: opt('secret') ?? 'fakesecret',
  agentid: Number(opt('agentid') ?? 1000002),
}).then((fake) => {
  const { corpid, secret, agentid } = fake.config;
  console.log(`fake WeCom at ${fake.url} — WECOM_API_BASE=${fake.url} WECOM_CORP_ID=${corpid} WECOM_AGENT_ID=${agentid} WECOM_SECRET=${secret}`);
  const stop = () => fake.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
