import { INCIDENT_STATUSES, LABELS, TICKET_CATEGORIES, type Id, type IncidentStatus } from '@yizhan/shared';
import { App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useFormModal } from '../../components/FormModal';
import { CommunitySelect, useZones } from '../../components/pickers';
import { StatusTag } from '../../components/TicketTags';
import { useAsync } from '../../hooks/useAsync';
import { listBuildings } from '../../services/admin';
import { announceIncident, declareIncident, getIncident, listIncidents, resolveIncident, updateIncident, type IncidentView } from '../../services/incidents';
import { T } from '../../strings';
import { fmtDateTime, inShanghai } from '../../time';

const STATUS_COLOR: Record<IncidentStatus, string> = { planned: 'blue', active: 'red', resolved: 'green' };

export function IncidentStatusTag({ status }: { status: IncidentStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{LABELS.incidentStatus[status]}</Tag>;
}

interface DeclareForm {
  title: string;
  category: string;
  cause: string;
  zoneIds?: Id[];
  buildingIds?: Id[];
  startsAt: Dayjs;
  expectedEndAt: Dayjs;
}

/**
 * 事件 / 停水停电: declare an incident for an area (everyone bound there is told), move its
 * expected end, resolve it (the linked requests are resolved with it), see what was linked.
 */
export default function IncidentsPage() {
  const { message } = App.useApp();
  const [communityId, setCommunityId] = useState<Id | undefined>();
  const [status, setStatus] = useState<IncidentStatus | 'all'>('all');
  const [openId, setOpenId] = useState<Id | null>(null);
  const { data, loading, reload } = useAsync(
    () => (communityId ? listIncidents(communityId, status === 'all' ? undefined : status) : Promise.resolve([])),
    [communityId, status],
  );
  const { zones } = useZones(communityId);
  const { data: buildings } = useAsync(() => (communityId ? listBuildings(communityId) : Promise.resolve([])), [communityId]);

  const declare = useFormModal<DeclareForm>(async (v) => {
    if (!communityId) return;
    const created = await declareIncident({
      communityId,
      title: v.title.trim(),
      category: v.category,
      cause: v.cause.trim(),
      zoneIds: v.zoneIds ?? [],
      buildingIds: v.buildingIds ?? [],
      startsAt: v.startsAt.toISOString(),
      expectedEndAt: v.expectedEndAt.toISOString(),
    });
    message.success(T.incidents.declared);
    reload();
    setOpenId(created.id);
  });

  return (
    <Card
      title={T.incidents.title}
      extra={
        <Space wrap>
          <CommunitySelect value={communityId} onChange={setCommunityId} autoPickFirst />
          <Button type="primary" disabled={!communityId} onClick={() => declare.open()} data-testid="declare-incident">
            {T.incidents.declare}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{T.incidents.hint}</Typography.Paragraph>
      <Segmented<IncidentStatus | 'all'>
        value={status}
        onChange={setStatus}
        options={[{ value: 'all', label: T.incidents.all }, ...INCIDENT_STATUSES.map((s) => ({ value: s, label: LABELS.incidentStatus[s] }))]}
        style={{ marginBottom: 16 }}
      />
      <Table<IncidentView>
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: T.incidents.titleLabel, dataIndex: 'title', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          { title: T.incidents.status, dataIndex: 'status', render: (s: IncidentStatus) => <IncidentStatusTag status={s} /> },
          { title: T.incidents.area, dataIndex: 'areaLabel' },
          { title: T.incidents.category, dataIndex: 'category' },
          { title: T.incidents.startsAt, dataIndex: 'startsAt', render: fmtDateTime },
          { title: T.incidents.expectedEndAt, dataIndex: 'expectedEndAt', render: fmtDateTime },
          { title: T.incidents.linked, dataIndex: 'linkedCount' },
          {
            title: '',
            key: 'open',
            render: (_, r) => (
              <Button size="small" onClick={() => setOpenId(r.id)}>
                {T.incidents.detail}
              </Button>
            ),
          },
        ]}
      />

      {declare.render(
        T.incidents.titleLabel.replace('名称', ''),
        <>
          <Form.Item name="title" label={T.incidents.titleLabel} rules={[{ required: true, whitespace: true, max: 40 }]}>
            <Input placeholder={T.incidents.titlePlaceholder} maxLength={40} />
          </Form.Item>
          <Form.Item name="category" label={T.incidents.category} rules={[{ required: true }]} initialValue="水电">
            <Select options={TICKET_CATEGORIES.repair.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="cause" label={T.incidents.cause} rules={[{ required: true, whitespace: true, max: 300 }]}>
            <Input.TextArea rows={2} maxLength={300} placeholder="如：市政供水管网抢修" />
          </Form.Item>
          <Form.Item name="zoneIds" label={T.incidents.zones} extra={T.incidents.areaHint}>
            <Select mode="multiple" allowClear placeholder={T.incidents.wholeCommunity} options={zones.map((z) => ({ value: z.id, label: z.name }))} />
          </Form.Item>
          <Form.Item name="buildingIds" label={T.incidents.buildings}>
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              placeholder={T.incidents.wholeCommunity}
              options={(buildings ?? []).map((b) => ({ value: b.id, label: b.name }))}
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name="startsAt" label={T.incidents.startsAt} rules={[{ required: true }]} initialValue={inShanghai(new Date())}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
            <Form.Item
              name="expectedEndAt"
              label={T.incidents.expectedEndAt}
              dependencies={['startsAt']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | undefined) =>
                    !v || !getFieldValue('startsAt') || v.isAfter(getFieldValue('startsAt'))
                      ? Promise.resolve()
                      : Promise.reject(new Error(T.incidents.endBeforeStart)),
                }),
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          </Space>
        </>,
      )}

      <IncidentDrawer id={openId} onClose={() => setOpenId(null)} onChanged={reload} />
    </Card>
  );
}

function IncidentDrawer({ id, onClose, onChanged }: { id: Id | null; onClose: () => void; onChanged: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: incident, reload } = useAsync(() => (id ? getIncident(id) : Promise.resolve(null)), [id]);
  const [mode, setMode] = useState<'update' | 'resolve' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ expectedEndAt?: Dayjs; note?: string; resolution?: string }>();
  const open = incident && incident.status !== 'resolved';
  const [announcing, setAnnouncing] = useState(false);
  const announce = async () => {
    if (!incident) return;
    setAnnouncing(true);
    try {
      await announceIncident(incident.id);
      message.success(T.incidents.announced);
      navigate('/announcements');
    } catch {
      // shown by the request wrapper
    } finally {
      setAnnouncing(false);
    }
  };

  const submit = async (v: { expectedEndAt?: Dayjs; note?: string; resolution?: string }) => {
    if (!incident) return;
    setSaving(true);
    try {
      if (mode === 'update') {
        await updateIncident(incident.id, { expectedEndAt: v.expectedEndAt!.toISOString(), note: v.note?.trim() || undefined });
        message.success(T.incidents.updated);
      } else {
        await resolveIncident(incident.id, v.resolution!.trim());
        message.success(T.incidents.resolved);
      }
      setMode(null);
      reload();
      onChanged();
    } catch {
      // shown by the request wrapper
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={Math.min(720, window.innerWidth)}
      title={
        incident ? (
          <Space>
            {incident.title}
            <IncidentStatusTag status={incident.status} />
          </Space>
        ) : (
          ''
        )
      }
      destroyOnHidden
    >
      {incident ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={T.incidents.cause}>{incident.cause}</Descriptions.Item>
            <Descriptions.Item label={T.incidents.area}>{incident.areaLabel}</Descriptions.Item>
            <Descriptions.Item label={T.incidents.category}>{incident.category}</Descriptions.Item>
            <Descriptions.Item label={T.incidents.startsAt}>{fmtDateTime(incident.startsAt)}</Descriptions.Item>
            <Descriptions.Item label={T.incidents.expectedEndAt}>{fmtDateTime(incident.expectedEndAt)}</Descriptions.Item>
            {incident.resolvedAt ? (
              <Descriptions.Item label={T.incidents.resolvedAt}>
                {fmtDateTime(incident.resolvedAt)} · {incident.resolution}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={T.incidents.residents}>{incident.residentCount}</Descriptions.Item>
            <Descriptions.Item label={T.incidents.createdBy}>
              {incident.createdByName} · {fmtDateTime(incident.createdAt)}
            </Descriptions.Item>
          </Descriptions>
          <Space wrap>
            <Button onClick={() => void announce()} loading={announcing} data-testid="announce-incident">
              {T.incidents.announce}
            </Button>
            {open ? (
              <>
                <Button
                  onClick={() => {
                    form.resetFields();
                    form.setFieldsValue({ expectedEndAt: inShanghai(incident.expectedEndAt) });
                    setMode('update');
                  }}
                >
                  {T.incidents.update}
                </Button>
                <Button
                  type="primary"
                  onClick={() => {
                    form.resetFields();
                    setMode('resolve');
                  }}
                  data-testid="resolve-incident"
                >
                  {T.incidents.resolve}
                </Button>
              </>
            ) : null}
          </Space>
          <div>
            <Typography.Title level={5}>
              {T.incidents.linked}（{incident.linked.length}）
            </Typography.Title>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={incident.linked}
              locale={{ emptyText: T.incidents.noLinked }}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: T.ticket.no, dataIndex: 'no', render: (no: string, r) => <Link to={`/tickets/${r.id}`}>{no}</Link> },
                { title: T.ticket.room, dataIndex: 'roomLabel' },
                { title: T.ticket.status, dataIndex: 'status', render: (s) => <StatusTag status={s} /> },
                { title: T.ticket.description, dataIndex: 'description', ellipsis: true },
              ]}
            />
          </div>
        </Space>
      ) : null}
      <Modal
        open={mode !== null}
        title={mode === 'update' ? T.incidents.update : T.incidents.resolve}
        onCancel={() => setMode(null)}
        onOk={() => form.submit()}
        okText={T.save}
        cancelText={T.cancel}
        confirmLoading={saving}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {mode === 'update' ? (
            <>
              <Form.Item name="expectedEndAt" label={T.incidents.expectedEndAt} rules={[{ required: true }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
              <Form.Item name="note" label={T.incidents.updateNote}>
                <Input.TextArea rows={2} maxLength={200} />
              </Form.Item>
            </>
          ) : (
            <>
              <Typography.Paragraph type="secondary">{T.incidents.resolveConfirm}</Typography.Paragraph>
              <Form.Item name="resolution" label={T.incidents.resolution} rules={[{ required: true, whitespace: true, max: 300 }]}>
                <Input.TextArea rows={3} maxLength={300} placeholder="如：管网已修复，已恢复供水" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}
