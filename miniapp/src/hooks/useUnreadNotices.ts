import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { listNotices } from '../api/notices';

const NOTICES_TAB_INDEX = 2;
/** The latest notices the unread count looks at (also asked for at launch, api/first-page.ts). */
export const UNREAD_COUNTED = 50;

/** Unread notices among the latest ones, shown on the 消息 tab and the home page. */
export async function refreshUnreadBadge(): Promise<number | null> {
  const res = await listNotices(null, UNREAD_COUNTED);
  if (!res.ok) return null;
  const unread = res.data.items.filter((n) => n.readAt === null).length;
  try {
    if (unread > 0) {
      await Taro.setTabBarBadge({ index: NOTICES_TAB_INDEX, text: unread >= UNREAD_COUNTED ? `${UNREAD_COUNTED - 1}+` : String(unread) });
    } else {
      await Taro.removeTabBarBadge({ index: NOTICES_TAB_INDEX });
    }
  } catch {
    // Not on a tab page right now: the badge is refreshed when a tab page shows.
  }
  return unread;
}

export function useUnreadNotices() {
  const [unread, setUnread] = useState(0);
  /** Has the first count come back (or failed)? The home page waits for it before showing. */
  const [checked, setChecked] = useState(false);
  const refresh = useCallback(async () => {
    const n = await refreshUnreadBadge();
    if (n !== null) setUnread(n);
    setChecked(true);
  }, []);
  return { unread, checked, refresh };
}
