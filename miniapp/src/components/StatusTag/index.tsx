import { Text } from '@tarojs/components';
import { LABELS, type TicketStatus } from '@yizhan/shared';
import './index.scss';

export default function StatusTag({ status }: { status: TicketStatus }) {
  return <Text className={`status-tag status-tag--${status}`}>{LABELS.status[status]}</Text>;
}
