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

/**
 * Overdue tickets (首问负责制 rule 5) and those about to be, in every community the
 * supervisor looks after unless one is picked: the supervisor chases the owner or
 * transfers with a reason.
 */
export default function EscalationsPage() {
  const [communityId, setCommunityId] = useState<string | undefined>();
  const overdue = useCursorPages<TicketSummary>(
    (cursor, limit) => listTickets({ overdue: true, communityId, sort: 'deadline' }, { cursor, limit }),
    [communityId],
  );
  const atRisk = useCursorPages<TicketSummary>(
    (cursor, limit) => listTickets({ atRisk: true, communityId, sort: 'deadline' }, { cursor, limit }),
    [communityId],
    10,
  );
  const reload = () => {
    overdue.reload();
    atRisk.reload();
  };
  useStaffEventListener((e) => {
    // Supervisors hear of warnings, breaches and escalations; any of them refreshes the inbox.
    if (e.type === 'sla.overdue' || e.type === 'sla.escalated' || e.type === 'sla.warning') reload();
  });
  const transfer = (pager: typeof overdue) => ({
    title: T.ticket.actions,
    key: 'transfer',
    fixed: 'right' as const,
    render: (_: unknown, t: TicketSummary) => <TicketActions ticket={t} only={['transfer']} onDone={pager.reload} />,
  });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={T.escalations.title}
        extra={
          <Space wrap>
            <CommunitySelect allowClear placeholder={T.escalations.allCommunities} value={communityId} onChange={setCommunityId} />
            <Button icon={<ReloadOutlined />} onClick={reload}>
              {T.refresh}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{T.escalations.hint}</Typography.Paragraph>
        <TicketTable
          pager={overdue}
          hide={['channel', 'description']}
          extra={[
            {
              title: T.ticket.overdue,
              key: 'overdueClocks',
              render: (_, t) =>
                t.overdue.map((c) => (
                  <Tag key={c} color="red">
                    {LABELS.clock[c]}
                  </Tag>
                )),
            },
            transfer(overdue),
          ]}
        />
      </Card>
      <Card title={T.escalations.atRisk}>
        <Typography.Paragraph type="secondary">{T.escalations.atRiskHint}</Typography.Paragraph>
        <TicketTable pager={atRisk} hide={['channel', 'description']} extra={[transfer(atRisk)]} />
      </Card>
    </Space>
  );
}
