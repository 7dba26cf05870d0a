import {
  COMPLAINT_LEVELS,
  defaultSlaPolicy,
  LABELS,
  PRIORITIES,
  SLA_CLOCKS,
  TICKET_TYPES,
  type ComplaintLevel,
  type Priority,
  type SlaClock,
  type SlaPolicy,
  type TicketType,
} from '@yizhan/shared';
import { App, Button, Card, Form, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DurationInput } from '../../../components/DurationInput';
import { CommunitySelect } from '../../../components/pickers';
import { useAsync } from '../../../hooks/useAsync';
import { deleteSlaPolicy, listSlaPolicies, saveSlaPolicy, type SlaPolicyView } from '../../../services/admin';
import { T } from '../../../strings';
import { fmtDuration } from '../../../time';

const FIELD: Record<SlaClock, keyof Pick<SlaPolicy, 'respondWithinSec' | 'onsiteWithinSec' | 'resolveWithinSec' | 'confirmWithinSec' | 'revisitWithinSec'>> = {
  respond: 'respondWithinSec',
  onsite: 'onsiteWithinSec',
  resolve: 'resolveWithinSec',
  confirm: 'confirmWithinSec',
  revisit: 'revisitWithinSec',
};

interface Row {
  key: string;
  type: TicketType;
  priority: Priority;
  /** A complaint's level (一般 / 重大, each with its own limits); `general` for the other types. */
  level: ComplaintLevel;
  /** The community's own policy; null while the built-in default applies. */
  policy: SlaPolicyView | null;
  durations: Record<SlaClock, number | null>;
  /** The resolve limit in working days, when the policy counts it so (it replaces the resolve hours). */
  resolveWorkingDays: number | null;
}

/** Seconds in the form (each entered as 小时 + 分钟) and on the wire; the working-day limit as it is. */
type DurationsForm = Record<SlaClock, number | null> & { resolveWorkingDays: number | null };

export function rowsFor(policies: SlaPolicyView[]): Row[] {
  return TICKET_TYPES.flatMap((type) =>
    (type === 'complaint' ? COMPLAINT_LEVELS : (['general'] as const)).flatMap((level) =>
      PRIORITIES.map((priority) => {
        const found = policies.find((p) => p.type === type && p.priority === priority && (p.level ?? 'general') === level) ?? null;
        const policy = found && found.id !== null && !found.isDefault ? found : null;
        const source = found ?? defaultSlaPolicy(type, priority, level);
        const durations = Object.fromEntries(SLA_CLOCKS.map((c) => [c, source[FIELD[c]] ?? null])) as Record<SlaClock, number | null>;
        return { key: `${type}:${level}:${priority}`, type, priority, level, policy, durations, resolveWorkingDays: found?.resolveWorkingDays ?? null };
      }),
    ),
  );
}

export default function SlaPage() {
  const { message } = App.useApp();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [editing, setEditing] = useState<Row | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<DurationsForm>();
  const { data, loading, reload } = useAsync(() => (communityId ? listSlaPolicies(communityId) : Promise.resolve([])), [communityId]);
  const rows = rowsFor(data ?? []);

  const open = (row: Row) => {
    setEditing(row);
    form.setFieldsValue({
      ...row.durations,
      resolveWorkingDays: row.resolveWorkingDays,
    });
  };

  const save = async (v: DurationsForm) => {
    if (!editing || !communityId) return;
    const sec = (c: SlaClock) => v[c] ?? null;
    const body = {
      communityId,
      type: editing.type,
      priority: editing.priority,
      level: editing.level,
      respondWithinSec: sec('respond')!,
      onsiteWithinSec: sec('onsite'),
      resolveWithinSec: sec('resolve')!,
      confirmWithinSec: sec('confirm')!,
      revisitWithinSec: sec('revisit')!,
      // Always sent, so saving the form keeps (or clears, when emptied) the working-day limit.
      resolveWorkingDays: v.resolveWorkingDays ?? null,
    };
    setSaving(true);
    try {
      await saveSlaPolicy(body);
      message.success(T.saved);
      setEditing(null);
      reload();
    } catch {
      // shown by the request wrapper
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={T.sla.title} extra={<CommunitySelect value={communityId} onChange={setCommunityId} autoPickFirst />}>
      <Typography.Paragraph type="secondary">{T.sla.hint}</Typography.Paragraph>
      <Table<Row>
        rowKey="key"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: T.ticket.type,
            render: (_, r) => (r.type === 'complaint' ? `${LABELS.complaintLevel[r.level]}${LABELS.type[r.type]}` : LABELS.type[r.type]),
          },
          { title: T.ticket.priority, render: (_, r) => (r.priority === 'urgent' ? <Tag color="red">{LABELS.priority.urgent}</Tag> : LABELS.priority.normal) },
          ...SLA_CLOCKS.map((c) => ({
            title: LABELS.clock[c],
            key: c,
            render: (_: unknown, r: Row) =>
              c === 'resolve' && r.resolveWorkingDays
                ? T.sla.workingDaysValue(r.resolveWorkingDays)
                : r.durations[c] === null
                  ? T.sla.notApplicable
                  : fmtDuration(r.durations[c]),
          })),
          { title: '', key: 'source', render: (_, r) => (r.policy ? null : <Tag>{T.sla.default}</Tag>) },
          {
            title: T.ticket.actions,
            key: 'edit',
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => open(r)} disabled={!communityId}>
                  {T.edit}
                </Button>
                {r.policy?.id ? (
                  <Popconfirm
                    title={T.sla.resetConfirm}
                    onConfirm={async () => {
                      await deleteSlaPolicy(r.policy!.id!);
                      message.success(T.saved);
                      reload();
                    }}
                  >
                    <Button size="small">{T.sla.reset}</Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={
          editing
            ? `${editing.type === 'complaint' ? LABELS.complaintLevel[editing.level] : ''}${LABELS.type[editing.type]} · ${LABELS.priority[editing.priority]}`
            : ''
        }
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        okText={T.save}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={save}>
          {SLA_CLOCKS.map((c) => (
            <Form.Item
              key={c}
              name={c}
              label={LABELS.clock[c]}
              rules={[
                { required: c !== 'onsite', message: T.sla.durationRequired },
                { validator: async (_, sec: number | null) => (sec === 0 ? Promise.reject(new Error(T.sla.durationPositive)) : undefined) },
              ]}
              extra={c === 'onsite' ? `留空表示${T.sla.notApplicable}` : undefined}
            >
              <DurationInput />
            </Form.Item>
          ))}
          <Form.Item name="resolveWorkingDays" label={T.sla.workingDays} extra={T.sla.workingDaysExtra}>
            <InputNumber min={1} max={60} precision={0} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
