import { Text, View } from '@tarojs/components';
import { dismissQueued, flushQueue } from '../../../api/staff-queue';
import { sz } from '../staff';
import { useStaffQueue } from '../useStaffQueue';

/** What waits on the phone for a network, and what the server refused, with the reason. */
export default function QueueBanner() {
  const entries = useStaffQueue();
  const waiting = entries.filter((e) => !e.error);
  const refused = entries.filter((e) => e.error);
  if (!entries.length) return null;
  return (
    <View className="staff-queue" data-testid="queue-banner">
      {waiting.length > 0 && (
        <View className="staff-queue__row">
          <Text>{sz.queue.waiting(waiting.length)}</Text>
          <Text className="link" onClick={() => void flushQueue()}>
            {sz.queue.sendNow}
          </Text>
        </View>
      )}
      {refused.map((e) => (
        <View key={e.key} className="staff-queue__row staff-queue__row--refused">
          <Text>{sz.queue.refused(e.ticketNo, e.error!)}</Text>
          <Text className="link" onClick={() => dismissQueued(e.key)}>
            {sz.queue.dismiss}
          </Text>
        </View>
      ))}
    </View>
  );
}
