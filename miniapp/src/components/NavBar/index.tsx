import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { isH5 } from '../../config';
import { zh } from '../../i18n/zh';
import { ROUTES, TAB_ROUTES } from '../../routes';
import './index.scss';

/**
 * The browser build's title bar (WeChat draws its own in the mini-program): the page's
 * title — the one Taro puts in `document.title` from the page config or
 * `setNavigationBarTitle` — and, on every page that is not a tab, a back button. A page
 * opened directly (a link from a notice, a reload) has nothing to go back to: back leads home.
 */
export default function NavBar() {
  const router = useRouter();
  const path = `/${(router.path ?? '').split('?')[0]!.replace(/^\/+/, '')}`;
  const [title, setTitle] = useState(() => (typeof document === 'undefined' ? '' : document.title));

  useEffect(() => {
    if (typeof document === 'undefined') return;
    const update = () => setTitle(document.title);
    update();
    // Taro sets document.title when a page shows and on setNavigationBarTitle.
    const observer = new MutationObserver(update);
    const head = document.querySelector('head');
    if (head) observer.observe(head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, []);

  if (!isH5() || TAB_ROUTES.includes(path)) return null;
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.switchTab({ url: ROUTES.home });
  };
  return (
    <View className="navbar" data-testid="navbar">
      <View className="navbar__back" role="button" aria-label={zh.common.back} onClick={back}>
        <Text className="navbar__chevron">‹</Text>
        <Text>{zh.common.back}</Text>
      </View>
      <View className="navbar__title">{title}</View>
      <View className="navbar__side" />
    </View>
  );
}
