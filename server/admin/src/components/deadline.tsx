import { describeRemaining, LABELS, type TicketSummary } from '@yizhan/shared';
import { Tooltip, Typography } from 'antd';
import { T } from '../strings';
import { fmtDateTime } from '../time';

export type DeadlineLevel = 'overdue' | 'near' | 'ok';

type DeadlineTicket = Pick<TicketSummary, 'clock' | 'overdue' | 'onHold'>;

/**
 * How the ticket's time limit stands now. The server says which clock runs and how it
 * stood when the page was loaded (`clock`, judged with its own warn lead, SLA_WARN_LEAD_SEC);
 * this only moves that on as the minutes pass (`warnAt`, `dueAt`), so a row turns amber
 * and then red without a reload. A breach already recorded stays red, held or not.
 */
export function deadlineLevel(t: DeadlineTicket, now: Date): DeadlineLevel | null {
  const clock = t.clock;
  if (!clock) return t.overdue.length > 0 ? 'overdue' : null;
  if (clock.state === 'breached' || t.overdue.length > 0) return 'overdue';
  if (clock.state === 'paused') return 'ok';
  if (now.getTime() > new Date(clock.dueAt).getTime()) return 'overdue';
  if (clock.state === 'warning' || now.getTime() >= new Date(clock.warnAt).getTime()) return 'near';
  return 'ok';
}

/** Row class for tables: overdue rows red, near-deadline rows amber. */
export function deadlineRowClass(t: DeadlineTicket, now: Date): string {
  const level = deadlineLevel(t, now);
  return level === 'overdue' ? 'row-overdue' : level === 'near' ? 'row-near' : '';
}

const COLOR: Record<DeadlineLevel, 'danger' | 'warning' | undefined> = { overdue: 'danger', near: 'warning', ok: undefined };
export const deadlineColor = (level: DeadlineLevel | null) => (level ? COLOR[level] : undefined);

/** The running clock and the time left; `stacked` puts the clock's name on a second line (tables). */
export function DeadlineCell({ ticket, now, stacked = false }: { ticket: DeadlineTicket; now: Date; stacked?: boolean }) {
  const clock = ticket.clock;
  if (!clock) {
    return ticket.overdue.length > 0 ? <Typography.Text type="danger">{T.ticket.overdue}</Typography.Text> : <>{T.dash}</>;
  }
  if (clock.state === 'paused') return <Typography.Text type="secondary">{T.ticket.onHold}</Typography.Text>;
  const level = deadlineLevel(ticket, now) ?? 'ok';
  return (
    <Tooltip title={`${LABELS.clock[clock.name]}：${fmtDateTime(clock.dueAt)}`}>
      {stacked ? (
        <span style={{ display: 'inline-block', whiteSpace: 'nowrap' }}>
          <Typography.Text type={COLOR[level]} strong={level !== 'ok'} data-level={level}>
            {describeRemaining(new Date(clock.dueAt), now)}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {LABELS.clock[clock.name]}
          </Typography.Text>
        </span>
      ) : (
        <Typography.Text type={COLOR[level]} strong={level !== 'ok'} data-level={level}>
          {LABELS.clock[clock.name].replace('时限', '')} · {describeRemaining(new Date(clock.dueAt), now)}
        </Typography.Text>
      )}
    </Tooltip>
  );
}
