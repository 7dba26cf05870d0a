import { Init1795465583783 } from './1795465583783-Init';
import { RatingsByCommunityAndQueueByDeadline1795469275197 } from './1795469275197-RatingsByCommunityAndQueueByDeadline';
import { StaffAccessVersion1795482817925 } from './1795482817925-StaffAccessVersion';
import { ServiceDeskRound1796620297016 } from './1796620297016-ServiceDeskRound';
import { RoundSeven1796631595161 } from './1796631595161-RoundSeven';
import { StatsFromIndexes1796655172519 } from './1796655172519-StatsFromIndexes';

/**
 * The embedded database's migrations, in order — a set of its own, since SQLite's DDL
 * differs from MariaDB's. After changing entities, generate one for each database:
 *   DATABASE_URL=sqlite:/tmp/gen.sqlite npm run migration:generate -w @yizhan/server -- src/database/migrations/sqlite/<WhatChanged>
 * (after running the existing ones on that file) and add it here; test/migrations.e2e-spec.ts,
 * run with DB=sqlite, fails while entities and migrations disagree.
 */
export const SQLITE_MIGRATIONS: Function[] = [
  Init1795465583783,
  RatingsByCommunityAndQueueByDeadline1795469275197,
  StaffAccessVersion1795482817925,
  ServiceDeskRound1796620297016,
  RoundSeven1796631595161,
  StatsFromIndexes1796655172519,
];
