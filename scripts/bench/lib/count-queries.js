'use strict';
/**
 * Preloaded into a bench server (node -r): counts the SQL statements the process sends
 * through mysql2, and writes the count to `BENCH_QUERY_COUNT_FILE` whenever the process
 * gets SIGUSR2 — how the streams measurement tells the database queries of a server.
 */
const fs = require('node:fs');
const path = require('node:path');

const file = process.env.BENCH_QUERY_COUNT_FILE;
let count = 0;
const mysql2 = require(require.resolve('mysql2', { paths: [path.join(__dirname, '../../../server')] }));
const Connection = mysql2.Connection.prototype;
for (const name of ['query', 'execute']) {
  const original = Connection[name];
  Connection[name] = function (...args) {
    count++;
    return original.apply(this, args);
  };
}
if (file) process.on('SIGUSR2', () => fs.writeFileSync(file, String(count)));
