import { LABELS, type AuditLogEntry, type StaffRole } from '@yizhan/shared';
import { Card, DatePicker, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { CursorTable } from '../../../components/CursorTable';
import { useAsync } from '../../../hooks/useAsync';
import { useCursorPages } from '../../../hooks/useCursorPages';
import { listAuditLogs, listStaff } from '../../../services/admin';
import { T } from '../../../strings';
import { fmtDateTime, shanghaiDayStartIso, type Dayjs } from '../../../time';

const A = T.admin;

/** An action as a person reads it: "转交工单", not `ticket.transfer`. */
export function actionLabel(action: string): string {
  return A.auditActions[action] ?? action;
}

/** The target as a person reads it: "工单 BX20261123-0007", not "ticket #33". */
export function targetText(e: Pick<AuditLogEntry, 'targetType' | 'targetId' | 'targetLabel'>): string {
  const kind = A.auditTargetTypes[e.targetType] ?? e.targetType;
  if (e.targetLabel) return `${kind} ${e.targetLabel}`;
  return e.targetId ? `${kind}（已删除或已匿名）` : kind;
}

function detailValue(key: string, value: unknown): string {
  if (key === 'roles' && Array.isArray(value)) return value.map((r) => LABELS.role[r as StaffRole] ?? String(r)).join('、');
  if (key === 'type' && typeof value === 'string') return LABELS.type[value as keyof typeof LABELS.type] ?? value;
  if (key === 'channel' && typeof value === 'string') return LABELS.channel[value as keyof typeof LABELS.channel] ?? value;
  if (key === 'priority' && typeof value === 'string') return LABELS.priority[value as keyof typeof LABELS.priority] ?? value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.join('、');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** The detail's readable parts: known keys with Chinese names; ids and internal keys left out. */
export function detailLines(detail: AuditLogEntry['detail']): string[] {
  if (!detail) return [];
  return Object.entries(detail)
    .filter(([key, value]) => A.auditDetailKeys[key] && value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${A.auditDetailKeys[key]}：${detailValue(key, value)}`);
}

export default function AuditLogsPage() {
  const [action, setAction] = useState<string | undefined>();
  const [actorId, setActorId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const { data: staff } = useAsync(() => listStaff({}, { limit: 100 }), []);
  // Whole Shanghai days, whatever the device's time zone: [first day 00:00, day after the last 00:00).
  const from = range ? shanghaiDayStartIso(range[0]) : undefined;
  const to = range ? shanghaiDayStartIso(range[1].add(1, 'day')) : undefined;
  const pager = useCursorPages<AuditLogEntry>(
    (cursor, limit) => listAuditLogs({ action, actorId, from, to }, { cursor, limit }),
    [action, actorId, from, to],
    50,
  );
  return (
    <Card
      title={T.menu.auditLogs}
      extra={
        <Space wrap>
          <DatePicker.RangePicker aria-label={A.auditAt} value={range} onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)} />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={A.auditAllActors}
            style={{ width: 160 }}
            value={actorId}
            onChange={setActorId}
            options={(staff?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={A.auditAllActions}
            style={{ width: 180 }}
            value={action}
            onChange={setAction}
            options={Object.entries(A.auditActions).map(([value, label]) => ({ value, label }))}
          />
        </Space>
      }
    >
      <CursorTable<AuditLogEntry>
        pager={pager}
        rowKey="id"
        columns={[
          { title: A.auditAt, dataIndex: 'at', render: fmtDateTime, width: 150 },
          { title: A.auditActor, dataIndex: ['actor', 'name'], width: 110 },
          { title: A.auditAction, dataIndex: 'action', render: actionLabel, width: 140 },
          { title: A.auditTarget, key: 't', render: (_, e) => targetText(e) },
          {
            title: A.auditDetail,
            dataIndex: 'detail',
            render: (d: AuditLogEntry['detail']) => {
              const lines = detailLines(d);
              return lines.length ? (
                <Typography.Text ellipsis={{ tooltip: lines.join('；') }} style={{ maxWidth: 320 }}>
                  {lines.join('；')}
                </Typography.Text>
              ) : (
                T.dash
              );
            },
          },
          { title: A.auditIp, dataIndex: 'ip', render: (ip: string | null) => ip ?? T.dash, width: 130 },
        ]}
      />
    </Card>
  );
}
