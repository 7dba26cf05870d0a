import { useCallback, useEffect } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Notice } from '@yizhan/shared';
import { listMyAnnouncements, markAllAnnouncementsRead } from '../../api/announcements';
import { listMyIncidents } from '../../api/incidents';
import AnnouncementList from '../../components/AnnouncementList';
import { listNotices, markAllNoticesRead, markNoticeRead } from '../../api/notices';
import IncidentList from '../../components/IncidentList';
import ListFooter from '../../components/ListFooter';
import { useAsync } from '../../hooks/useAsync';
import PageShell from '../../components/PageShell';
import { useOnReturn } from '../../hooks/useOnShow';
import { usePagedList } from '../../hooks/usePagedList';
import { refreshUnreadBadge } from '../../hooks/useUnreadNotices';
import { zh } from '../../i18n/zh';
import { ROUTES } from '../../routes';
import { formatDateTime } from '../../utils/time';
import './index.scss';

export default function NoticesPage() {
  const fetchPage = useCallback((cursor: string | null) => listNotices(cursor), []);
  const list = usePagedList<Notice>('notices', fetchPage);
  const incidents = useAsync(() => listMyIncidents(), []);
  const announcements = useAsync(() => listMyAnnouncements(), []);

  const refreshAll = useCallback(
    async (mode: 'pull' | 'quiet') => {
      await Promise.all([list.refresh(mode), incidents.reload(true), announcements.reload(true), refreshUnreadBadge()]);
    },
    [list, incidents, announcements],
  );

  const anyUnread = list.items.some((n) => n.readAt === null) || (announcements.data?.unread ?? 0) > 0;
  /** 全部已读: the inbox and the announcements. */
  const readAll = async () => {
    const [res, ann] = await Promise.all([markAllNoticesRead(), markAllAnnouncementsRead()]);
    void announcements.reload(true);
    if (!res.ok || !ann.ok) {
      void Taro.showToast({ title: !res.ok ? res.message : ann.ok ? '' : ann.message, icon: 'none' });
      return;
    }
    const now = new Date().toISOString();
    list.update((items) => items.map((n) => (n.readAt === null ? { ...n, readAt: now } : n)));
    void refreshUnreadBadge();
    void Taro.showToast({ title: zh.notices.readAllDone, icon: 'none' });
  };

  useEffect(() => {
    if (list.loaded) void refreshUnreadBadge();
  }, [list.loaded]);
  useOnReturn(() => void refreshAll('quiet'));
  usePullDownRefresh(async () => {
    await refreshAll('pull');
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  const open = async (notice: Notice) => {
    if (notice.readAt === null) {
      // Shown as read at once; the server call is repeated next time if it fails.
      list.update((items) => items.map((n) => (n.id === notice.id ? { ...n, readAt: new Date().toISOString() } : n)));
      void markNoticeRead(notice.id).then(() => refreshUnreadBadge());
    }
    if (notice.ticketId) void Taro.navigateTo({ url: ROUTES.detail(notice.ticketId) });
  };

  return (
    <PageShell loading={list.loading} error={list.error} hasData={list.loaded} onRetry={() => void list.refresh('initial')}>
      <View className="section notices">
        <IncidentList items={incidents.data?.items ?? []} />
        <AnnouncementList items={announcements.data?.items ?? []} onRead={() => void announcements.reload(true)} />
        {anyUnread && (
          <View className="notices__toolbar">
            <Text className="link" data-testid="read-all" onClick={() => void readAll()}>
              {zh.notices.readAll}
            </Text>
          </View>
        )}
        {list.items.map((n) => (
          <View key={n.id} className={`card notice ${n.readAt === null ? 'notice--unread' : ''}`} data-testid="notice" onClick={() => void open(n)}>
            <View className="notice__head">
              {n.readAt === null && <Text className="notice__dot" aria-label={zh.notices.unread} />}
              <Text className="notice__title">{n.title}</Text>
              <View className="flex-spacer" />
              <Text className="muted">{formatDateTime(n.createdAt)}</Text>
            </View>
            <View className="notice__body">{n.body}</View>
          </View>
        ))}
        <ListFooter
          loadingMore={list.loadingMore}
          hasMore={list.hasMore}
          error={list.moreError}
          empty={list.loaded && list.items.length === 0}
          emptyText={zh.notices.empty}
          emptyAction={{ label: zh.notices.goRepair, onClick: () => void Taro.navigateTo({ url: ROUTES.create('repair') }) }}
          onRetry={() => void (list.hasMore ? list.loadMore() : list.refresh('quiet'))}
        />
      </View>
    </PageShell>
  );
}
