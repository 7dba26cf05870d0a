import { useCallback, useEffect, useMemo, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { StaffProfile, StaffRole, TicketSummary } from '@yizhan/shared';
import Button from '../../../../components/Button';
import PageShell from '../../../../components/PageShell';
import type { ApiFailure } from '../../../../api/result';
import { LOGIN_REQUIRED } from '../../../../api/result';
import { submitAction } from '../../../../api/staff-queue';
import { currentStaffSession, signInSilently, signOutStaff } from '../../../../api/staff-session';
import { listStaffTickets, type StaffTicketQuery } from '../../../../api/staff-tickets';
import { useOnReturn } from '../../../../hooks/useOnShow';
import { ROUTES } from '../../../../routes';
import QueueBanner from '../../components/QueueBanner';
import StaffTicketCard from '../../components/StaffTicketCard';
import { byUrgencyAndTimeLeft, roleLabel, sz, technicianDay } from '../../staff';
import { useNow } from '../../useNow';
import '../../staff.scss';

type Tab = keyof typeof sz.home.tabs;

/** The lists each role works from, in the order of its tabs. */
const TABS_BY_ROLE: Record<StaffRole, Tab[]> = {
  technician: ['visits', 'others'],
  agent: ['pool', 'mine'],
  supervisor: ['escalated', 'atRisk', 'pool', 'mine'],
  admin: ['escalated', 'atRisk'],
};

export function tabsFor(roles: StaffRole[]): Tab[] {
  // A supervisor's escalations come before the pool they share with the agents.
  const order: StaffRole[] = ['technician', 'supervisor', 'admin', 'agent'];
  return [...new Set(order.filter((r) => roles.includes(r)).flatMap((r) => TABS_BY_ROLE[r]))];
}

const QUERIES: Record<Tab, StaffTicketQuery> = {
  visits: { mine: 'assignee', stage: 'open', sort: 'deadline', limit: 100 },
  others: { mine: 'assignee', stage: 'open', sort: 'deadline', limit: 100 },
  pool: { unowned: true, stage: 'open', sort: 'deadline', limit: 100 },
  mine: { mine: 'owner', stage: 'open', sort: 'deadline', limit: 100 },
  escalated: { overdue: true, stage: 'open', sort: 'deadline', limit: 100 },
  atRisk: { atRisk: true, sort: 'deadline', limit: 100 },
};

const EMPTY: Record<Tab, string> = {
  visits: sz.home.todayEmpty,
  others: sz.home.othersEmpty,
  pool: sz.home.poolEmpty,
  mine: sz.home.mineEmpty,
  escalated: sz.home.escalatedEmpty,
  atRisk: sz.home.atRiskEmpty,
};

/**
 * The staff side's home (员工工作台): its tabs follow the roles — a technician's visits
 * of the day, an agent's pool and own requests with live countdowns, a supervisor's
 * overdue and at-risk requests. Every request opens the ticket page.
 */
export default function StaffHomePage() {
  const [profile, setProfile] = useState<StaffProfile | null>(() => currentStaffSession()?.staff ?? null);
  const [tab, setTab] = useState<Tab | null>(null);
  const [items, setItems] = useState<TicketSummary[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const now = useNow();

  const tabs = useMemo(() => (profile ? tabsFor(profile.roles) : []), [profile]);
  const current = tab ?? tabs[0] ?? null;

  // No session: the silent sign-in (wx.login → the bound account), else the password page.
  useEffect(() => {
    if (profile) return;
    void signInSilently().then((res) => {
      if (res.ok) setProfile(res.data.staff);
      else if (res.code === LOGIN_REQUIRED || res.status === 401) void Taro.redirectTo({ url: ROUTES.staffLogin });
      else {
        setError(res);
        setLoading(false);
      }
    });
  }, [profile]);

  const load = useCallback(async () => {
    if (!current) return;
    setLoading(true);
    const res = await listStaffTickets(QUERIES[current]);
    setLoading(false);
    if (res.ok) {
      setItems(res.data.items);
      setError(null);
    } else if (res.code === LOGIN_REQUIRED) {
      void Taro.redirectTo({ url: ROUTES.staffLogin });
    } else setError(res);
  }, [current]);

  useEffect(() => {
    setItems(null);
    void load();
  }, [load]);
  useOnReturn(() => void load());
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const claim = async (t: TicketSummary) => {
    setBusyId(t.id);
    const outcome = await submitAction({ ticketId: t.id, ticketNo: t.no, action: 'claim', body: {} });
    setBusyId(null);
    if (outcome.state === 'sent') {
      void Taro.showToast({ title: sz.home.claimed, icon: 'success' });
      void Taro.navigateTo({ url: ROUTES.staffTicket(t.id) });
    } else if (outcome.state === 'queued') void Taro.showToast({ title: sz.queue.saved, icon: 'none' });
    else void Taro.showToast({ title: outcome.message, icon: 'none' });
    void load();
  };

  const signOut = async () => {
    const answer = await Taro.showModal({ title: sz.home.signOut, content: sz.home.signOutConfirm });
    if (!answer.confirm) return;
    signOutStaff();
    void Taro.redirectTo({ url: ROUTES.staffLogin });
  };

  let list: TicketSummary[] = items ?? [];
  if (current === 'visits' || current === 'others') {
    const day = technicianDay(list, now);
    list = current === 'visits' ? day.today : day.others;
  } else if (current === 'mine' || current === 'pool') {
    list = byUrgencyAndTimeLeft(list);
  }

  return (
    <PageShell loading={loading} error={error} hasData={items !== null} onRetry={() => void load()} className="staff-home">
      {profile && (
        <View className="staff-head">
          <View>
            <View className="staff-head__name" data-testid="staff-name">
              {sz.home.greeting(profile.name)}
            </View>
            <View className="staff-head__roles">{roleLabel(profile.roles)}</View>
          </View>
          <View className="flex-spacer" />
          <Text className="staff-head__out" onClick={() => void signOut()}>
            {sz.home.signOut}
          </Text>
        </View>
      )}
      <QueueBanner />
      {profile && !tabs.length && <View className="card muted">{sz.home.noRole}</View>}
      {tabs.length > 0 && (
        <View className="staff-tabs">
          {tabs.map((t) => (
            <View
              key={t}
              className={t === current ? 'staff-tabs__tab staff-tabs__tab--on' : 'staff-tabs__tab'}
              data-testid={`tab-${t}`}
              onClick={() => setTab(t)}
            >
              {sz.home.tabs[t]}
            </View>
          ))}
        </View>
      )}
      <View className="section">
        {items !== null && list.length === 0 && (
          <View className="card muted staff-empty" data-testid="staff-empty">
            {current ? EMPTY[current] : ''}
          </View>
        )}
        {list.map((t) => (
          <StaffTicketCard key={t.id} ticket={t} now={now} showVisit={current === 'visits'}>
            {current === 'pool' && (
              <Button className="btn btn--primary btn--small" data-testid="claim" disabled={busyId === t.id} onClick={() => void claim(t)}>
                {sz.home.claim}
              </Button>
            )}
          </StaffTicketCard>
        ))}
      </View>
    </PageShell>
  );
}
