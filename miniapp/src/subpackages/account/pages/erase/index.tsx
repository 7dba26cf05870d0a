import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import Button from '../../../../components/Button';
import { eraseMyData } from '../../../../api/me';
import { logOut } from '../../../../api/session';
import PageShell from '../../../../components/PageShell';
import { zh } from '../../../../i18n/zh';
import { ROUTES } from '../../../../routes';
import './index.scss';

function List({ title, items, tone }: { title: string; items: readonly string[]; tone: 'erased' | 'kept' }) {
  return (
    <View className={`card legal__section legal__section--${tone}`} data-testid={`erase-${tone}`}>
      <View className="legal__heading">{title}</View>
      {items.map((item) => (
        <View key={item} className="legal__item">
          <Text className="legal__bullet">•</Text>
          <Text>{item}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 我的 → 删除我的数据 (PIPL): says exactly what is erased and what stays, anonymised;
 * asks for an acknowledgement and a last confirmation; then erases at once and signs out.
 */
export default function EraseDataPage() {
  const [ack, setAck] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  const erase = async () => {
    if (inFlight.current) return;
    if (!ack) {
      setError(zh.erase.ackRequired);
      return;
    }
    const { confirm } = await Taro.showModal({
      title: zh.erase.confirmTitle,
      content: zh.erase.confirmBody,
      confirmText: zh.erase.submit,
      confirmColor: '#e5484d',
    });
    if (!confirm) return;
    inFlight.current = true;
    setBusy(true);
    const res = await eraseMyData();
    inFlight.current = false;
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      return;
    }
    logOut();
    void Taro.removeTabBarBadge({ index: 2 }).catch(() => undefined);
    void Taro.showToast({ title: zh.erase.done, icon: 'success' });
    setTimeout(() => void Taro.switchTab({ url: ROUTES.home }), 800);
  };

  return (
    <PageShell loading={false} error={null} hasData onRetry={() => undefined}>
      <View className="legal">
        <View className="legal__intro">{zh.erase.intro}</View>
        <List title={zh.erase.erasedTitle} items={zh.erase.erased} tone="erased" />
        <List title={zh.erase.keptTitle} items={zh.erase.kept} tone="kept" />
        <View className="legal__ack" data-testid="erase-ack" role="checkbox" aria-checked={ack} onClick={() => setAck((a) => !a)}>
          <Text className={`legal__check ${ack ? 'legal__check--on' : ''}`}>{ack ? '✓' : ''}</Text>
          <Text>{zh.erase.ack}</Text>
        </View>
        {error && (
          <View className="form-error legal__error" data-testid="form-error">
            {error}
          </View>
        )}
        <View className="section">
          <Button className="btn btn--danger btn--block" disabled={busy} onClick={() => void erase()}>
            {busy ? zh.common.submitting : zh.erase.submit}
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
