import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LABELS, type TicketSummary } from '@yizhan/shared';
import type { ReactNode } from 'react';
import { ROUTES } from '../../../routes';
import { formatClock, formatDateTime } from '../../../utils/time';
import { countdown, nextDeadline, sz } from '../staff';

/**
 * One request in a staff list: what, where, when the visit is, and the time left to the
 * next deadline as a live countdown (`now` ticks every second in the page).
 */
export default function StaffTicketCard({
  ticket,
  now,
  showVisit,
  children,
}: {
  ticket: TicketSummary;
  now: number;
  showVisit?: boolean;
  children?: ReactNode;
}) {
  const due = nextDeadline(ticket);
  const left = due ? countdown(due.at, now) : null;
  return (
    <View
      className="card staff-card"
      data-testid="staff-ticket"
      data-id={ticket.id}
      onClick={() => void Taro.navigateTo({ url: ROUTES.staffTicket(ticket.id) })}
    >
      <View className="staff-card__head">
        {ticket.priority === 'urgent' && <Text className="staff-tag staff-tag--urgent">{sz.ticket.urgent}</Text>}
        <Text className="staff-card__what">
          {LABELS.type[ticket.type]} · {ticket.category}
        </Text>
        <View className="flex-spacer" />
        <Text className="staff-tag">{LABELS.status[ticket.status]}</Text>
      </View>
      {showVisit && ticket.appointmentAt && (
        <View className="staff-card__visit" data-testid="visit-time">
          {sz.ticket.appointment} {formatClock(ticket.appointmentAt)}
        </View>
      )}
      <View className="staff-card__room">{ticket.location.label}</View>
      <View className="staff-card__desc">{ticket.description}</View>
      <View className="staff-card__meta">
        <Text className="muted">{ticket.no}</Text>
        {ticket.onHold ? (
          <Text className="staff-tag">{sz.ticket.onHold}</Text>
        ) : (
          left && (
            <Text className={left.late ? 'staff-countdown staff-countdown--late' : 'staff-countdown'} data-testid="countdown">
              {due!.label} {left.text}
            </Text>
          )
        )}
      </View>
      {!showVisit && ticket.appointmentAt && (
        <View className="muted staff-card__small">
          {sz.ticket.appointment} {formatDateTime(ticket.appointmentAt)}
        </View>
      )}
      {children && (
        <View className="staff-card__actions" onClick={(e) => e.stopPropagation()}>
          {children}
        </View>
      )}
    </View>
  );
}
