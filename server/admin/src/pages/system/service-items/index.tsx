import { PlusOutlined } from '@ant-design/icons';
import type { ServiceItem } from '@yizhan/shared';
import { App, Button, Card, Form, Input, InputNumber, Space, Switch, Table, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useFormModal } from '../../../components/FormModal';
import { CommunitySelect } from '../../../components/pickers';
import { useAsync } from '../../../hooks/useAsync';
import { createServiceItem, listServiceItems, updateServiceItem, type ServiceItemInput } from '../../../services/admin';
import { T } from '../../../strings';

type ItemForm = Omit<ServiceItemInput, 'communityId'> & { active?: boolean };

export default function ServiceItemsPage() {
  const { message } = App.useApp();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const { data, loading, reload } = useAsync(() => (communityId ? listServiceItems(communityId) : Promise.resolve([])), [communityId]);
  const editingId = useRef<string | null>(null);
  const modal = useFormModal<ItemForm>(async (v) => {
    if (!communityId) return;
    const { active, ...rest } = v;
    const fields = { ...rest, name: v.name.trim() };
    if (editingId.current) await updateServiceItem(editingId.current, { ...fields, active: active ?? true });
    else await createServiceItem({ ...fields, communityId });
    message.success(T.saved);
    reload();
  });
  return (
    <Card
      title={T.menu.serviceItems}
      extra={
        <Space wrap>
          <CommunitySelect value={communityId} onChange={setCommunityId} autoPickFirst />
          <Button type="primary" icon={<PlusOutlined />} disabled={!communityId} onClick={() => { editingId.current = null; modal.open(); modal.form.setFieldsValue({ durationMin: 60, slotCapacity: 1 }); }}>
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
          { title: T.admin.itemName, dataIndex: 'name' },
          { title: T.admin.price, dataIndex: 'price', render: (p: number) => `¥${p}` },
          { title: T.admin.durationMin, dataIndex: 'durationMin' },
          { title: T.admin.slotCapacity, dataIndex: 'slotCapacity' },
          { title: T.admin.active, dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{T.admin.active}</Tag> : <Tag>{T.admin.inactive}</Tag>) },
          {
            title: T.ticket.actions,
            key: 'a',
            render: (_, s) => (
              <Space>
                <Button size="small" onClick={() => { editingId.current = s.id; modal.open({ name: s.name, price: s.price, durationMin: s.durationMin, slotCapacity: s.slotCapacity, active: s.active }); }}>{T.edit}</Button>
                <Button size="small" onClick={async () => { await updateServiceItem(s.id, { active: !s.active }); message.success(T.saved); reload(); }}>
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
          <Form.Item name="price" label={T.admin.price} rules={[{ required: true, message: T.required(T.admin.price) }]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="durationMin" label={T.admin.durationMin} rules={[{ required: true, message: T.required(T.admin.durationMin) }]}>
            <InputNumber min={30} max={480} step={30} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="slotCapacity" label={T.admin.slotCapacity} rules={[{ required: true, message: T.required(T.admin.slotCapacity) }]}>
            <InputNumber min={1} max={100} style={{ width: '100%' }} />
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
