#!/usr/bin/env node
'use strict';
/**
 * Where the time of one submission goes: runs TicketIntake.create in-process against
 * the small bench database and prints every SQL statement with its duration.
 *   node scripts/bench/profile-create.js [database]   (default yizhan_bench_small; seed it with npm run bench -- --scale small first)
 */
require('reflect-metadata');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { ROOT } = require('./lib/util');
const { captureQueries } = require('./lib/capture-sql');
const { startInProcessApp } = require('./lib/in-process-app');

async function main() {
  const db = process.argv[2] || 'yizhan_bench_small';
  const { startFakeWechat } = require('@yizhan/fake-wechat');
  const fake = await startFakeWechat({ port: 0, appid: 'wxbench', secret: 'wxbenchsecret', inferTemplates: true, log: false });
  const { TicketIntake } = require(path.join(ROOT, 'server/dist/modules/tickets/ticket-intake.service.js'));
  const { DataSource } = require('typeorm');
  const app = await startInProcessApp({ dbUrl: `mysql://root@127.0.0.1:3306/${db}`, wechatUrl: fake.url });
  const ds = app.get(DataSource);
  const { log } = captureQueries(ds);
  const tickets = app.get(TicketIntake);
  const room = 7; // resident 7 is bound to room 7
  fake.addUser('obench7');
  const auth = { kind: 'resident', residentId: String(room), openid: `obench${room}` };
  for (let round = 0; round < 4; round++) {
    log.length = 0;
    const t = performance.now();
    await tickets.create(
      auth,
      { ip: '127.0.0.1', userAgent: 'bench' },
      { type: 'repair', roomId: String(room), category: '水电', description: '基准测试：水龙头滴水', contactPhone: '13812341234' },
      `prof-${Date.now()}-${round}`,
    );
    const total = performance.now() - t;
    if (round === 3) {
      for (const l of log) console.log(`${l.ms.toFixed(2).padStart(7)} ms  ${l.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      console.log(`${log.length} statements, ${log.reduce((a, l) => a + l.ms, 0).toFixed(1)} ms in SQL, ${total.toFixed(1)} ms in all`);
    }
  }
  await app.close();
  await fake.close();
}
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
