import { describeRemaining, LABELS, type SlaClock, type TicketSummary } from '@yizhan/shared';
import { Tooltip, Typography } from 'antd';
import { T } from '../strings';
import { fmtDateTime } from '../time';

/** Under this much time left, a deadline is shown as "即将超时". */
export const NEAR_DEADLINE_MS = 60 * 60 * 1000;

export type DeadlineLevel = 'overdue' | 'near' | 'ok';

type DeadlineTicket = Pick<TicketSummary, 'status' | 'deadlines' | 'overdue' | 'onHold'>;

/** The time limit the ticket is racing against in its current status, if any. */
export function currentDeadline(t: DeadlineTicket): { clock: SlaClock; at: string } | null {
  const d = t.deadlines;
  const pick = (...clocks: SlaClock[]) => {
    for (const clock of clocks) {
      const at = d[`${clock}By` as const];
      if (at) return { clock, at };
    }
    return null;
  };
  switch (t.status) {
    case 'submitted':
      return pick('respond');
    case 'accepted':
    case 'dispatched':
      return pick('onsite', 'resolve');
    case 'in_progress':
      return pick('resolve');
    case 'resolved':
      return pick('confirm');
    case 'closed':
      return pick('revisit');
    default:
      return null;
  }
}

export function deadlineLevel(t: DeadlineTicket, now: Date): DeadlineLevel | null {
  const current = currentDeadline(t);
  if (current && !t.onHold) {
    const left = new Date(current.at).getTime() - now.getTime();
    if (left < 0) return 'overdue';
    if (t.overdue.length > 0) return 'overdue';
    return left <= NEAR_DEADLINE_MS ? 'near' : 'ok';
  }
  return t.overdue.length > 0 ? 'overdue' : current ? 'ok' : null;
}

/** Row class for tables: overdue rows red, near-deadline rows amber. */
export function deadlineRowClass(t: DeadlineTicket, now: Date): string {
  const level = deadlineLevel(t, now);
  return level === 'overdue' ? 'row-overdue' : level === 'near' ? 'row-near' : '';
}

const COLOR: Record<DeadlineLevel, 'danger' | 'warning' | undefined> = { overdue: 'danger', near: 'warning', ok: undefined };

export function DeadlineCell({ ticket, now }: { ticket: DeadlineTicket; now: Date }) {
  const current = currentDeadline(ticket);
  if (!current) {
    return ticket.overdue.length > 0 ? <Typography.Text type="danger">{T.ticket.overdue}</Typography.Text> : <>{T.dash}</>;
  }
  if (ticket.onHold) return <Typography.Text type="secondary">{T.ticket.onHold}</Typography.Text>;
  const level = deadlineLevel(ticket, now) ?? 'ok';
  return (
    <Tooltip title={`${LABELS.clock[current.clock]}：${fmtDateTime(current.at)}`}>
      <Typography.Text type={COLOR[level]} strong={level !== 'ok'} data-level={level}>
        {LABELS.clock[current.clock].replace('时限', '')} · {describeRemaining(new Date(current.at), now)}
      </Typography.Text>
    </Tooltip>
  );
}

/** The clocks still ticking in a status (DESIGN §2); the others were met or missed already. */
export function runningClocksFor(status: TicketSummary['status']): SlaClock[] {
  switch (status) {
    case 'submitted':
      return ['respond', 'onsite', 'resolve'];
    case 'accepted':
    case 'dispatched':
      return ['onsite', 'resolve'];
    case 'in_progress':
      return ['resolve'];
    case 'resolved':
      return ['confirm', 'revisit'];
    case 'closed':
      return ['revisit'];
    default:
      return [];
  }
}
