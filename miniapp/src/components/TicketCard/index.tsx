import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LABELS, type TicketSummary } from '@yizhan/shared';
import { zh } from '../../i18n/zh';
import { ROUTES } from '../../routes';
import { formatDateTime } from '../../utils/time';
import StatusTag from '../StatusTag';
import './index.scss';

export default function TicketCard({ ticket }: { ticket: TicketSummary }) {
  return (
    <View className="ticket-card card" data-testid="ticket-card" onClick={() => void Taro.navigateTo({ url: ROUTES.detail(ticket.id) })}>
      <View className="ticket-card__head">
        <Text className="ticket-card__type">
          {LABELS.type[ticket.type]} · {ticket.category}
        </Text>
        {ticket.priority === 'urgent' && <Text className="ticket-card__urgent">{zh.tickets.urgent}</Text>}
        <View className="flex-spacer" />
        <StatusTag status={ticket.status} />
      </View>
      <View className="ticket-card__desc">{ticket.description}</View>
      <View className="ticket-card__meta">
        <Text>{ticket.location.label}</Text>
        <Text>
          {zh.tickets.createdAt} {formatDateTime(ticket.createdAt)}
        </Text>
      </View>
    </View>
  );
}
