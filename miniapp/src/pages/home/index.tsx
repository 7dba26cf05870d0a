import { useCallback, useEffect, useRef } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import Button from '../../components/Button';
import type { TicketSummary } from '@yizhan/shared';
import { listMyAnnouncements } from '../../api/announcements';
import { listMyIncidents } from '../../api/incidents';
import { fetchHotline } from '../../api/me';
import { currentSession } from '../../api/session';
import { listTickets } from '../../api/tickets';
import AnnouncementList from '../../components/AnnouncementList';
import CallButton from '../../components/CallButton';
import IncidentList from '../../components/IncidentList';
import PageShell from '../../components/PageShell';
import TicketCard from '../../components/TicketCard';
import { useAsync } from '../../hooks/useAsync';
import { chooseRoom, useMe } from '../../hooks/useMe';
import { useOnReturn } from '../../hooks/useOnShow';
import { useUnreadNotices } from '../../hooks/useUnreadNotices';
import { zh } from '../../i18n/zh';
import { ROUTES } from '../../routes';
import './index.scss';

type HotlineOfRoom = { roomId: string | null; hotline: { phone: string; label: string } | null };
type Shortcut = 'repair' | 'complaint' | 'home_service' | 'enquiry';
const SHORTCUTS: { type: Shortcut; icon: string }[] = [
  { type: 'repair', icon: '修' },
  { type: 'complaint', icon: '诉' },
  { type: 'home_service', icon: '约' },
  { type: 'enquiry', icon: '询' },
];

export default function HomePage() {
  const me = useMe();
  const open = useAsync(() => listTickets('open', null, 5), []);
  // Resolved, waiting for the resident to say it is done (it closes by itself otherwise): first on the page.
  const toConfirm = useAsync(() => listTickets('toConfirm', null, 5), []);
  const incidents = useAsync(() => listMyIncidents(), []);
  const announcements = useAsync(() => listMyAnnouncements(), []);
  const { unread, checked: unreadChecked, refresh: refreshUnread } = useUnreadNotices();
  const roomId = me.currentRoom?.roomId ?? null;
  // Tagged with its room, so the first paint can tell "no room yet" from "this room's answer".
  const hotline = useAsync<HotlineOfRoom>(async () => {
    if (!roomId) return { ok: true as const, status: 200, data: { roomId, hotline: null } };
    const res = await fetchHotline(roomId);
    return res.ok ? { ...res, data: { roomId, hotline: res.data.hotline } } : res;
  }, [roomId]);

  const loggedIn = me.status === 'ready';
  // With a session stored, the unread count is asked for at once, beside the other first
  // requests, rather than after "me" answers: the first paint waits for it (firstLoad).
  const unreadAsked = useRef(false);
  useEffect(() => {
    if (unreadAsked.current || !(loggedIn || currentSession())) return;
    unreadAsked.current = true;
    void refreshUnread();
  }, [loggedIn, refreshUnread]);

  const reloadAll = useCallback(async () => {
    await Promise.all([me.reload(true), open.reload(true), toConfirm.reload(true), incidents.reload(true), announcements.reload(true), refreshUnread()]);
  }, [me, open, toConfirm, incidents, announcements, refreshUnread]);

  useOnReturn(() => void reloadAll());
  usePullDownRefresh(async () => {
    await reloadAll();
    Taro.stopPullDownRefresh();
  });

  const goCreate = (type: Shortcut) => {
    if (!me.currentRoom) {
      void Taro.showToast({ title: zh.create.noApprovedRoom, icon: 'none' });
      void Taro.navigateTo({ url: ROUTES.bindRoom });
      return;
    }
    void Taro.navigateTo({ url: type === 'home_service' ? ROUTES.catalogue : ROUTES.create(type) });
  };

  const switchRoom = async () => {
    const rooms = me.approvedRooms;
    if (rooms.length < 2) return;
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: rooms.map((r) => r.label) });
      const room = rooms[tapIndex];
      if (room) {
        chooseRoom(room.roomId);
        void me.reload(true);
      }
    } catch {
      // Sheet dismissed.
    }
  };

  // The first visit shows the page once, whole: filled section by section as each answer
  // came back, the sections below jumped down one after another (layout shifts, which
  // Lighthouse and a reading thumb both notice). Refreshes keep the page on screen.
  const shown = useRef(false);
  const hotlinePending = hotline.status === 'loading' || (hotline.status === 'ready' && hotline.data.roomId !== roomId);
  const firstLoad =
    !shown.current &&
    me.status === 'ready' &&
    ([open, toConfirm, incidents, announcements].some((s) => s.status === 'loading') || hotlinePending || !unreadChecked);
  // Once shown, the page stays: a room switch or a refresh updates it in place.
  if (me.status === 'ready' && !firstLoad) shown.current = true;

  const openItems: TicketSummary[] = open.data?.items ?? [];
  const toConfirmItems: TicketSummary[] = toConfirm.data?.items ?? [];

  return (
    <PageShell loading={me.status === 'loading' || firstLoad} error={me.error} hasData={me.data !== null && !firstLoad} onRetry={() => void me.reload()}>
      <View className="home">
        <View className="home__hero">
          <View className="home__greeting">{zh.home.greeting}</View>
          {me.currentRoom ? (
            <View className="home__room" onClick={() => void switchRoom()}>
              <Text className="home__room-label">{me.currentRoom.label}</Text>
              {me.approvedRooms.length > 1 && <Text className="home__room-switch">{zh.home.switchRoom} ›</Text>}
            </View>
          ) : (
            <View className="home__room home__room--empty">
              <Text>{me.hasPendingRoom ? zh.home.pendingRoom : zh.home.noRoomBody}</Text>
              {!me.hasPendingRoom && (
                <Button className="btn btn--small home__bind" onClick={() => void Taro.navigateTo({ url: ROUTES.bindRoom })}>
                  {zh.home.bindRoom}
                </Button>
              )}
            </View>
          )}
        </View>

        <View className="home__shortcuts card">
          {SHORTCUTS.map((s) => (
            <View key={s.type} className="home__shortcut" data-testid={`shortcut-${s.type}`} onClick={() => goCreate(s.type)}>
              <View className={`home__shortcut-icon home__shortcut-icon--${s.type}`}>{s.icon}</View>
              <View className="home__shortcut-title">{zh.home.shortcuts[s.type].title}</View>
              <View className="home__shortcut-desc">{zh.home.shortcuts[s.type].desc}</View>
            </View>
          ))}
        </View>

        {toConfirmItems.length > 0 && (
          <View className="section" data-testid="home-to-confirm">
            <View className="section-title">
              <Text>{zh.home.toConfirmTitle(toConfirmItems.length)}</Text>
            </View>
            <View className="muted home__to-confirm-hint">{zh.home.toConfirmHint}</View>
            {toConfirmItems.map((t) => (
              <TicketCard key={t.id} ticket={t} />
            ))}
          </View>
        )}

        <View className="home__incidents">
          <IncidentList items={incidents.data?.items ?? []} />
        </View>
        {hotline.data?.hotline && (
          <View className="card home__call">
            <CallButton callable={hotline.data.hotline} testId="call-hotline" />
          </View>
        )}

        {unread > 0 && (
          <View className="home__notice card" onClick={() => void Taro.switchTab({ url: ROUTES.notices })}>
            <Text>{zh.home.noticesUnread(unread)}</Text>
            <Text className="badge">{unread}</Text>
          </View>
        )}

        <View className="section">
          <AnnouncementList items={announcements.data?.items ?? []} limit={3} onRead={() => void announcements.reload(true)} />
        </View>

        <View className="section">
          <View className="section-title">
            <Text>{zh.home.openTitle}</Text>
            <Text className="link" onClick={() => void Taro.switchTab({ url: ROUTES.tickets })}>
              {zh.home.viewAll} ›
            </Text>
          </View>
          {open.status === 'error' && openItems.length === 0 ? (
            <View className="card home__inline-error" onClick={() => void open.reload()}>
              {open.error.message}，{zh.common.loadMoreFailed}
            </View>
          ) : openItems.length === 0 && open.status === 'ready' ? (
            <View className="card muted home__empty">
              {zh.home.openEmpty}
              <Text className="link home__empty-action" onClick={() => goCreate('repair')}>
                {zh.home.goRepair} ›
              </Text>
            </View>
          ) : (
            openItems.map((t) => <TicketCard key={t.id} ticket={t} />)
          )}
        </View>
      </View>
    </PageShell>
  );
}
