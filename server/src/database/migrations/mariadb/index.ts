import { Init1795455695002 } from './1795455695002-Init';
import { AddStatsIndexes1795456465540 } from './1795456465540-AddStatsIndexes';
import { AddUploads1795456521042 } from './1795456521042-AddUploads';
import { AddNotices1795456567138 } from './1795456567138-AddNotices';
import { AddSlaScanner1795456790568 } from './1795456790568-AddSlaScanner';
import { AddPhotoChecks1795457676511 } from './1795457676511-AddPhotoChecks';
import { AddWorkingDayPolicies1795457800558 } from './1795457800558-AddWorkingDayPolicies';
import { AddResidentErasure1795458251003 } from './1795458251003-AddResidentErasure';
import { AddOutboxLease1795465374307 } from './1795465374307-AddOutboxLease';
import { RatingsByCommunityAndQueueByDeadline1795469273525 } from './1795469273525-RatingsByCommunityAndQueueByDeadline';
import { StaffAccessVersion1795482816445 } from './1795482816445-StaffAccessVersion';
import { TimelineVisibility1796615988518 } from './1796615988518-TimelineVisibility';
import { StaffWechatBindings1796616022798 } from './1796616022798-StaffWechatBindings';
import { WecomMessages1796616202613 } from './1796616202613-WecomMessages';
import { FollowUpStaffNotice1796616325335 } from './1796616325335-FollowUpStaffNotice';
import { BoundedTablesAndSharedRateLimits1796616441104 } from './1796616441104-BoundedTablesAndSharedRateLimits';
import { ResidentNoticeKinds1796616618002 } from './1796616618002-ResidentNoticeKinds';
import { Incidents1796616737187 } from './1796616737187-Incidents';
import { RatingTags1796617002026 } from './1796617002026-RatingTags';
import { Announcements1796617558689 } from './1796617558689-Announcements';
import { Hotlines1796617703613 } from './1796617703613-Hotlines';
import { EnquiryType1796618449966 } from './1796618449966-EnquiryType';
import { ReconcileMergedKinds1796620260810 } from './1796620260810-ReconcileMergedKinds';
import { ComplaintDepth1796626822603 } from './1796626822603-ComplaintDepth';
import { PublicLocationsAndFollowers1796627129589 } from './1796627129589-PublicLocationsAndFollowers';
import { ServiceItemSettings1796627526183 } from './1796627526183-ServiceItemSettings';
import { QueueByRunningClock1796627803375 } from './1796627803375-QueueByRunningClock';
import { ComplaintNotices1796630324972 } from './1796630324972-ComplaintNotices';
import { PaidServices1796630551968 } from './1796630551968-PaidServices';
import { ComplaintsBesideFollowers1796631361401 } from './1796631361401-ComplaintsBesideFollowers';
import { PaidServicesBesideComplaintsAndFollowers1796631597253 } from './1796631597253-PaidServicesBesideComplaintsAndFollowers';
import { StatsFromIndexes1796655170702 } from './1796655170702-StatsFromIndexes';

/**
 * Every migration, in order. Generate a new one after changing entities:
 *   npm run migration:generate -w @yizhan/server -- src/database/migrations/mariadb/<WhatChanged>
 * then add it here; test/migrations.e2e-spec.ts fails while entities and migrations disagree.
 */
export const MARIADB_MIGRATIONS: Function[] = [
  Init1795455695002,
  AddStatsIndexes1795456465540,
  AddUploads1795456521042,
  AddNotices1795456567138,
  AddSlaScanner1795456790568,
  AddPhotoChecks1795457676511,
  AddWorkingDayPolicies1795457800558,
  AddResidentErasure1795458251003,
  AddOutboxLease1795465374307,
  RatingsByCommunityAndQueueByDeadline1795469273525,
  StaffAccessVersion1795482816445,
  TimelineVisibility1796615988518,
  StaffWechatBindings1796616022798,
  WecomMessages1796616202613,
  FollowUpStaffNotice1796616325335,
  BoundedTablesAndSharedRateLimits1796616441104,
  ResidentNoticeKinds1796616618002,
  Incidents1796616737187,
  RatingTags1796617002026,
  Announcements1796617558689,
  Hotlines1796617703613,
  EnquiryType1796618449966,
  ReconcileMergedKinds1796620260810,
  ComplaintDepth1796626822603,
  PublicLocationsAndFollowers1796627129589,
  ServiceItemSettings1796627526183,
  QueueByRunningClock1796627803375,
  ComplaintNotices1796630324972,
  PaidServices1796630551968,
  ComplaintsBesideFollowers1796631361401,
  PaidServicesBesideComplaintsAndFollowers1796631597253,
  StatsFromIndexes1796655170702,
];
