import { ReloadOutlined } from '@ant-design/icons';
import { LABELS, type TicketSummary } from '@yizhan/shared';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CommunitySelect } from '../../../components/pickers';
import { TicketActions } from '../../../components/TicketActions';
import { TicketTable } from '../../../components/TicketTable';
import { useCursorPages } from '../../../hooks/useCursorPages';
import { useStaffEventListener } from '../../../hooks/useStaffEventListener';
import { listTickets } from '../../../services/tickets';
import { T } from '../../../strings';

/** Overdue tickets (首问负责制 rule 5): the supervisor chases the owner or transfers with a reason. */
export default function EscalationsPage() {
  const [communityId, setCommunityId] = useState<string | undefined>();
  const pager = useCursorPages<TicketSummary>(
    (cursor, limit) => listTickets({ overdue: true, communityId, sort: 'deadline' }, { cursor, limit }),
    [communityId],
  );
  useStaffEventListener((e) => {
    // Supervisors hear of breaches as escalations; either refreshes the inbox.
    if (e.type === 'sla.overdue' || e.type === 'sla.escalated') pager.reload();
  });
  return (
    <Card
      title={T.escalations.title}
      extra={
        <Space wrap>
          <CommunitySelect allowClear value={communityId} onChange={setCommunityId} />
          <Button icon={<ReloadOutlined />} onClick={pager.reload}>
            {T.refresh}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{T.escalations.hint}</Typography.Paragraph>
      <TicketTable
        pager={pager}
        hide={['channel', 'description']}
        extra={[
          {
            title: T.ticket.overdue,
            key: 'overdueClocks',
            render: (_, t) => t.overdue.map((c) => <Tag key={c} color="red">{LABELS.clock[c]}</Tag>),
          },
          {
            title: T.ticket.actions,
            key: 'transfer',
            fixed: 'right',
            render: (_, t) => <TicketActions ticket={t} only={['transfer']} onDone={pager.reload} />,
          },
        ]}
      />
    </Card>
  );
}
