'use strict';
/**
 * Records every SQL statement a TypeORM DataSource sends, with its parameters and
 * duration: used to show where a submission's time goes (profile-create.js) and to
 * replay a submission's own statements without the server around them (measures.js).
 */
const { performance } = require('node:perf_hooks');

function captureQueries(dataSource) {
  const log = [];
  const driver = dataSource.driver;
  const original = driver.createQueryRunner;
  driver.createQueryRunner = function (mode) {
    const runner = original.call(driver, mode);
    const query = runner.query.bind(runner);
    runner.query = async (sql, params, ...rest) => {
      const started = performance.now();
      try {
        return await query(sql, params, ...rest);
      } finally {
        log.push({ sql, params: params ? [...params] : [], ms: performance.now() - started });
      }
    };
    return runner;
  };
  return {
    log,
    /** Stops recording (query runners made meanwhile keep recording into `log`). */
    stop() {
      driver.createQueryRunner = original;
      return log.slice();
    },
  };
}

module.exports = { captureQueries };
