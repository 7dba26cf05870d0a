#!/usr/bin/env node
'use strict';
/**
 * Run the fake WeChat API server as a process:
 *   node scripts/fake-wechat/cli.js [--port 4100] [--push-url URL] [--push-token T]
 *     [--encoding-aes-key K] [--appid wxfake] [--secret fakesecret]
 *     [--templates JSON|@file.json] [--enforce-credits] [--media-check-delay-ms 200] [--quiet]
 * Every flag has an env alternative: --push-url ↔ FAKE_WECHAT_PUSH_URL, and so on.
 * Prints one line with its URL on stdout; request logs go to stderr.
 */
const fs = require('node:fs');
const util = require('node:util');
const { startFakeWechat } = require('.');

const FLAGS = {
  port: 'number',
  host: 'string',
  appid: 'string',
  secret: 'string',
  templates: 'templates',
  'infer-templates': 'boolean',
  'token-ttl-sec': 'number',
  'classic-grace-sec': 'number',
  'push-url': 'string',
  'push-token': 'string',
  'encoding-aes-key': 'string',
  'original-id': 'string',
  'media-check-delay-ms': 'number',
  'push-retries': 'number',
  'push-retry-delay-ms': 'number',
  'push-timeout-ms': 'number',
  'enforce-credits': 'boolean',
  'error-content-type': 'string',
  unionid: 'boolean',
  quiet: 'boolean',
};
const camel = (s) => s.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const envName = (s) => 'FAKE_WECHAT_' + s.toUpperCase().replace(/-/g, '_');

function convert(flag, type, value) {
  if (type === 'number') {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new Error(`--${flag} needs a number, got ${value}`);
    return n;
  }
  if (type === 'boolean') return !['0', 'false', 'no', ''].includes(String(value).toLowerCase());
  if (type === 'templates') {
    const text = String(value).startsWith('@') ? fs.readFileSync(String(value).slice(1), 'utf8') : String(value);
    return JSON.parse(text);
  }
  return String(value);
}

function parse(argv, env) {
  /** @type {Record<string, unknown>} */
  const raw = {};
  for (const flag of Object.keys(FLAGS)) if (env[envName(flag)] !== undefined) raw[flag] = env[envName(flag)];
  // Booleans also take --no-<flag> (spelled out: parseArgs' allowNegative needs Node 20.16); every other flag takes a value.
  const spec = { help: { type: 'boolean' } };
  for (const [flag, type] of Object.entries(FLAGS)) {
    spec[flag] = { type: type === 'boolean' ? 'boolean' : 'string' };
    if (type === 'boolean') spec[`no-${flag}`] = { type: 'boolean' };
  }
  let values;
  try {
    ({ values } = util.parseArgs({ args: argv, options: spec }));
  } catch (e) {
    // The messages this CLI has always printed, e.g. "unknown flag --bogus".
    const unknown = e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && /'(--[^']+)'/.exec(e.message);
    throw unknown ? new Error(`unknown flag ${unknown[1]}`) : e;
  }
  if (values.help) {
    process.stdout.write(fs.readFileSync(__filename, 'utf8').split('*/')[0] + '*/\n');
    process.exit(0);
  }
  for (const flag of Object.keys(FLAGS)) {
    if (values[flag] !== undefined) raw[flag] = String(values[flag]);
    if (values[`no-${flag}`]) raw[flag] = 'false';
  }
  const options = { port: 4100, log: true };
  for (const [flag, value] of Object.entries(raw)) options[camel(flag)] = convert(flag, FLAGS[flag], value);
  if (options.quiet) options.log = false;
  delete options.quiet;
  // With no template list the fake cannot know your console's templates: type keywords by name.
  if (!options.templates && options.inferTemplates === undefined) options.inferTemplates = true;
  return options;
}

async function main() {
  let options;
  try {
    options = parse(process.argv.slice(2), process.env);
  } catch (e) {
    process.stderr.write(`fake-wechat: ${e.message} (see --help)\n`);
    process.exit(2);
  }
  const fake = await startFakeWechat(options);
  process.stdout.write(`fake-wechat listening on ${fake.url} (appid ${fake.config.appid})\n`);
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await fake.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  process.stderr.write(`fake-wechat: ${e.stack ?? e}\n`);
  process.exit(1);
});
