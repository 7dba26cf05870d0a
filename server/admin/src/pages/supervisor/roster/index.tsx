import { CopyOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import type { Id } from '@yizhan/shared';
import { App, Button, Card, Form, Modal, Popconfirm, Select, Space, Tag, TimePicker, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { CommunitySelect, useStaff, useZones } from '../../../components/pickers';
import { useAsync } from '../../../hooks/useAsync';
import { createDutyShift, deleteDutyShift, listDutyShifts, updateDutyShift, type DutyShiftView } from '../../../services/admin';
import { T } from '../../../strings';
import { dayjs, inShanghai, TZ, type Dayjs } from '../../../time';
import { copyForward, dayKey, shiftTimes, weekDays, weekStart } from './week';

interface ShiftForm {
  staffId: Id;
  time: [Dayjs, Dayjs];
}
type Editing = { zoneId: Id | null; day: Dayjs; shift?: DutyShiftView };

/** Week grid per zone plus the community-wide night row (zoneId null). */
export default function RosterPage() {
  const { message } = App.useApp();
  const [communityId, setCommunityId] = useState<Id | undefined>();
  const [start, setStart] = useState(() => weekStart(dayjs()));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<ShiftForm>();
  const { zones } = useZones(communityId);
  const { staff: agents } = useStaff('agent', communityId);
  const days = weekDays(start);
  const range = { from: start.toISOString(), to: start.add(7, 'day').toISOString() };

  const { data: shifts, reload } = useAsync(
    () => (communityId ? listDutyShifts({ communityId, ...range }) : Promise.resolve([] as DutyShiftView[])),
    [communityId, range.from],
  );
  const names = useMemo(() => new Map(agents.map((a) => [a.id, a.name])), [agents]);
  const cell = (zoneId: Id | null, day: Dayjs) =>
    (shifts ?? []).filter((s) => s.zoneId === zoneId && dayKey(s.startAt) === day.format('YYYY-MM-DD')).sort((a, b) => a.startAt.localeCompare(b.startAt));

  const openEditor = (e: Editing) => {
    setEditing(e);
    const night = e.zoneId === null;
    form.setFieldsValue(
      e.shift
        ? { staffId: e.shift.staffId, time: [inShanghai(e.shift.startAt), inShanghai(e.shift.endAt)] }
        : {
            staffId: undefined as unknown as Id,
            time: [dayjs.tz(`2000-01-01 ${night ? '20:00' : '08:00'}`, TZ), dayjs.tz(`2000-01-01 ${night ? '08:00' : '20:00'}`, TZ)],
          },
    );
  };

  const save = async (v: ShiftForm) => {
    if (!editing || !communityId) return;
    setSaving(true);
    try {
      const times = shiftTimes(editing.day, v.time[0].format('HH:mm'), v.time[1].format('HH:mm'));
      const body = { communityId, zoneId: editing.zoneId, staffId: v.staffId, ...times };
      if (editing.shift) await updateDutyShift(editing.shift.id, body);
      else await createDutyShift(body);
      message.success(T.saved);
      setEditing(null);
      reload();
    } catch {
      // shown by the request wrapper
    } finally {
      setSaving(false);
    }
  };

  const removeEditing = async () => {
    if (!editing?.shift) return;
    try {
      await deleteDutyShift(editing.shift.id);
      message.success(T.roster.deleted);
      setEditing(null);
      reload();
    } catch {
      // shown by the request wrapper
    }
  };

  const copyLastWeek = async () => {
    if (!communityId) return;
    const last = await listDutyShifts({ communityId, from: start.subtract(7, 'day').toISOString(), to: range.from });
    const todo = copyForward(last, shifts ?? []);
    if (todo.length === 0) {
      message.info(T.roster.nothingToCopy);
      return;
    }
    let done = 0;
    for (const s of todo) {
      try {
        await createDutyShift(s);
        done += 1;
      } catch {
        break;
      }
    }
    message.success(T.roster.copied(done));
    reload();
  };

  const rows: { zoneId: Id | null; label: string }[] = [
    ...zones.map((z) => ({ zoneId: z.id as Id | null, label: z.name })),
    { zoneId: null, label: T.roster.wholeCommunity },
  ];

  return (
    <Card
      title={T.roster.title}
      extra={
        <Space wrap>
          <CommunitySelect value={communityId} onChange={setCommunityId} autoPickFirst />
          <Button icon={<LeftOutlined />} onClick={() => setStart(start.subtract(7, 'day'))} aria-label={T.roster.prevWeek} />
          <Button onClick={() => setStart(weekStart(dayjs()))}>{T.roster.thisWeek}</Button>
          <Button icon={<RightOutlined />} onClick={() => setStart(start.add(7, 'day'))} aria-label={T.roster.nextWeek} />
          <Popconfirm title={T.roster.copyLastWeek} onConfirm={copyLastWeek} disabled={!communityId}>
            <Button icon={<CopyOutlined />} disabled={!communityId}>
              {T.roster.copyLastWeek}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {start.format('YYYY-MM-DD')} ~ {start.add(6, 'day').format('YYYY-MM-DD')}
      </Typography.Paragraph>
      {!communityId ? (
        <Typography.Text type="secondary">{T.roster.pickCommunity}</Typography.Text>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table className="roster-grid">
            <thead>
              <tr>
                <th>{T.ticket.zone}</th>
                {days.map((d, i) => (
                  <th key={d.format('YYYY-MM-DD')}>
                    {T.roster.days[i]} {d.format('MM-DD')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.zoneId ?? 'night'}>
                  <th>{row.label}</th>
                  {days.map((d) => (
                    <td key={d.format('YYYY-MM-DD')} data-testid={`cell-${row.zoneId ?? 'night'}-${d.format('YYYY-MM-DD')}`}>
                      <Space direction="vertical" size={4}>
                        {cell(row.zoneId, d).map((s) => (
                          // Deleting is in the editor, behind a confirmation: a stray click on a tag removes nothing.
                          <Tag
                            key={s.id}
                            color={row.zoneId === null ? 'purple' : 'blue'}
                            style={{ cursor: 'pointer' }}
                            onClick={() => openEditor({ zoneId: row.zoneId, day: d, shift: s })}
                          >
                            {names.get(s.staffId) ?? s.staffName ?? s.staffId} {inShanghai(s.startAt).format('HH:mm')}–
                            {dayKey(s.endAt) !== dayKey(s.startAt) ? T.roster.nextDay : ''}
                            {inShanghai(s.endAt).format('HH:mm')}
                          </Tag>
                        ))}
                        <Button
                          size="small"
                          type="dashed"
                          icon={<PlusOutlined />}
                          onClick={() => openEditor({ zoneId: row.zoneId, day: d })}
                          aria-label={T.roster.addShift}
                        />
                      </Space>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Modal
        open={editing !== null}
        title={editing?.shift ? T.roster.editShift : T.roster.addShift}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        okText={T.save}
        destroyOnHidden
        footer={(_, { OkBtn, CancelBtn }) => (
          <Space>
            {editing?.shift ? (
              <Popconfirm
                title={T.roster.deleteConfirm}
                okText={T.roster.delete}
                okButtonProps={{ danger: true }}
                cancelText={T.cancel}
                onConfirm={removeEditing}
              >
                <Button danger>{T.roster.delete}</Button>
              </Popconfirm>
            ) : null}
            <CancelBtn />
            <OkBtn />
          </Space>
        )}
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="staffId" label={T.roster.staff} rules={[{ required: true, message: T.roster.staffRequired }]}>
            <Select showSearch optionFilterProp="label" options={agents.map((a) => ({ value: a.id, label: a.name }))} />
          </Form.Item>
          <Form.Item
            name="time"
            label={T.roster.time}
            rules={[{ required: true, message: T.roster.timeRequired }]}
            extra={`结束早于开始时视为${T.roster.nextDay}`}
          >
            <TimePicker.RangePicker format="HH:mm" minuteStep={30} order={false} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
