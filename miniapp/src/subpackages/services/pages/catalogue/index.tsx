import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import Button from '../../../../components/Button';
import type { ServiceItem } from '@yizhan/shared';
import { listServiceItems } from '../../../../api/services';
import type { ApiResult } from '../../../../api/result';
import PageShell from '../../../../components/PageShell';
import { useAsync } from '../../../../hooks/useAsync';
import { useMe } from '../../../../hooks/useMe';
import { zh } from '../../../../i18n/zh';
import { ROUTES } from '../../../../routes';
import './index.scss';

/** Minutes after midnight as "09:00". */
const clockOf = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

const noItems: ApiResult<{ items: ServiceItem[] }> = { ok: true, status: 200, data: { items: [] } };

export default function CataloguePage() {
  const me = useMe();
  const communityId = me.currentRoom?.communityId ?? null;
  const items = useAsync(() => (communityId ? listServiceItems(communityId) : Promise.resolve(noItems)), [communityId]);

  const loading = me.status === 'loading' || (communityId !== null && items.status === 'loading');
  const error = me.error ?? items.error;
  const list = (items.data?.items ?? []).filter((i) => i.active !== false);

  return (
    <PageShell loading={loading} error={error} hasData={me.data !== null && items.data !== null} onRetry={() => void (me.error ? me.reload() : items.reload())}>
      <View className="section catalogue">
        {!me.currentRoom && (
          <View className="card catalogue__empty">
            <View>{zh.create.noApprovedRoom}</View>
            <Button className="btn btn--primary btn--small catalogue__bind" onClick={() => void Taro.navigateTo({ url: ROUTES.bindRoom })}>
              {zh.home.bindRoom}
            </Button>
          </View>
        )}
        {me.currentRoom && list.length === 0 && <View className="card catalogue__empty muted">{zh.services.catalogueEmpty}</View>}
        {list.map((item) => (
          <View key={item.id} className="card catalogue__item" data-testid="service-item" onClick={() => void Taro.navigateTo({ url: ROUTES.book(item.id) })}>
            {item.photo && <Image className="catalogue__photo" src={item.photo.thumbUrl} mode="aspectFill" data-testid="service-photo" />}
            <View className="catalogue__info">
              <View className="catalogue__name">{item.name}</View>
              {item.description && <View className="catalogue__desc">{item.description}</View>}
              <View className="muted catalogue__meta">
                {zh.services.duration(item.durationMin)} · {zh.services.hours(clockOf(item.slotsFromMin), clockOf(item.slotsUntilMin))}
              </View>
            </View>
            <Text className="catalogue__price">{zh.common.yuan(item.price)}</Text>
            <Button className="btn btn--primary btn--small">{zh.services.book}</Button>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
