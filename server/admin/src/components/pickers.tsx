import type { CommunitySummary, Id, RoomOption, StaffRole, Zone } from '@yizhan/shared';
import { LABELS } from '@yizhan/shared';
import { Select, Space, Spin, Tag, Typography, type SelectProps } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useAsync } from '../hooks/useAsync';
import { useSession } from '../hooks/useSession';
import { listMyCommunities, listStaffByRole, listZones, searchRooms, type StaffWithLoad } from '../services/admin';
import { T } from '../strings';

let communitiesCache: Promise<CommunitySummary[]> | null = null;
/** Communities are few and rarely change: one request per page load. */
export function loadCommunities(): Promise<CommunitySummary[]> {
  communitiesCache ??= listMyCommunities().catch((e) => {
    communitiesCache = null;
    throw e;
  });
  return communitiesCache;
}
export function forgetCommunities(): void {
  communitiesCache = null;
}

/** The communities this staff member works in (all of them for an account without a list, e.g. the first admin). */
export function useMyCommunities() {
  const session = useSession();
  const mine = session?.staff.communityIds;
  const { data, loading } = useAsync(loadCommunities, []);
  const communities = useMemo(() => (data ?? []).filter((c) => !mine || mine.length === 0 || mine.includes(c.id)), [data, mine]);
  return { communities, loading };
}

type ValueProps<V> = { value?: V; onChange?: (value: V) => void };

export function CommunitySelect({
  value,
  onChange,
  autoPickFirst,
  ...rest
}: ValueProps<Id> & { autoPickFirst?: boolean } & Omit<SelectProps, 'value' | 'onChange' | 'options'>) {
  const { communities, loading } = useMyCommunities();
  useEffect(() => {
    if (autoPickFirst && !value && communities[0]) onChange?.(communities[0].id);
  }, [autoPickFirst, value, communities, onChange]);
  return (
    <Select
      placeholder={T.choose(T.ticket.community)}
      loading={loading}
      value={value}
      onChange={onChange}
      options={communities.map((c) => ({ value: c.id, label: c.name }))}
      showSearch
      optionFilterProp="label"
      style={{ minWidth: 160 }}
      {...rest}
    />
  );
}

export function useZones(communityId: Id | undefined) {
  const { data, loading, reload } = useAsync<Zone[]>(() => (communityId ? listZones(communityId) : Promise.resolve([])), [communityId]);
  return { zones: data ?? [], loading, reload };
}

export function ZoneSelect({
  communityId,
  value,
  onChange,
  ...rest
}: ValueProps<Id | undefined> & { communityId?: Id } & Omit<SelectProps, 'value' | 'onChange' | 'options'>) {
  const { zones, loading } = useZones(communityId);
  return (
    <Select
      placeholder={T.choose(T.ticket.zone)}
      disabled={!communityId}
      loading={loading}
      value={value}
      onChange={onChange}
      allowClear
      options={zones.map((z) => ({ value: z.id, label: z.name }))}
      style={{ minWidth: 120 }}
      {...rest}
    />
  );
}

export function useStaff(role: StaffRole, communityId?: Id) {
  const { data, loading, reload } = useAsync<StaffWithLoad[]>(() => listStaffByRole(role, communityId), [role, communityId]);
  return { staff: data ?? [], loading, reload };
}

export function StaffSelect({
  role,
  communityId,
  value,
  onChange,
  ...rest
}: ValueProps<Id | undefined> & { role: StaffRole; communityId?: Id } & Omit<SelectProps, 'value' | 'onChange' | 'options'>) {
  const { staff, loading } = useStaff(role, communityId);
  return (
    <Select
      placeholder={T.choose(LABELS.role[role])}
      loading={loading}
      value={value}
      onChange={onChange}
      allowClear
      showSearch
      optionFilterProp="label"
      options={staff.filter((s) => s.active !== false).map((s) => ({ value: s.id, label: s.name }))}
      style={{ minWidth: 140 }}
      {...rest}
    />
  );
}

/** Technicians with their skills and how many open jobs they hold, least busy first. */
export function TechnicianPicker({ communityId, value, onChange }: ValueProps<Id | undefined> & { communityId?: Id }) {
  const { staff, loading } = useStaff('technician', communityId);
  const sorted = useMemo(() => staff.filter((s) => s.active !== false).sort((a, b) => (a.openAssigned ?? 0) - (b.openAssigned ?? 0)), [staff]);
  return (
    <Select
      aria-label={T.actionForm.technician}
      placeholder={T.actionForm.technicianRequired}
      loading={loading}
      value={value}
      onChange={onChange}
      showSearch
      optionFilterProp="search"
      optionLabelProp="name"
      options={sorted.map((s) => ({
        value: s.id,
        name: s.name,
        search: `${s.name} ${s.skills.join(' ')}`,
        label: (
          <Space size={4} wrap>
            <span>{s.name}</span>
            {s.skills.map((k) => (
              <Tag key={k} style={{ marginInlineEnd: 0 }}>
                {k}
              </Tag>
            ))}
            {s.openAssigned !== undefined ? (
              <Typography.Text type={s.openAssigned >= 5 ? 'warning' : 'secondary'}>{T.actionForm.load(s.openAssigned)}</Typography.Text>
            ) : null}
          </Space>
        ),
      }))}
    />
  );
}

/** Search a community's rooms by building / number ("3-1-502"). */
export function RoomPicker({ communityId, value, onChange }: ValueProps<Id | undefined> & { communityId?: Id }) {
  const [options, setOptions] = useState<RoomOption[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const seq = useRef(0);
  const search = (q: string) => {
    if (!communityId) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const mine = ++seq.current;
      setSearching(true);
      try {
        const rooms = await searchRooms(communityId, q);
        if (mine === seq.current) setOptions(rooms);
      } catch {
        // the request wrapper has shown why
      } finally {
        if (mine === seq.current) setSearching(false);
      }
    }, 250);
  };
  useEffect(() => {
    setOptions([]);
    if (communityId) search('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [communityId]);
  return (
    <Select
      aria-label={T.ticket.room}
      showSearch
      disabled={!communityId}
      value={value}
      onChange={onChange}
      placeholder={T.intake.roomPlaceholder}
      filterOption={false}
      onSearch={search}
      notFoundContent={searching ? <Spin size="small" /> : T.empty}
      options={options.map((r) => ({ value: r.id, label: r.label }))}
    />
  );
}
