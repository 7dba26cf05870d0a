import type { TicketSummary } from '@yizhan/shared';
import { LABELS } from '@yizhan/shared';
import { Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useNow } from '../hooks/useNow';
import type { useCursorPages } from '../hooks/useCursorPages';
import { T } from '../strings';
import { fmtDateTime, fmtShortDateTime } from '../time';
import { CursorTable } from './CursorTable';
import { DeadlineCell, deadlineRowClass } from './deadline';
import { PriorityTag, StatusTag, TypeTag } from './TicketTags';

type Pager = ReturnType<typeof useCursorPages<TicketSummary>>;

export function ticketColumns(now: Date): TableColumnsType<TicketSummary> {
  return [
    {
      title: T.ticket.no,
      key: 'no',
      dataIndex: 'no',
      fixed: 'left',
      // The urgent mark under the number, so the column is as narrow as a number.
      render: (no: string, t) => (
        <>
          <Link to={`/tickets/${t.id}`} style={{ whiteSpace: 'nowrap' }}>
            {no}
          </Link>
          {t.priority === 'urgent' && (
            <div>
              <PriorityTag priority={t.priority} />
            </div>
          )}
        </>
      ),
    },
    {
      // Type and category in one column: two narrow columns cost the width the time limit needs.
      title: T.ticket.typeAndCategory,
      key: 'type',
      dataIndex: 'type',
      render: (_, t) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <TypeTag type={t.type} />
          {t.category}
        </span>
      ),
    },
    {
      title: T.ticket.description,
      key: 'description',
      dataIndex: 'description',
      render: (d: string) => (
        <Typography.Text ellipsis={{ tooltip: d }} style={{ maxWidth: 180 }}>
          {d}
        </Typography.Text>
      ),
    },
    { title: T.ticket.room, key: 'room', dataIndex: ['room', 'label'] },
    { title: T.ticket.status, key: 'status', dataIndex: 'status', render: (_, t) => <StatusTag status={t.status} onHold={t.onHold} /> },
    {
      title: T.ticket.owner,
      key: 'owner',
      dataIndex: ['owner', 'name'],
      render: (name?: string) => name ?? <Typography.Text type="warning">{T.ticket.unowned}</Typography.Text>,
    },
    { title: T.ticket.assignee, key: 'assignee', dataIndex: ['assignee', 'name'], render: (name?: string) => name ?? T.dash },
    { title: T.ticket.deadline, key: 'deadline', render: (_, t) => <DeadlineCell ticket={t} now={now} stacked /> },
    { title: T.ticket.channel, key: 'channel', dataIndex: 'channel', render: (c: TicketSummary['channel']) => LABELS.channel[c] },
    {
      title: T.ticket.createdAt,
      key: 'createdAt',
      dataIndex: 'createdAt',
      render: (at: string) => (
        <Tooltip title={fmtDateTime(at)}>
          <span style={{ whiteSpace: 'nowrap' }}>{fmtShortDateTime(at, now)}</span>
        </Tooltip>
      ),
    },
  ];
}

/** The ticket list used by the desk, the list page and the escalations inbox. */
export function TicketTable({ pager, extra, hide = [] }: { pager: Pager; extra?: TableColumnsType<TicketSummary>; hide?: string[] }) {
  const now = useNow();
  const columns = ticketColumns(now).filter((c) => !hide.includes(String(c.key)));
  return (
    <CursorTable<TicketSummary>
      pager={pager}
      rowKey="id"
      columns={[...columns, ...(extra ?? [])]}
      rowClassName={(t) => deadlineRowClass(t, now)}
      locale={{ emptyText: T.empty }}
    />
  );
}
