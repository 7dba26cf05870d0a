import { ReloadOutlined } from '@ant-design/icons';
import { LABELS, type TicketStatus, type TicketSummary } from '@yizhan/shared';
import { App, Badge, Button, Card, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { TicketTable } from '../../../components/TicketTable';
import { useAsync } from '../../../hooks/useAsync';
import { useCursorPages } from '../../../hooks/useCursorPages';
import { useStaffEventListener } from '../../../hooks/useStaffEventListener';
import { claimTicket, countTickets, listTickets } from '../../../services/tickets';
import { showError, toApiError } from '../../../services/request';
import { T } from '../../../strings';

const MY_TABS: TicketStatus[] = ['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'closed'];
type DeskTab = (typeof MY_TABS)[number];

/**
 * The agent's desk: the tickets they own, tab by tab in life-cycle order, and the
 * community pool where a request waits when nobody was on duty.
 */
export default function DeskPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [tab, setTab] = useState<DeskTab>('submitted');
  const [claiming, setClaiming] = useState<string | null>(null);

  const mine = useCursorPages<TicketSummary>((cursor, limit) => listTickets({ mine: 'owner', status: tab, sort: 'deadline' }, { cursor, limit }), [tab]);
  // Most pressing first (breached, then by time left on the running clock), in the pool as on my tabs.
  const pool = useCursorPages<TicketSummary>(
    (cursor, limit) => listTickets({ unowned: true, status: 'submitted', sort: 'deadline' }, { cursor, limit }),
    [],
    10,
  );
  const counts = useAsync(() => countTickets({ mine: 'owner' }), [tab]);

  useStaffEventListener(() => {
    mine.reload();
    pool.reload();
    void counts.reload();
  });

  const claim = async (ticket: TicketSummary) => {
    setClaiming(ticket.id);
    try {
      await claimTicket(ticket.id);
      message.success(T.actionForm.claimed);
      pool.reload();
      mine.reload();
      void counts.reload();
      navigate(`/tickets/${ticket.id}`);
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'ALREADY_OWNED') {
        message.warning(T.actionForm.alreadyOwned);
        // Someone else got it first: drop it from the pool at once.
        pool.setItems((items) => items.filter((t) => t.id !== ticket.id));
        pool.reload();
      } else showError(err);
    } finally {
      setClaiming(null);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={T.desk.pool}
        extra={
          <Button icon={<ReloadOutlined />} onClick={pool.reload}>
            {T.refresh}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{T.desk.poolHint}</Typography.Paragraph>
        <TicketTable
          pager={pool}
          hide={['owner', 'assignee', 'channel']}
          extra={[
            {
              title: T.ticket.actions,
              key: 'claim',
              fixed: 'right',
              render: (_, t) => (
                <Button type="primary" size="small" loading={claiming === t.id} onClick={() => claim(t)}>
                  {LABELS.action.claim}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={T.desk.mine}
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              mine.reload();
              void counts.reload();
            }}
          >
            {T.refresh}
          </Button>
        }
      >
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as DeskTab)}
          items={MY_TABS.map((s) => {
            const n = counts.data?.byStatus[s];
            return {
              key: s,
              label: (
                <span data-testid={`tab-${s}`}>
                  {T.desk.tabs[s as keyof typeof T.desk.tabs]}
                  {n ? <Badge count={n} overflowCount={999} color={s === 'submitted' ? 'red' : 'blue'} style={{ marginLeft: 6 }} /> : null}
                </span>
              ),
            };
          })}
        />
        <TicketTable pager={mine} hide={['owner']} />
      </Card>
    </Space>
  );
}
