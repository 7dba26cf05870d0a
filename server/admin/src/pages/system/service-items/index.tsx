import { PlusOutlined } from '@ant-design/icons';
import type { ServiceItem } from '@yizhan/shared';
import { App, Button, Card, Checkbox, Form, Image, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useFormModal } from '../../../components/FormModal';
import { PhotoUpload } from '../../../components/PhotoUpload';
import { CommunitySelect } from '../../../components/pickers';
import { useAsync } from '../../../hooks/useAsync';
import { createServiceItem, listServiceItems, updateServiceItem, type ServiceItemInput } from '../../../services/admin';
import { T } from '../../../strings';

type ItemForm = Omit<ServiceItemInput, 'communityId' | 'photoId'> & { active?: boolean; newPhoto?: string[]; removePhoto?: boolean };

/** Half-hour marks of the day as "HH:mm", minutes after midnight as the value. */
const HALF_HOURS = Array.from({ length: 49 }, (_, i) => ({ value: i * 30, label: minutesLabel(i * 30) }));
export function minutesLabel(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

export default function ServiceItemsPage() {
  const { message } = App.useApp();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const { data, loading, reload } = useAsync(() => (communityId ? listServiceItems(communityId) : Promise.resolve([])), [communityId]);
  const editingId = useRef<string | null>(null);
  const [editing, setEditing] = useState<ServiceItem | null>(null);
  const modal = useFormModal<ItemForm>(async (v) => {
    if (!communityId) return;
    const { active, newPhoto, removePhoto, ...rest } = v;
    // A new picture replaces the old one; 移除 takes it away; otherwise the picture is left as it is.
    const photo = newPhoto?.[0] ? { photoId: newPhoto[0] } : removePhoto ? { photoId: null } : {};
    const fields = { ...rest, name: v.name.trim(), description: v.description?.trim() ?? '', ...photo };
    if (editingId.current) await updateServiceItem(editingId.current, { ...fields, active: active ?? true });
    else await createServiceItem({ ...fields, communityId, photoId: newPhoto?.[0] ?? null });
    message.success(T.saved);
    reload();
  });
  return (
    <Card
      title={T.menu.serviceItems}
      extra={
        <Space wrap>
          <CommunitySelect value={communityId} onChange={setCommunityId} autoPickFirst />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!communityId}
            onClick={() => {
              editingId.current = null;
              setEditing(null);
              modal.open();
              modal.form.setFieldsValue({ durationMin: 60, slotCapacity: 1, slotsFromMin: 540, slotsUntilMin: 1080, bookingDays: 7 });
            }}
          >
            {T.create}
          </Button>
        </Space>
      }
    >
      <Table<ServiceItem>
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: T.admin.itemName,
            dataIndex: 'name',
            render: (name: string, s) => (
              <Space>
                {s.photo ? <Image src={s.photo.thumbUrl} width={40} height={40} style={{ objectFit: 'cover', borderRadius: 4 }} alt="" /> : null}
                <span>
                  {name}
                  {s.description ? (
                    <Typography.Text type="secondary" ellipsis={{ tooltip: s.description }} style={{ display: 'block', maxWidth: 260, fontSize: 12 }}>
                      {s.description}
                    </Typography.Text>
                  ) : null}
                </span>
              </Space>
            ),
          },
          { title: T.admin.price, dataIndex: 'price', render: (p: number) => `¥${p}` },
          { title: T.admin.durationMin, dataIndex: 'durationMin' },
          { title: T.admin.slotCapacity, dataIndex: 'slotCapacity' },
          { title: T.admin.slotHours, key: 'hours', render: (_, s) => T.admin.slotsValue(minutesLabel(s.slotsFromMin), minutesLabel(s.slotsUntilMin)) },
          { title: T.admin.bookingDays, dataIndex: 'bookingDays' },
          {
            title: T.admin.active,
            dataIndex: 'active',
            render: (a: boolean) => (a ? <Tag color="green">{T.admin.active}</Tag> : <Tag>{T.admin.inactive}</Tag>),
          },
          {
            title: T.ticket.actions,
            key: 'a',
            render: (_, s) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => {
                    editingId.current = s.id;
                    setEditing(s);
                    modal.open({
                      name: s.name,
                      description: s.description ?? '',
                      price: s.price,
                      durationMin: s.durationMin,
                      slotCapacity: s.slotCapacity,
                      slotsFromMin: s.slotsFromMin,
                      slotsUntilMin: s.slotsUntilMin,
                      bookingDays: s.bookingDays,
                      active: s.active,
                    });
                  }}
                >
                  {T.edit}
                </Button>
                <Button
                  size="small"
                  onClick={async () => {
                    await updateServiceItem(s.id, { active: !s.active });
                    message.success(T.saved);
                    reload();
                  }}
                >
                  {s.active ? T.admin.deactivate : T.admin.activate}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {modal.render(
        T.menu.serviceItems,
        <>
          <Form.Item name="name" label={T.admin.itemName} rules={[{ required: true, whitespace: true, message: T.required(T.admin.itemName) }]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="description" label={T.admin.itemDescription}>
            <Input.TextArea maxLength={300} showCount autoSize={{ minRows: 2, maxRows: 4 }} placeholder={T.admin.itemDescriptionPlaceholder} />
          </Form.Item>
          {modal.editing && editing?.photo ? (
            <Form.Item label={T.admin.itemPhotoCurrent}>
              <Space align="start">
                <Image src={editing.photo.thumbUrl} width={80} height={80} style={{ objectFit: 'cover', borderRadius: 4 }} alt="" />
                <Form.Item name="removePhoto" valuePropName="checked" noStyle>
                  <Checkbox>{T.admin.itemPhotoRemove}</Checkbox>
                </Form.Item>
              </Space>
            </Form.Item>
          ) : null}
          <Form.Item name="newPhoto" label={T.admin.itemPhoto}>
            <PhotoUpload max={1} label={T.admin.itemPhotoUpload} />
          </Form.Item>
          <Form.Item name="price" label={T.admin.price} rules={[{ required: true, message: T.required(T.admin.price) }]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="durationMin" label={T.admin.durationMin} rules={[{ required: true, message: T.required(T.admin.durationMin) }]}>
            <InputNumber min={30} max={480} step={30} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="slotCapacity" label={T.admin.slotCapacity} rules={[{ required: true, message: T.required(T.admin.slotCapacity) }]}>
            <InputNumber min={1} max={100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={T.admin.slotHours} extra={T.admin.slotHoursExtra} required>
            <Space>
              <Form.Item name="slotsFromMin" noStyle rules={[{ required: true }]}>
                <Select options={HALF_HOURS.slice(0, 48)} style={{ width: 100 }} aria-label="开始" />
              </Form.Item>
              <span>—</span>
              <Form.Item
                name="slotsUntilMin"
                noStyle
                dependencies={['slotsFromMin', 'durationMin']}
                rules={[
                  { required: true },
                  ({ getFieldValue }) => ({
                    validator: async (_, until: number) => {
                      if (until - getFieldValue('slotsFromMin') < (getFieldValue('durationMin') ?? 0)) throw new Error(T.admin.slotHoursInvalid);
                    },
                  }),
                ]}
              >
                <Select options={HALF_HOURS.slice(1)} style={{ width: 100 }} aria-label="结束" />
              </Form.Item>
            </Space>
          </Form.Item>
          <Form.Item
            name="bookingDays"
            label={T.admin.bookingDays}
            extra={T.admin.bookingDaysExtra}
            rules={[{ required: true, message: T.required(T.admin.bookingDays) }]}
          >
            <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          {modal.editing ? (
            <Form.Item name="active" label={T.admin.active} valuePropName="checked">
              <Switch />
            </Form.Item>
          ) : null}
        </>,
      )}
    </Card>
  );
}
