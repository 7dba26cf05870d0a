import { useCallback, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { listTickets, TICKET_TABS, type TicketTab } from '../../api/tickets';
import ListFooter from '../../components/ListFooter';
import PageShell from '../../components/PageShell';
import TicketCard from '../../components/TicketCard';
import { useOnReturn } from '../../hooks/useOnShow';
import { usePagedList } from '../../hooks/usePagedList';
import { zh } from '../../i18n/zh';
import { ROUTES } from '../../routes';
import './index.scss';

export default function TicketsPage() {
  const [tab, setTab] = useState<TicketTab>('all');
  const fetchPage = useCallback((cursor: string | null) => listTickets(tab, cursor), [tab]);
  const list = usePagedList(tab, fetchPage);

  useOnReturn(() => void list.refresh('quiet'));
  usePullDownRefresh(async () => {
    await list.refresh('pull');
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  return (
    <View className="tickets">
      <View className="tickets__tabs">
        {TICKET_TABS.map((t) => (
          <View key={t} className={`tickets__tab ${t === tab ? 'tickets__tab--on' : ''}`} data-testid={`tab-${t}`} onClick={() => setTab(t)}>
            {zh.tickets.tabs[t]}
          </View>
        ))}
      </View>
      <PageShell loading={list.loading} error={list.error} hasData={list.loaded} onRetry={() => void list.refresh('initial')}>
        <View className="section tickets__list">
          {list.items.map((t) => (
            <TicketCard key={t.id} ticket={t} />
          ))}
          <ListFooter
            loadingMore={list.loadingMore}
            hasMore={list.hasMore}
            error={list.moreError}
            empty={list.loaded && list.items.length === 0}
            emptyText={zh.tickets.empty}
            emptyAction={{ label: zh.tickets.goRepair, onClick: () => void Taro.navigateTo({ url: ROUTES.create('repair') }) }}
            onRetry={() => void (list.hasMore ? list.loadMore() : list.refresh('quiet'))}
          />
        </View>
      </PageShell>
    </View>
  );
}
