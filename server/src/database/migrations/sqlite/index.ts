import { Init1795465583783 } from './1795465583783-Init';
import { RatingsByCommunityAndQueueByDeadline1795469275197 } from './1795469275197-RatingsByCommunityAndQueueByDeadline';
import { StaffAccessVersion1795482817925 } from './1795482817925-StaffAccessVersion';
import { TimelineVisibility1796615990160 } from './1796615990160-TimelineVisibility';
import { StaffWechatBindings1796616024745 } from './1796616024745-StaffWechatBindings';
import { WecomMessages1796616204836 } from './1796616204836-WecomMessages';
import { FollowUpStaffNotice1796616332083 } from './1796616332083-FollowUpStaffNotice';
import { BoundedTablesAndSharedRateLimits1796616405044 } from './1796616405044-BoundedTablesAndSharedRateLimits';
import { ResidentNoticeKinds1796616623280 } from './1796616623280-ResidentNoticeKinds';
import { Incidents1796616747509 } from './1796616747509-Incidents';
import { RatingTags1796617010593 } from './1796617010593-RatingTags';
import { Announcements1796617563291 } from './1796617563291-Announcements';
import { Hotlines1796617712432 } from './1796617712432-Hotlines';
import { EnquiryType1796618458571 } from './1796618458571-EnquiryType';

/**
 * The embedded database's migrations, in order — a set of its own, since SQLite's DDL
 * differs from MariaDB's. After changing entities, generate one for each database:
 *   DATABASE_URL=sqlite:/tmp/gen.sqlite npm run migration:generate -w @yizhan/server -- src/database/migrations/sqlite/<WhatChanged>
 * (after running the existing ones on that file) and add it here; test/migrations.e2e-spec.ts,
 * run with DB=sqlite, fails while entities and migrations disagree.
 */
export const SQLITE_MIGRATIONS: Function[] = [Init1795465583783, RatingsByCommunityAndQueueByDeadline1795469275197, StaffAccessVersion1795482817925, TimelineVisibility1796615990160, StaffWechatBindings1796616024745, WecomMessages1796616204836, FollowUpStaffNotice1796616332083, BoundedTablesAndSharedRateLimits1796616405044, ResidentNoticeKinds1796616623280, Incidents1796616747509, RatingTags1796617010593, Announcements1796617563291, Hotlines1796617712432, EnquiryType1796618458571];
