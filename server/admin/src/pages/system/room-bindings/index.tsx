import { LABELS, type RoomBinding, type RoomBindingStatus } from '@yizhan/shared';
import { App, Button, Card, Popconfirm, Segmented, Space, Tag } from 'antd';
import { useState } from 'react';
import { CursorTable } from '../../../components/CursorTable';
import { useCursorPages } from '../../../hooks/useCursorPages';
import { approveRoomBinding, listRoomBindings, rejectRoomBinding } from '../../../services/admin';
import { T } from '../../../strings';
import { fmtDateTime } from '../../../time';

/** Residents whose name + phone did not match the roster wait here for an agent to check. */
export default function RoomBindingsPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<RoomBindingStatus>('pending');
  const pager = useCursorPages<RoomBinding>((cursor, limit) => listRoomBindings({ status }, { cursor, limit }), [status]);
  const drop = (id: string) => pager.setItems((items) => items.filter((b) => b.id !== id));

  return (
    <Card
      title={T.menu.bindings}
      extra={
        <Segmented<RoomBindingStatus>
          value={status}
          onChange={setStatus}
          options={(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: LABELS.bindingStatus[s] }))}
        />
      }
    >
      <CursorTable<RoomBinding>
        pager={pager}
        rowKey="id"
        columns={[
          { title: T.admin.applicant, dataIndex: 'name' },
          { title: T.admin.phone, dataIndex: 'phoneMasked' },
          { title: T.ticket.room, dataIndex: 'roomLabel' },
          { title: T.admin.appliedAt, dataIndex: 'createdAt', render: fmtDateTime },
          { title: T.ticket.status, dataIndex: 'status', render: (s: RoomBindingStatus) => <Tag>{LABELS.bindingStatus[s]}</Tag> },
          {
            title: T.ticket.actions,
            key: 'a',
            render: (_, b) =>
              b.status === 'pending' ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={async () => {
                      await approveRoomBinding(b.id);
                      message.success(T.admin.approved);
                      drop(b.id);
                    }}
                  >
                    {T.admin.approve}
                  </Button>
                  <Popconfirm
                    title={T.admin.rejectConfirm}
                    okText={T.admin.reject}
                    okButtonProps={{ danger: true }}
                    onConfirm={async () => {
                      await rejectRoomBinding(b.id);
                      message.success(T.admin.rejected);
                      drop(b.id);
                    }}
                  >
                    <Button size="small" danger>
                      {T.admin.reject}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
