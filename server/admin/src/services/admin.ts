import type {
  CreatePlaceRequest,
  LocationOptions,
  Place,
  PlaceImportResult,
  UpdatePlaceRequest,
  AuditLogEntry,
  Building,
  Community,
  CommunitySummary,
  DutyShift,
  HotlineInput,
  HotlineRow,
  Id,
  Page,
  Priority,
  Room,
  RoomBinding,
  RoomBindingStatus,
  RoomImportResult,
  ServiceItem,
  SlaPolicy,
  StaffAccount,
  StaffRole,
  TicketType,
  Zone,
  components,
} from '@yizhan/shared';
import { http, type Query } from './request';

/**
 * Admin resources. Every shape, sent or received, is the server's own (generated from
 * its OpenAPI document into @yizhan/shared): lists are `{items, nextCursor}`.
 */
type Schemas = components['schemas'];
export interface PageArgs {
  cursor?: string | null;
  limit?: number;
}
const paged = (q: Query, page: PageArgs = {}): Query => ({ ...q, cursor: page.cursor ?? undefined, limit: page.limit ?? 20 });

/**
 * Small reference lists (zones, communities, agents): follow the cursor to the end,
 * at most 10 pages. `paged: false` for the lists the server returns whole and whose
 * query takes no limit/cursor (SLA policies, service items).
 */
export async function fetchAll<T>(path: string, query: Query = {}, { paged = true } = {}): Promise<T[]> {
  if (!paged) return (await http.get<Page<T>>(path, query)).items;
  const all: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10; i += 1) {
    const page: Page<T> = await http.get<Page<T>>(path, { ...query, limit: 100, cursor: cursor ?? undefined });
    all.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return all;
}

// ---- Communities (public list for pickers; admin CRUD) ----
export const listMyCommunities = () => http.get<Page<CommunitySummary>>('/communities').then((p) => p.items);
/** The binding/intake picker: `{items}` matching `q`, not paged (the server takes no limit). */
export const searchRooms = (communityId: Id, q: string) => http.get<Schemas['RoomOptionList']>(`/communities/${communityId}/rooms`, { q }).then((p) => p.items);

export type CommunityInput = Schemas['CreateCommunityDto'];
export const listCommunities = (page?: PageArgs) => http.get<Page<Community>>('/admin/communities', paged({}, page));
/** There is no GET /admin/communities/:id: find it in the (short) list. */
export const getCommunity = async (id: Id) => (await fetchAll<Community>('/admin/communities')).find((c) => c.id === id) ?? null;
export const createCommunity = (body: CommunityInput) => http.post<Community>('/admin/communities', body);
export const updateCommunity = (id: Id, body: Schemas['UpdateCommunityDto']) => http.patch<Community>(`/admin/communities/${id}`, body);

export type ZoneInput = Schemas['CreateZoneDto'];
export const listZones = (communityId: Id) => fetchAll<Zone>(`/admin/communities/${communityId}/zones`);
export const createZone = (communityId: Id, body: ZoneInput) => http.post<Zone>(`/admin/communities/${communityId}/zones`, body);

/** The property's numbers for residents: one row per zone (day/night), one for the whole community (zoneId null). */
export type { HotlineRow };
export const listHotlines = (communityId: Id) => http.get<{ items: HotlineRow[] }>(`/admin/communities/${communityId}/hotlines`);
export const saveHotlines = (communityId: Id, rows: HotlineInput[]) =>
  http.put<{ items: HotlineRow[] }>(`/admin/communities/${communityId}/hotlines`, { rows });

export type BuildingInput = Schemas['CreateBuildingDto'];
export const listBuildings = (communityId: Id) => fetchAll<Building>(`/admin/communities/${communityId}/buildings`);
export const createBuilding = (communityId: Id, body: BuildingInput) => http.post<Building>(`/admin/communities/${communityId}/buildings`, body);

/** A room's zone is its building's. */
export type RoomInput = Schemas['CreateRoomDto'];
/** Only the roster entry of a room can change. */
export type RoomRosterInput = Schemas['UpdateRoomDto'];
export const listRooms = (communityId: Id, q: { q?: string; buildingId?: Id }, page?: PageArgs) =>
  http.get<Page<Room>>(`/admin/communities/${communityId}/rooms`, paged(q, page));
export const createRoom = (communityId: Id, body: RoomInput) => http.post<Room>(`/admin/communities/${communityId}/rooms`, body);
export const updateRoom = (communityId: Id, id: Id, body: RoomRosterInput) => http.patch<Room>(`/admin/communities/${communityId}/rooms/${id}`, body);

// ---- Public spots (公共场所) ----
export const listPlaces = (communityId: Id) => http.get<{ items: Place[] }>(`/admin/communities/${communityId}/places`);
export const createPlace = (communityId: Id, body: CreatePlaceRequest) => http.post<Place>(`/admin/communities/${communityId}/places`, body);
export const updatePlace = (id: Id, body: UpdatePlaceRequest) => http.patch<Place>(`/admin/places/${id}`, body);
export function importPlaces(communityId: Id, file: File, dryRun: boolean) {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.upload<PlaceImportResult>(`/admin/communities/${communityId}/places/import`, form, { query: { dryRun: dryRun ? true : undefined } });
}
/** The public areas a request can be about: zones, buildings with units, active spots. */
export const locationOptions = (communityId: Id) => http.get<LocationOptions>(`/communities/${communityId}/locations`);

export function importRooms(communityId: Id, file: File, dryRun: boolean) {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.upload<RoomImportResult>(`/admin/communities/${communityId}/rooms/import`, form, {
    query: { dryRun: dryRun ? true : undefined },
  });
}

// ---- Staff ----
/** The staff list carries how many open tickets each person owns and is assigned. */
export type StaffWithLoad = StaffAccount;
/** POST /admin/staff takes no `active`; PATCH takes no `username`. */
export type StaffInput = Schemas['CreateStaffDto'];
export type StaffUpdate = Schemas['UpdateStaffDto'];
export const listStaff = (q: { role?: StaffRole; communityId?: Id; q?: string }, page?: PageArgs) =>
  http.get<Page<StaffAccount>>('/admin/staff', paged(q, page));
/** Pickers: everyone with a role in a community. */
export const listStaffByRole = (role: StaffRole, communityId?: Id) => fetchAll<StaffAccount>('/admin/staff', { role, communityId });
export const createStaff = (body: StaffInput) => http.post<StaffAccount>('/admin/staff', body);
export const updateStaff = (id: Id, body: StaffUpdate) => http.patch<StaffAccount>(`/admin/staff/${id}`, body);
/** Ends the account's binding to a WeChat user on the mini-program's staff side. */
export const unbindStaffWechat = (id: Id) => http.delete<StaffAccount>(`/admin/staff/${id}/wechat`);

// ---- Duty roster ----
export type DutyShiftInput = Schemas['CreateDutyShiftDto'];
/** The list also carries the person's name. */
export type DutyShiftView = DutyShift;
/** Shifts overlapping [from, to). */
export const listDutyShifts = (q: { communityId: Id; from: string; to: string }) => fetchAll<DutyShiftView>('/admin/duty-shifts', q);
export const createDutyShift = (body: DutyShiftInput) => http.post<DutyShift>('/admin/duty-shifts', body);
export const updateDutyShift = (id: Id, body: DutyShiftInput) => http.put<DutyShift>(`/admin/duty-shifts/${id}`, body);
export const deleteDutyShift = (id: Id) => http.delete(`/admin/duty-shifts/${id}`);

// ---- SLA policies ----
export type SlaPolicyInput = Schemas['UpsertSlaPolicyDto'];
/** The list has every type × priority; `id: null` / `isDefault` where the built-in default applies. */
export type SlaPolicyView = SlaPolicy;
export const listSlaPolicies = (communityId: Id) => fetchAll<SlaPolicyView>('/admin/sla-policies', { communityId }, { paged: false });
/** POST upserts the policy of (community, type, priority). */
export const saveSlaPolicy = (body: SlaPolicyInput) => http.post<SlaPolicyView>('/admin/sla-policies', body);
/** Back to the default. */
export const deleteSlaPolicy = (id: Id) => http.delete(`/admin/sla-policies/${id}`);
export type SlaKey = { type: TicketType; priority: Priority };

// ---- Service catalogue ----
export type ServiceItemInput = Schemas['CreateServiceItemDto'];
export const listServiceItems = (communityId: Id) => fetchAll<ServiceItem>('/admin/service-items', { communityId }, { paged: false });
export const createServiceItem = (body: ServiceItemInput) => http.post<ServiceItem>('/admin/service-items', body);
/** Items are never deleted (old bookings point at them): switch `active` off instead. */
export const updateServiceItem = (id: Id, body: Schemas['UpdateServiceItemDto']) => http.patch<ServiceItem>(`/admin/service-items/${id}`, body);

// ---- Room bindings ----
export const listRoomBindings = (q: { status?: RoomBindingStatus; communityId?: Id }, page?: PageArgs) =>
  http.get<Page<RoomBinding>>('/admin/room-bindings', paged(q, page));
export const approveRoomBinding = (id: Id) => http.post<Schemas['BindRoomResult']>(`/admin/room-bindings/${id}/approve`);
export const rejectRoomBinding = (id: Id) => http.post<Schemas['BindRoomResult']>(`/admin/room-bindings/${id}/reject`);

// ---- Audit log ----
export const listAuditLogs = (q: { action?: string; actorId?: Id; targetType?: string; targetId?: Id; from?: string; to?: string }, page?: PageArgs) =>
  http.get<Page<AuditLogEntry>>('/admin/audit-logs', paged(q, page));
