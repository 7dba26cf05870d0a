import type { Id } from '@yizhan/shared';
import { App, Button, Card, DatePicker, Form, Image, Input, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useFormModal } from '../../components/FormModal';
import { PhotoUpload } from '../../components/PhotoUpload';
import { CommunitySelect, useZones } from '../../components/pickers';
import { useAsync } from '../../hooks/useAsync';
import { listBuildings } from '../../services/admin';
import { listAnnouncements, publishAnnouncement, updateAnnouncement, type AnnouncementView } from '../../services/incidents';
import { T } from '../../strings';
import { fmtDateTime, inShanghai } from '../../time';

const STATE_COLOR: Record<AnnouncementView['state'], string> = { scheduled: 'blue', active: 'green', ended: 'default' };

interface PublishForm {
  title: string;
  body: string;
  zoneIds?: Id[];
  buildingIds?: Id[];
  photoIds?: Id[];
  validity: [Dayjs, Dayjs | null];
  pinned?: boolean;
}

/** 公告: publish per community or area, pin, withdraw; the read count beside each one. */
export default function AnnouncementsPage() {
  const { message } = App.useApp();
  const [communityId, setCommunityId] = useState<Id | undefined>();
  const { data, loading, reload } = useAsync(() => (communityId ? listAnnouncements(communityId) : Promise.resolve([])), [communityId]);
  const { zones } = useZones(communityId);
  const { data: buildings } = useAsync(() => (communityId ? listBuildings(communityId) : Promise.resolve([])), [communityId]);

  const publish = useFormModal<PublishForm>(async (v) => {
    if (!communityId) return;
    await publishAnnouncement({
      communityId,
      title: v.title.trim(),
      body: v.body.trim(),
      zoneIds: v.zoneIds ?? [],
      buildingIds: v.buildingIds ?? [],
      photoIds: v.photoIds ?? [],
      startsAt: v.validity[0].toISOString(),
      endsAt: v.validity[1] ? v.validity[1].toISOString() : null,
      pinned: v.pinned ?? false,
    });
    message.success(T.announcements.published);
    reload();
  });

  const change = async (id: Id, body: { pinned?: boolean; endsAt?: string | null }, done: string) => {
    await updateAnnouncement(id, body);
    message.success(done);
    reload();
  };

  return (
    <Card
      title={T.announcements.title}
      extra={
        <Space wrap>
          <CommunitySelect value={communityId} onChange={setCommunityId} autoPickFirst />
          <Button type="primary" disabled={!communityId} onClick={() => publish.open()} data-testid="publish-announcement">
            {T.announcements.publish}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{T.announcements.hint}</Typography.Paragraph>
      <Table<AnnouncementView>
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (a) => (
            <Space direction="vertical">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.body}</Typography.Paragraph>
              {a.photos.length ? (
                <Image.PreviewGroup>
                  <Space wrap>
                    {a.photos.map((p) => (
                      <Image key={p.id} src={p.thumbUrl} preview={{ src: p.url }} width={96} />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              ) : null}
            </Space>
          ),
        }}
        columns={[
          {
            title: T.announcements.titleLabel,
            dataIndex: 'title',
            render: (v: string, a) => (
              <Space>
                {a.pinned ? <Tag color="red">{T.announcements.pinned}</Tag> : null}
                <Typography.Text strong>{v}</Typography.Text>
                {a.incidentId ? <Tag>{T.announcements.fromIncident}</Tag> : null}
              </Space>
            ),
          },
          {
            title: T.announcements.state,
            dataIndex: 'state',
            render: (s: AnnouncementView['state']) => <Tag color={STATE_COLOR[s]}>{T.announcements.states[s]}</Tag>,
          },
          { title: T.incidents.area, dataIndex: 'areaLabel' },
          {
            title: T.announcements.validity,
            key: 'validity',
            render: (_, a) => `${fmtDateTime(a.startsAt)} ～ ${a.endsAt ? fmtDateTime(a.endsAt) : T.announcements.until}`,
          },
          {
            title: T.announcements.reads,
            key: 'reads',
            render: (_, a) => (
              <span data-testid="read-count">
                {a.readCount} / {a.audienceCount}
              </span>
            ),
          },
          {
            title: T.ticket.actions,
            key: 'actions',
            render: (_, a) =>
              a.state === 'ended' ? null : (
                <Space>
                  <Button size="small" onClick={() => void change(a.id, { pinned: !a.pinned }, T.saved)}>
                    {a.pinned ? T.announcements.unpin : T.announcements.pin}
                  </Button>
                  <Popconfirm
                    title={T.announcements.withdrawConfirm}
                    onConfirm={() => change(a.id, { endsAt: new Date().toISOString() }, T.announcements.withdrawn)}
                  >
                    <Button size="small" danger>
                      {T.announcements.withdraw}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {publish.render(
        T.announcements.title,
        <>
          <Form.Item name="title" label={T.announcements.titleLabel} rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="body" label={T.announcements.body} rules={[{ required: true, whitespace: true, max: 2000 }]}>
            <Input.TextArea rows={5} maxLength={2000} showCount />
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
          <Form.Item name="photoIds" label={T.announcements.photos}>
            <PhotoUpload />
          </Form.Item>
          <Form.Item
            name="validity"
            label={T.announcements.validity}
            extra={T.announcements.validityHint}
            rules={[{ required: true }]}
            initialValue={[inShanghai(new Date()), null]}
          >
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[false, true]} />
          </Form.Item>
          <Form.Item name="pinned" label={T.announcements.pinned} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>,
      )}
    </Card>
  );
}
