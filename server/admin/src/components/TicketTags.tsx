import { LABELS, type Priority, type TicketStatus, type TicketType } from '@yizhan/shared';
import { Tag } from 'antd';
import { T } from '../strings';

const STATUS_COLOR: Record<TicketStatus, string> = {
  submitted: 'gold',
  accepted: 'blue',
  dispatched: 'geekblue',
  in_progress: 'processing',
  resolved: 'cyan',
  closed: 'green',
  revisited: 'success',
  cancelled: 'default',
};
const TYPE_COLOR: Record<TicketType, string> = { repair: 'blue', complaint: 'volcano', home_service: 'purple', enquiry: 'geekblue' };

export function StatusTag({ status, onHold }: { status: TicketStatus; onHold?: boolean }) {
  return (
    <>
      <Tag color={STATUS_COLOR[status]}>{LABELS.status[status]}</Tag>
      {onHold ? <Tag color="warning">{T.ticket.onHold}</Tag> : null}
    </>
  );
}

export function TypeTag({ type }: { type: TicketType }) {
  return <Tag color={TYPE_COLOR[type]}>{LABELS.type[type]}</Tag>;
}

export function PriorityTag({ priority }: { priority: Priority }) {
  return priority === 'urgent' ? <Tag color="red">{LABELS.priority.urgent}</Tag> : null;
}
