import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import Button from '../../components/Button';
import { LABELS } from '@yizhan/shared';
import { bindWechatPhone } from '../../api/me';
import { logOut } from '../../api/session';
import PageShell from '../../components/PageShell';
import { isWeapp } from '../../config';
import { useMe } from '../../hooks/useMe';
import { useOnReturn } from '../../hooks/useOnShow';
import { zh } from '../../i18n/zh';
import { ROUTES } from '../../routes';
import './index.scss';

export default function MePage() {
  const me = useMe();
  const [bindingPhone, setBindingPhone] = useState(false);
  useOnReturn(() => void me.reload(true));

  const onPhone = async (code: string | undefined) => {
    if (!code) {
      void Taro.showToast({ title: zh.me.phoneDenied, icon: 'none' });
      return;
    }
    setBindingPhone(true);
    const res = await bindWechatPhone(code);
    setBindingPhone(false);
    if (!res.ok) {
      void Taro.showToast({ title: res.message, icon: 'none' });
      return;
    }
    void Taro.showToast({ title: zh.me.phoneBound, icon: 'success' });
    if (me.data) me.setData({ ...me.data, phoneMasked: res.data.phoneMasked });
  };

  const onLogout = async () => {
    const { confirm } = await Taro.showModal({ title: zh.me.logout, content: zh.me.logoutConfirm });
    if (!confirm) return;
    logOut();
    void Taro.removeTabBarBadge({ index: 2 }).catch(() => undefined);
    void Taro.showToast({ title: zh.me.loggedOut, icon: 'none' });
    void me.reload();
  };

  const rooms = me.data?.rooms ?? [];
  return (
    <PageShell loading={me.status === 'loading'} error={me.error} hasData={me.data !== null} onRetry={() => void me.reload()}>
      <View className="me">
        <View className="me__header">
          <View className="me__avatar">家</View>
          <View>
            <View className="me__name">{me.currentRoom?.label ?? zh.appName}</View>
            <View className="me__phone">
              {zh.me.phone}：{me.data?.phoneMasked ?? zh.me.phoneNotBound}
            </View>
          </View>
        </View>

        <View className="section">
          <View className="card me__row">
            <Text>{zh.me.phone}</Text>
            {isWeapp() ? (
              <Button
                className="btn btn--small btn--ghost"
                openType="getPhoneNumber"
                disabled={bindingPhone}
                onGetPhoneNumber={(e) => void onPhone((e.detail as { code?: string }).code)}
              >
                {me.data?.phoneMasked ? me.data.phoneMasked : zh.me.bindPhone}
              </Button>
            ) : (
              <Text className="muted">{me.data?.phoneMasked ?? zh.me.phoneH5Hint}</Text>
            )}
          </View>

          <View className="section-title">
            <Text>{zh.me.rooms}</Text>
            <Text className="link" onClick={() => void Taro.navigateTo({ url: ROUTES.bindRoom })}>
              {zh.me.addRoom} ›
            </Text>
          </View>
          {rooms.length === 0 && <View className="card muted">{zh.me.roomsEmpty}</View>}
          {rooms.map((r) => (
            <View key={r.roomId} className="card me__row" data-testid="my-room">
              <Text>{r.label}</Text>
              <Text className={`me__room-status me__room-status--${r.status}`}>{LABELS.bindingStatus[r.status]}</Text>
            </View>
          ))}

          <View className="card me__row me__link" onClick={() => void Taro.navigateTo({ url: ROUTES.privacy })}>
            <Text>{zh.me.privacy}</Text>
            <Text className="muted">›</Text>
          </View>
          <View className="card me__row me__link" data-testid="erase-data" onClick={() => void Taro.navigateTo({ url: ROUTES.eraseData })}>
            <Text>{zh.me.eraseData}</Text>
            <Text className="muted">›</Text>
          </View>
          <View className="card me__row me__link" data-testid="staff-entry" onClick={() => void Taro.navigateTo({ url: ROUTES.staffHome })}>
            <Text>{zh.me.staffEntry}</Text>
            <Text className="muted">›</Text>
          </View>
          <Button className="btn btn--danger btn--block me__logout" onClick={() => void onLogout()}>
            {zh.me.logout}
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
