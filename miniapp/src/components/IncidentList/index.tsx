import { Text, View } from '@tarojs/components';
import type { ResidentIncident } from '../../api/incidents';
import { zh } from '../../i18n/zh';
import { formatDateTime } from '../../utils/time';
import './index.scss';

/**
 * Incidents in the resident's area (停水停电, 电梯停运 …): active first, then planned ones
 * announced ahead, then those resolved in the last day. Shown on the home page and in 消息.
 */
export default function IncidentList({ items }: { items: ResidentIncident[] }) {
  if (items.length === 0) return null;
  return (
    <View className="incidents" data-testid="incidents">
      {items.map((i) => (
        <View key={i.id} className={`card incident incident--${i.status}`} data-testid="incident">
          <View className="incident__head">
            <Text className={`incident__tag incident__tag--${i.status}`}>{zh.incidents.status[i.status]}</Text>
            <Text className="incident__title">{i.title}</Text>
          </View>
          <View className="incident__line">
            {i.status === 'resolved' && i.resolvedAt
              ? zh.incidents.resolved(formatDateTime(i.resolvedAt))
              : i.status === 'planned'
                ? zh.incidents.planned(formatDateTime(i.startsAt), formatDateTime(i.expectedEndAt))
                : zh.incidents.expected(formatDateTime(i.expectedEndAt))}
          </View>
          <View className="incident__line muted">
            {zh.incidents.area}：{i.areaLabel} · {zh.incidents.cause}：{i.cause}
          </View>
          {i.status === 'resolved' ? (
            i.resolution ? (
              <View className="incident__line muted">{i.resolution}</View>
            ) : null
          ) : (
            <View className="incident__hint">{i.status === 'planned' ? zh.incidents.plannedHint : zh.incidents.hint}</View>
          )}
        </View>
      ))}
    </View>
  );
}
