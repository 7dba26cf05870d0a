#!/usr/bin/env node
'use strict';
/**
 * npm run bench [-- --scale small|single|full|xl] [--only a,b] [--skip a,b] [--buffer-pool-mb N] [--reseed] [--label x] [--port 3901] [--lighthouse]
 *
 * --scale single: 200,000 tickets in one community (a company with one large estate).
 * --scale xl: 10,000,000 tickets over 3,000 communities (yizhan_bench_xl); raises the buffer
 *   pool to 8192 MB unless --buffer-pool-mb says otherwise, and measures the staff queue on
 *   the full scale's database too (seeded if missing) for the xl ÷ 1 M ratio.
 * --port: the server's port (the platform harnesses take the next two, the streams' instances
 *   the two after, Lighthouse's server and blank page the two after those, xl's second
 *   server on the 1 M database the one after).
 * --lighthouse (or --only lighthouse): Lighthouse's mobile/desktop profiles on the built
 *   front ends, beside a blank Taro h5 page (scripts/bench/lighthouse.js).
 *
 * Performance at a property company's scale, side by side with the limits (issue #10).
 * Seeds its own database (yizhan_bench, or yizhan_bench_small; BENCH_DB names another,
 * --port another port than 3901 for its server), reused on reruns;
 * starts the compiled server on 127.0.0.1 against it with the fake WeChat in this
 * process; runs each measurement (bounded in count and time); prints the table and
 * writes artifacts/bench/results.json. Measurements: sizes, platform, queue, resident,
 * stats, submission, uploads, outbox, streams, sla.
 * BENCH_SERVER_NODE_ARGS passes flags to the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
 * for a CPU profile of the server under the load. BENCH_DB names the database (default
 * yizhan_bench / yizhan_bench_small), for a seed of one's own.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const { startInProcessApp } = require('./lib/in-process-app');
const { ROOT, parseArgs, table, log, sleep, round, summary } = require('./lib/util');

const ALL = ['sizes', 'platform', 'queue', 'resident', 'stats', 'submission', 'uploads', 'outbox', 'streams', 'sla'];

function ensureBuilt() {
  const need = [path.join(ROOT, 'shared/dist/index.js'), path.join(ROOT, 'server/dist/main.js')];
  if (need.every((f) => fs.existsSync(f))) return;
  log('building shared and server (npm run build -w @yizhan/shared && -w @yizhan/server)');
  execFileSync('npm', ['run', 'build', '-w', '@yizhan/shared'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npm', ['run', 'build', '-w', '@yizhan/server'], { cwd: ROOT, stdio: 'inherit' });
}

async function platformCompare(ctx) {
  const { client, closedLoop } = require('./lib/load');
  const { db } = ctx;
  for (const [t, ddl] of [
    ['bench_platform_tickets', 'LIKE tickets'],
    [
      'bench_platform_events',
      '(id bigint unsigned AUTO_INCREMENT PRIMARY KEY, ticket_id bigint unsigned NOT NULL, at datetime(3) NOT NULL, note varchar(100), KEY (ticket_id, id))',
    ],
    [
      'bench_platform_outbox',
      "(id bigint unsigned AUTO_INCREMENT PRIMARY KEY, ticket_id bigint unsigned NOT NULL, payload text NOT NULL, status enum('pending','delivered') NOT NULL DEFAULT 'pending', created_at datetime(3) NOT NULL, KEY (status, id))",
    ],
  ]) {
    await db.query(`DROP TABLE IF EXISTS ${t}`);
    await db.query(`CREATE TABLE ${t} ${ddl}`);
  }
  const out = {};
  for (const platform of ['express', 'fastify']) {
    const port = platform === 'express' ? ctx.opts.port + 1 : ctx.opts.port + 2;
    const child = spawn(process.execPath, [path.join(__dirname, 'platform-harness.js'), platform, String(port), ctx.dbName], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${platform} harness did not start`)), 30_000);
      child.stdout.on('data', (d) => String(d).includes('ready') && (clearTimeout(timer), resolve()));
      child.on('exit', (code) => reject(new Error(`${platform} harness exited ${code}`)));
    });
    const http = client(`http://127.0.0.1:${port}`);
    try {
      const body = { type: 'repair', roomId: '1', category: '水电', description: '基准测试报修：卫生间水龙头一直滴水，关不紧，麻烦师傅来看一下' };
      await closedLoop({ concurrency: 16, count: 500, durationMs: 5000, send: () => http.request({ method: 'POST', path: '/api/v1/tickets', body }) });
      const post = await closedLoop({
        concurrency: 16,
        count: 200_000,
        durationMs: ctx.opts.short ? 6000 : 10_000,
        send: () => http.request({ method: 'POST', path: '/api/v1/tickets', body }),
      });
      const ping = await closedLoop({ concurrency: 16, count: 500_000, durationMs: 5000, send: () => http.request({ path: '/api/v1/ping' }) });
      out[platform] = {
        post: { throughput: round(post.throughput, 1), ...summary(post.latencies), errors: post.errors },
        ping: { throughput: round(ping.throughput, 1), ...summary(ping.latencies), errors: ping.errors },
      };
      log(`${platform}: POST ${out[platform].post.throughput}/s p99 ${out[platform].post.p99} ms; GET ping ${out[platform].ping.throughput}/s`);
    } finally {
      http.close();
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
    }
  }
  for (const t of ['bench_platform_tickets', 'bench_platform_events', 'bench_platform_outbox']) await db.query(`DROP TABLE IF EXISTS ${t}`);
  const e = out.express;
  const f = out.fastify;
  const info = () => ({ pass: null, unit: 'req/s', target: null, targetText: 'measure only' });
  return [
    {
      id: 'platform.post',
      figure: 'Nest submission-shaped POST: Fastify vs Express (16 concurrent)',
      value: f.post.throughput,
      ...info(),
      baseline: `Express ${e.post.throughput}/s (p99 F ${f.post.p99} / E ${e.post.p99} ms)`,
      ratio: round(f.post.throughput / e.post.throughput, 2),
      details: out,
    },
    {
      id: 'platform.ping',
      figure: 'Nest GET (framework only): Fastify vs Express',
      value: f.ping.throughput,
      ...info(),
      baseline: `Express ${e.ping.throughput}/s`,
      ratio: round(f.ping.throughput / e.ping.throughput, 2),
    },
  ];
}

/**
 * Waits until InnoDB has purged and written out what the reset deleted (the rows of
 * earlier runs): otherwise the purge threads and the page cleaner work through them
 * during the first measurements (seen as a p95 tail on whichever query ran first).
 */
async function quiesce(db) {
  const started = Date.now();
  const status = async () => {
    const [[history]] = await db.query("SELECT `COUNT` AS n FROM information_schema.INNODB_METRICS WHERE NAME = 'trx_rseg_history_len'");
    const [[dirty]] = await db.query("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'");
    return { history: Number(history?.n ?? 0), dirty: Number(dirty?.Value ?? 0) };
  };
  const [[{ pct }]] = await db.query('SELECT @@innodb_max_dirty_pages_pct AS pct');
  await db.query('SET GLOBAL innodb_max_dirty_pages_pct = 0'); // the page cleaner writes everything out
  let left = await status();
  try {
    while ((left.history > 100 || left.dirty > 200) && Date.now() - started < 120_000) {
      await sleep(500);
      left = await status();
    }
  } finally {
    await db.query(`SET GLOBAL innodb_max_dirty_pages_pct = ${Number(pct)}`);
  }
  log(`InnoDB settled in ${((Date.now() - started) / 1000).toFixed(1)} s (purge history ${left.history}, dirty pages ${left.dirty})`);
}

const dbUrlOf = (dbName) => `mysql://root@127.0.0.1:3306/${dbName}`;

function openPool(mysql, dbName) {
  return mysql.createPool({
    host: '127.0.0.1',
    port: 3306,
    user: 'root',
    database: dbName,
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    connectionLimit: 4,
  });
}

/** Undoes what earlier runs added, so every run starts from the same data. */
async function resetToSeed(db, s) {
  for (const sql of [
    `DELETE FROM ticket_events WHERE id > ${s.max_event_id}`,
    `DELETE FROM ticket_ratings WHERE id > ${s.max_rating_id}`,
    `DELETE FROM tickets WHERE id > ${s.max_ticket_id}`,
    `DELETE FROM notices WHERE id > ${s.max_notice_id}`,
    'DELETE FROM outbox_messages',
    'DELETE FROM staff_notices',
    'DELETE FROM idempotency_keys',
    'DELETE FROM audit_logs',
    'DELETE FROM uploads',
    'DELETE FROM subscription_credits',
    'DELETE FROM ticket_sequences',
    // the current shifts (longer than two days) cover the run
    'UPDATE duty_shifts SET start_at = NOW(3) - INTERVAL 1 DAY, end_at = NOW(3) + INTERVAL 90 DAY WHERE end_at > start_at + INTERVAL 2 DAY',
  ])
    await db.query(sql);
}

/**
 * What every measurement is given: the database and its seed, the HTTP client of the running
 * server (http.current), and an in-process app on the same database for the SQL it sends.
 */
function benchContext({ args, mysql, db, dbName, dbUrl, fake, seed, http }) {
  let inProcess = null;
  const measures = require('./lib/measures');
  return {
    // small and single are quick looks; full and xl take the full counts
    opts: { short: !['full', 'xl'].includes(args.scale), port: args.port },
    mysql,
    db,
    dbName,
    dbUrl,
    fake,
    seed,
    scale: { communities: Number(seed.communities), tickets: Number(seed.tickets) },
    tokens: measures.ctxTokens(),
    get http() {
      return http.current;
    },
    server: null,
    /** Waits until the server answers the health check quickly again (after an overload test). */
    async settle() {
      const until = Date.now() + 120_000;
      while (Date.now() < until) {
        const r = await http.current.request({ path: '/api/v1/health', timeoutMs: 5000 });
        if (r.status === 200 && r.ms < 50) return;
        await sleep(500);
      }
    },
    async inProcessApp() {
      inProcess ??= await startInProcessApp({ dbUrl, wechatUrl: fake.url });
      return inProcess;
    },
    async closeApp() {
      if (inProcess) await inProcess.close().catch(() => {});
      inProcess = null;
    },
  };
}

/**
 * xl's "≤ 1.3 × its p95 at 1 M in the same run": a second server (on port) over the smaller
 * scale's database beside the first; the whole staff-queue measure there (its own p95s), then
 * every filter's page 1 asked of both servers in turn by the same workers — on a shared
 * machine two measures a minute apart differ by the load alone — and the ratio of the two
 * worst-filter p95s.
 */
async function queueAgainst({ mine, args, mysql, fake, results, measures, startServer, client, scaleName, seed, port }) {
  const alone = results.find((r) => r.id === 'queue.p95');
  if (!alone?.value) throw new Error('no staff queue p95 at this scale to compare');
  const { SCALES } = require('./lib/seed');
  const dbName = SCALES[scaleName].db;
  const db = openPool(mysql, dbName);
  const http = { current: null };
  let server = null;
  const ctx = benchContext({ args, mysql, db, dbName, dbUrl: dbUrlOf(dbName), fake, seed, http });
  try {
    await resetToSeed(db, seed);
    await quiesce(db);
    server = await startServer({ dbUrl: dbUrlOf(dbName), port, fakeUrl: fake.url, logFile: path.join(ROOT, `artifacts/bench/server-${scaleName}.log`) });
    ctx.server = server;
    http.current = client(server.base);
    const theirs = (await measures.staffQueue(ctx)).find((r) => r.id === 'queue.p95');
    const paired = await measures.queuePaired(mine, ctx, { count: mine.opts.short ? 100 : 300 });
    const worst = (side) => Math.max(...Object.values(paired).map((p) => p[side].p95));
    const ratio = round(worst('a') / worst('b'), 2);
    log(
      `staff queue p95, paired: ${args.scale} ${worst('a')} ms, ${scaleName} ${worst('b')} ms (${ratio}×); measured apart: ${alone.value} ms, ${theirs.value} ms; ` +
        Object.entries(paired)
          .map(([name, p]) => `${name} ${p.a.p95}/${p.b.p95}`)
          .join(', '),
    );
    return [
      { ...theirs, id: `queue.${scaleName}.p95`, figure: `Staff queue p95 on ${dbName} (${seed.tickets} tickets), measured after it` },
      {
        id: `queue.vs_${scaleName}`,
        figure: `Staff queue p95, ${args.scale} ÷ ${scaleName}: both servers asked in turn (worst filter of each)`,
        value: ratio,
        unit: '×',
        target: 1.3,
        targetText: '≤ 1.3×',
        baseline: `${worst('a')} ms ÷ ${worst('b')} ms (measured apart: ${alone.value} ÷ ${theirs.value} ms)`,
        ratio,
        pass: ratio <= 1.3,
        details: paired,
      },
      ...Object.entries(paired).map(([name, p]) => ({
        id: `queue.vs_${scaleName}.${name}`,
        figure: `  ${name}: ${args.scale} p95 ÷ ${scaleName} p95, asked in turn`,
        value: round(p.a.p95 / p.b.p95, 2),
        unit: '×',
        target: null,
        targetText: 'measure only',
        baseline: `${p.a.p95} ms ÷ ${p.b.p95} ms`,
        ratio: null,
        pass: null,
      })),
    ];
  } finally {
    http.current?.close();
    if (server) await server.stop();
    await ctx.closeApp();
    await db.end();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(fs.readFileSync(__filename, 'utf8').split('*/')[0].replace('#!/usr/bin/env node\n', '') + '*/\n');
    return;
  }
  const selected = ALL.filter((m) => (!args.only || args.only.includes(m)) && !args.skip.includes(m));
  // Lighthouse (what a phone feels) needs the built front ends and a few minutes: asked for by name or --lighthouse.
  if ((args.lighthouse || args.only?.includes('lighthouse')) && !args.skip.includes('lighthouse')) selected.push('lighthouse');
  const started = Date.now();
  ensureBuilt();
  const mysql = require(require.resolve('mysql2/promise', { paths: [path.join(ROOT, 'server')] }));
  const { ensureSeed, ROOMS, SCALES } = require('./lib/seed');
  const measures = require('./lib/measures');
  const { startServer } = require('./lib/server');
  const { client } = require('./lib/load');
  const sizes = require('./lib/sizes');

  // BENCH_DB: a database of one's own, when others run the bench on the same machine (--port for the server's port).
  const scale = SCALES[args.scale];
  const dbName = process.env.BENCH_DB || scale.db;
  const dbUrl = dbUrlOf(dbName);
  const admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
  const [[vars]] = await admin.query('SELECT @@innodb_buffer_pool_size AS bp, @@version AS version, @@innodb_flush_log_at_trx_commit AS flush');
  // xl's hot pages (3,000 communities' queues, and the 1 M database beside them) do not fit the default pool.
  const wantPoolMb = args.bufferPoolMb > 0 ? args.bufferPoolMb : (scale.bufferPoolMb ?? 0);
  if (wantPoolMb > 0 && Number(vars.bp) < wantPoolMb * 1048576) {
    log(
      `raising innodb_buffer_pool_size ${Number(vars.bp) / 1048576} → ${wantPoolMb} MB (${args.bufferPoolMb > 0 ? '--buffer-pool-mb' : `scale ${args.scale}'s default`})`,
    );
    await admin.query(`SET GLOBAL innodb_buffer_pool_size = ${wantPoolMb * 1048576}`);
    await sleep(2000);
  }
  const [[vars2]] = await admin.query('SELECT @@innodb_buffer_pool_size AS bp');
  await admin.end();
  const bufferPoolMb = Number(vars2.bp) / 1048576;
  if (bufferPoolMb < 1024) log(`note: innodb_buffer_pool_size is ${bufferPoolMb} MB; at full scale the tickets table does not fit (see --buffer-pool-mb)`);

  const results = [];
  let seedInfo = null;
  const needsDb = selected.some((m) => m !== 'sizes' && m !== 'lighthouse');
  let server = null;
  let fake = null;
  let ctx = null;
  let db = null;
  const http = { current: null };
  try {
    if (selected.includes('sizes')) {
      const w = sizes.weappMainKb();
      const h = sizes.h5FirstPageGzipKb();
      results.push({
        id: 'size.weapp_main',
        figure: 'Mini-program main package',
        value: w.kb ?? null,
        unit: 'KB',
        target: 600,
        targetText: '≤ 600 KB',
        baseline: w.error ?? 'scripts/miniapp-size.js',
        ratio: w.kb ? round(w.kb / 600, 2) : null,
        pass: w.kb ? w.kb <= 600 : false,
      });
      results.push({
        id: 'size.h5_first_page',
        figure: `h5 first page JS (${h.firstPage ?? '?'}), gzip`,
        value: h.kb ?? null,
        unit: 'KB',
        target: 300,
        targetText: '≤ 300 KB gzip',
        baseline: h.error ?? `${(h.parts || []).length} files`,
        ratio: h.kb ? round(h.kb / 300, 2) : null,
        pass: h.kb ? h.kb <= 300 : false,
        details: h.parts,
      });
    }
    if (selected.includes('lighthouse')) {
      log('— lighthouse');
      try {
        results.push(...(await require('./lighthouse').lighthouseRows({ opts: { port: args.port } })));
      } catch (e) {
        log(`lighthouse failed: ${e.stack || e.message}`);
        results.push({
          id: 'lighthouse.error',
          figure: 'lighthouse: failed',
          value: null,
          target: null,
          targetText: '',
          baseline: String(e.message).slice(0, 120),
          ratio: null,
          pass: false,
        });
      }
    }
    if (!needsDb) return;
    const seeded = await ensureSeed({ mysql, dbUrl, dbName, scaleName: args.scale, reseed: args.reseed });
    seedInfo = { ...seeded.seed, reused: seeded.reused };
    results.push({
      id: 'seed.seconds',
      figure: `Seeding time (${seeded.seed.tickets} tickets, ${seeded.seed.communities} communities${seeded.reused ? ', by an earlier run' : ''})`,
      value: seeded.seed.seed_seconds,
      unit: 's',
      pass: null,
      target: null,
      targetText: 'measure only',
      baseline: `seeded ${seeded.seed.seeded_at.toISOString().slice(0, 16)}Z`,
      ratio: null,
    });
    // The database the staff queue is compared with (xl ÷ 1 M), seeded now rather than between measurements.
    const other = scale.compareWith && selected.includes('queue') ? SCALES[scale.compareWith] : null;
    const compareSeed = other
      ? (await ensureSeed({ mysql, dbUrl: dbUrlOf(other.db), dbName: other.db, scaleName: scale.compareWith, reseed: false })).seed
      : null;
    db = openPool(mysql, dbName);
    await resetToSeed(db, seeded.seed);
    await quiesce(db);
    fs.rmSync('/tmp/yizhan-bench-files', { recursive: true, force: true });

    const { startFakeWechat } = require('@yizhan/fake-wechat');
    fake = await startFakeWechat({ port: 0, host: '127.0.0.1', appid: 'wxbench', secret: 'wxbenchsecret', inferTemplates: true, log: false });
    for (let id = 1; id <= Number(seeded.seed.communities) * ROOMS; id++) fake.addUser(`obench${id}`);
    fake.setMaxListeners(50);

    ctx = benchContext({ args, mysql, db, dbName, dbUrl, fake, seed: seeded.seed, http });
    const run = async (name, fn) => {
      if (!selected.includes(name)) return;
      log(`— ${name}`);
      const t = Date.now();
      try {
        results.push(...(await fn(ctx)));
      } catch (e) {
        log(`${name} failed: ${e.stack || e.message}`);
        results.push({
          id: `${name}.error`,
          figure: `${name}: failed`,
          value: null,
          target: null,
          targetText: '',
          baseline: String(e.message).slice(0, 120),
          ratio: null,
          pass: false,
        });
      }
      log(`${name} took ${Math.round((Date.now() - t) / 1000)} s`);
    };

    await run('platform', platformCompare);
    if (selected.some((m) => ['queue', 'resident', 'stats', 'submission', 'uploads', 'outbox'].includes(m))) {
      fs.mkdirSync(path.join(ROOT, 'artifacts/bench'), { recursive: true });
      server = await startServer({ dbUrl, port: args.port, fakeUrl: fake.url, logFile: path.join(ROOT, 'artifacts/bench/server.log') });
      ctx.server = server;
      http.current = client(server.base);
      await run('queue', measures.staffQueue);
      if (compareSeed)
        await run('queue', (mine) =>
          queueAgainst({
            mine,
            args,
            mysql,
            fake,
            results,
            measures,
            startServer,
            client,
            scaleName: scale.compareWith,
            seed: compareSeed,
            port: args.port + 7,
          }),
        );
      await run('resident', measures.myRequests);
      await run('stats', measures.stats);
      await run('submission', measures.submission);
      await run('uploads', measures.uploads);
      await run('outbox', measures.outbox);
      http.current.close();
      await server.stop();
      server = null;
    }
    await run('streams', measures.streams);
    await run('sla', measures.slaScanner);
  } finally {
    if (server) await server.stop();
    if (ctx) await ctx.closeApp();
    if (fake) await fake.close();
    if (db) await db.end();
    fs.rmSync('/tmp/yizhan-bench-files', { recursive: true, force: true });
    const rows = results.map((r) => ({
      figure: r.figure,
      value: r.value === null || r.value === undefined ? '—' : `${r.value} ${r.unit ?? 'ms'}`,
      target: r.targetText,
      baseline: r.baseline ?? '',
      ratio: r.ratio ?? '',
      result: r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL',
    }));
    const out = {
      scale: args.scale,
      label: args.label ?? null,
      at: new Date().toISOString(),
      durationSec: Math.round((Date.now() - started) / 1000),
      machine: {
        cpus: require('node:os').cpus().length,
        memGb: Math.round(require('node:os').totalmem() / 2 ** 30),
        node: process.version,
        mariadb: vars.version,
        innodbBufferPoolMb: bufferPoolMb,
        flushLogAtTrxCommit: Number(vars.flush),
      },
      seed: seedInfo,
      results,
    };
    fs.mkdirSync(path.join(ROOT, 'artifacts/bench'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'artifacts/bench/results.json'), JSON.stringify(out, null, 2));
    fs.writeFileSync(path.join(ROOT, `artifacts/bench/results-${args.scale}${args.label ? `-${args.label}` : ''}.json`), JSON.stringify(out, null, 2));
    process.stdout.write(
      `\nYizhan bench — scale ${args.scale}${seedInfo ? ` (${seedInfo.tickets} tickets, ${seedInfo.communities} communities, seeded in ${seedInfo.seed_seconds} s)` : ''}, ${out.durationSec} s\n`,
    );
    process.stdout.write(table(rows, ['figure', 'value', 'target', 'baseline', 'ratio', 'result']) + '\n');
    process.stdout.write(`\nwritten: artifacts/bench/results.json\n`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
