import type { AuditLogEntry } from '@yizhan/shared';
import { Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { CursorTable } from '../../../components/CursorTable';
import { useCursorPages } from '../../../hooks/useCursorPages';
import { listAuditLogs } from '../../../services/admin';
import { T } from '../../../strings';
import { fmtDateTime } from '../../../time';

export default function AuditLogsPage() {
  const [action, setAction] = useState('');
  const [targetType, setTargetType] = useState('');
  const pager = useCursorPages<AuditLogEntry>(
    (cursor, limit) => listAuditLogs({ action: action || undefined, targetType: targetType || undefined }, { cursor, limit }),
    [action, targetType],
    50,
  );
  return (
    <Card
      title={T.menu.auditLogs}
      extra={
        <Space wrap>
          <Input.Search allowClear placeholder={T.admin.auditAction} onSearch={(v) => setAction(v.trim())} style={{ width: 180 }} />
          <Input.Search allowClear placeholder={T.admin.auditTarget} onSearch={(v) => setTargetType(v.trim())} style={{ width: 180 }} />
        </Space>
      }
    >
      <CursorTable<AuditLogEntry>
        pager={pager}
        rowKey="id"
        columns={[
          { title: T.admin.auditAt, dataIndex: 'at', render: fmtDateTime, width: 160 },
          { title: T.admin.auditActor, dataIndex: ['actor', 'name'] },
          { title: T.admin.auditAction, dataIndex: 'action' },
          { title: T.admin.auditTarget, key: 't', render: (_, e) => `${e.targetType}${e.targetId ? ` #${e.targetId}` : ''}` },
          {
            title: T.admin.auditDetail,
            dataIndex: 'detail',
            render: (d: AuditLogEntry['detail']) =>
              d ? (
                <Typography.Text code ellipsis={{ tooltip: JSON.stringify(d) }} style={{ maxWidth: 320 }}>
                  {JSON.stringify(d)}
                </Typography.Text>
              ) : (
                T.dash
              ),
          },
          { title: T.admin.auditIp, dataIndex: 'ip', render: (ip: string | null) => ip ?? T.dash },
        ]}
      />
    </Card>
  );
}
