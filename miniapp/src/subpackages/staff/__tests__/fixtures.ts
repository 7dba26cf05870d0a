import type { StaffProfile, StaffRole, TicketDetail, TicketSummary } from '@yizhan/shared';
import { api } from '../../../../test/fake-api';
import { taroTest } from '../../../../test/stubs/taro';
import { STAFF_KEYS } from '../../../api/staff-session';

export const HOUR = 3600_000;

export function profile(roles: StaffRole[], id = 's-tech'): StaffProfile {
  return { id, name: roles.includes('technician') ? '王师傅' : '李客服', roles, communityIds: ['c1'] };
}

/** A staff member already signed in on this phone (a valid token in storage). */
export function signedIn(roles: StaffRole[], id?: string): StaffProfile {
  const staff = profile(roles, id);
  api.tokens.add('staff-token');
  taroTest.storage.set(STAFF_KEYS.session, { token: 'staff-token', staff, expiresAt: Date.now() + HOUR });
  return staff;
}

export function summary(over: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id: '1',
    no: 'BX20261207-0001',
    type: 'repair',
    status: 'dispatched',
    category: '水电',
    description: '厨房水龙头漏水',
    priority: 'normal',
    channel: 'miniapp',
    room: { id: 'room-1', label: 'A1区 1栋 1单元 0101', communityId: 'c1', zoneId: 'z1' },
    location: { kind: 'room', label: 'A1区 1栋 1单元 0101', communityId: 'c1', zoneId: 'z1', roomId: 'room-1', buildingId: 'b1', unit: '1', placeId: null },
    followerCount: 0,
    owner: { id: 's-agent', name: '李客服' },
    assignee: { id: 's-tech', name: '王师傅' },
    deadlines: { respondBy: null, onsiteBy: null, resolveBy: new Date(Date.now() + 5 * HOUR).toISOString(), confirmBy: null, revisitBy: null },
    overdue: [],
    onHold: false,
    appointmentAt: null,
    clock: null,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    ...over,
  };
}

export function detail(over: Partial<TicketDetail> = {}): TicketDetail {
  return {
    ...summary(),
    contactPhoneMasked: '138****1234',
    photos: [],
    events: [{ type: 'created', at: new Date().toISOString(), actor: { kind: 'resident', id: 'r1', name: '业主' }, note: null, photos: [] }],
    rating: null,
    reopenCount: 0,
    serviceItem: null,
    slotStart: null,
    slotEnd: null,
    changeableUntil: null,
    fee: null,
    quotePending: false,
    dueFen: 0,
    residentId: 'r1',
    flagged: false,
    runningClocks: [],
    following: false,
    followers: [],
    reporterRoom: null,
    mergedInto: null,
    complaint: null,
    ...over,
  };
}
