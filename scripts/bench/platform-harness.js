'use strict';
/**
 * A tiny Nest app on Express or Fastify with the shape of the submission path: a JSON
 * body checked field by field, then one transaction that inserts the ticket, its
 * timeline event and an outbox row (mysql2 pool), answering 201 with the new ticket.
 * Measure only — the product stays on Express.
 *   node scripts/bench/platform-harness.js <express|fastify> <port> <database>
 */
require('reflect-metadata');
const path = require('node:path');
const serverDir = path.resolve(__dirname, '../../server');
const req = (m) => require(require.resolve(m, { paths: [serverDir, __dirname] }));
const { Module, Controller, Post, Get, Body, HttpCode, BadRequestException } = req('@nestjs/common');
const { NestFactory } = req('@nestjs/core');
const mysql = req('mysql2/promise');

const [platform, port, database] = process.argv.slice(2);
const pool = mysql.createPool({ host: '127.0.0.1', port: 3306, user: 'root', database, connectionLimit: 20, timezone: 'Z' });
let seq = 0;

class TicketsController {
  ping() {
    return { ok: true };
  }
  async create(body) {
    if (!body || typeof body !== 'object') throw new BadRequestException('body');
    const { roomId, category, description, type } = body;
    if (
      !/^\d{1,20}$/.test(String(roomId)) ||
      typeof category !== 'string' ||
      !category ||
      category.length > 30 ||
      typeof description !== 'string' ||
      !description ||
      description.length > 1000 ||
      type !== 'repair'
    ) {
      throw new BadRequestException('invalid');
    }
    const conn = await pool.getConnection();
    try {
      await conn.beginTransaction();
      const now = new Date();
      const [t] = await conn.query(
        `INSERT INTO bench_platform_tickets (no, type, status, category, description, priority, channel, community_id, room_id, respond_by, resolve_by, photo_ids, created_at, updated_at, version)
         VALUES (?, 'repair', 'submitted', ?, ?, 'normal', 'miniapp', 1, ?, ?, ?, '[]', ?, ?, 1)`,
        [`PF${process.pid}-${++seq}`, category, description, roomId, now, now, now, now],
      );
      await conn.query(`INSERT INTO bench_platform_events (ticket_id, at, note) VALUES (?, ?, 'created')`, [t.insertId, now]);
      await conn.query(`INSERT INTO bench_platform_outbox (ticket_id, payload, created_at) VALUES (?, ?, ?)`, [
        t.insertId,
        JSON.stringify({ no: seq, category }),
        now,
      ]);
      await conn.commit();
      return { id: String(t.insertId), status: 'submitted', category, description, createdAt: now.toISOString() };
    } catch (e) {
      await conn.rollback();
      throw e;
    } finally {
      conn.release();
    }
  }
}
const proto = TicketsController.prototype;
Get('ping')(proto, 'ping', Object.getOwnPropertyDescriptor(proto, 'ping'));
Body()(proto, 'create', 0);
HttpCode(201)(proto, 'create', Object.getOwnPropertyDescriptor(proto, 'create'));
Post('tickets')(proto, 'create', Object.getOwnPropertyDescriptor(proto, 'create'));
Controller()(TicketsController);

class AppModule {}
Module({ controllers: [TicketsController] })(AppModule);

async function main() {
  let app;
  if (platform === 'fastify') {
    const { FastifyAdapter } = req('@nestjs/platform-fastify');
    app = await NestFactory.create(AppModule, new FastifyAdapter(), { logger: ['error'] });
  } else {
    app = await NestFactory.create(AppModule, { logger: ['error'] });
  }
  app.setGlobalPrefix('api/v1');
  await app.listen(Number(port), '127.0.0.1');
  process.stdout.write(`ready ${platform} ${port}\n`);
  const stop = async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
