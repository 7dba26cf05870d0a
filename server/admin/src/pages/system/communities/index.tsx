import { PlusOutlined } from '@ant-design/icons';
import type { Community } from '@yizhan/shared';
import { App, Button, Card, Form, Input, Space } from 'antd';
import { useRef } from 'react';
import { Link } from 'react-router-dom';
import { CursorTable } from '../../../components/CursorTable';
import { useFormModal } from '../../../components/FormModal';
import { forgetCommunities } from '../../../components/pickers';
import { useCursorPages } from '../../../hooks/useCursorPages';
import { createCommunity, listCommunities, updateCommunity, type CommunityInput } from '../../../services/admin';
import { T } from '../../../strings';

export default function CommunitiesPage() {
  const { message } = App.useApp();
  const pager = useCursorPages<Community>((cursor, limit) => listCommunities({ cursor, limit }), []);
  const editingId = useRef<string | null>(null);
  const modal = useFormModal<CommunityInput>(async (v) => {
    const body = { name: v.name.trim(), address: v.address?.trim() || null };
    if (editingId.current) await updateCommunity(editingId.current, body);
    else await createCommunity(body);
    forgetCommunities();
    message.success(T.saved);
    pager.reload();
  });

  return (
    <Card
      title={T.menu.communities}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            editingId.current = null;
            modal.open();
          }}
        >
          {T.create}
        </Button>
      }
    >
      <CursorTable<Community>
        pager={pager}
        rowKey="id"
        columns={[
          { title: T.admin.communityName, dataIndex: 'name', render: (name: string, c) => <Link to={`/system/communities/${c.id}`}>{name}</Link> },
          { title: T.admin.address, dataIndex: 'address', render: (a: string | null) => a ?? T.dash },
          {
            title: T.ticket.actions,
            key: 'actions',
            render: (_, c) => (
              <Space>
                <Link to={`/system/communities/${c.id}`}>
                  {T.admin.zones} / {T.admin.buildings} / {T.admin.rooms}
                </Link>
                <Button
                  size="small"
                  onClick={() => {
                    editingId.current = c.id;
                    modal.open({ name: c.name, address: c.address });
                  }}
                >
                  {T.edit}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {modal.render(
        T.admin.communities,
        <>
          <Form.Item name="name" label={T.admin.communityName} rules={[{ required: true, whitespace: true, message: T.required(T.admin.communityName) }]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="address" label={T.admin.address}>
            <Input maxLength={200} />
          </Form.Item>
        </>,
      )}
    </Card>
  );
}
