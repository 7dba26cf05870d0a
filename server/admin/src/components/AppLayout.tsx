import { LogoutOutlined, MenuOutlined, SoundOutlined, UserOutlined } from '@ant-design/icons';
import { LABELS } from '@yizhan/shared';
import { App as AntdApp, Badge, Button, Grid, Layout, Menu, Space, Switch, Tooltip, Typography } from 'antd';
import { Suspense, useCallback, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAccess, useSession } from '../hooks/useSession';
import { menuFor } from '../routes';
import { logout } from '../services/auth';
import { ALERTING, STAFF_EVENT, useStaffEvents, type StaffEvent } from '../services/events';
import { T } from '../strings';
import { beep, unlockSound } from './beep';
import { PageLoading } from './PageLoading';

export function AppLayout() {
  const session = useSession();
  const access = useAccess();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const { notification } = AntdApp.useApp();
  const [collapsed, setCollapsed] = useState(false);
  const [soundOn, setSoundOn] = useState(false);

  const onEvent = useCallback(
    (event: StaffEvent) => {
      window.dispatchEvent(new CustomEvent<StaffEvent>(STAFF_EVENT, { detail: event }));
      const urgent = ALERTING.includes(event.type);
      if (urgent && soundOn) beep();
      notification[urgent ? 'error' : 'info']({
        key: `${event.type}:${event.ticketId}`,
        message: T.desk.event[event.type] ?? event.type,
        description: `${event.no} ${event.title}`,
        duration: urgent ? 0 : 6,
        onClick: () => navigate(`/tickets/${event.ticketId}`),
        style: { cursor: 'pointer' },
      });
    },
    [navigate, notification, soundOn],
  );
  const { connected } = useStaffEvents(onEvent, access.canReceiveAlerts);

  const groups = menuFor(access);
  const selected = groups.flatMap((g) => g.items).find((r) => location.pathname.startsWith(r.path))?.path;
  const mobile = !screens.md;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={mobile ? 0 : 64}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        collapsible
        trigger={mobile ? null : undefined}
        theme="light"
        width={208}
        // On a phone the menu slides over the page instead of squeezing it.
        style={mobile ? { position: 'fixed', top: 0, left: 0, bottom: 0, zIndex: 1001, overflow: 'auto' } : { borderRight: '1px solid #f0f0f0' }}
      >
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? T.appShort : T.appName}
        </div>
        <Menu
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          onClick={({ key }) => {
            navigate(key);
            if (mobile) setCollapsed(true);
          }}
          items={groups.map((g) => ({
            type: 'group' as const,
            key: g.key,
            label: g.label,
            children: g.items.map((r) => ({ key: r.path, icon: r.menu?.icon, label: r.menu?.label })),
          }))}
        />
      </Layout.Sider>
      {mobile && !collapsed ? (
        <div onClick={() => setCollapsed(true)} style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,0.35)', zIndex: 1000 }} />
      ) : null}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: mobile ? '0 8px' : '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            gap: mobile ? 8 : 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {mobile ? (
            <Button type="text" icon={<MenuOutlined />} aria-label="菜单" onClick={() => setCollapsed((c) => !c)} style={{ marginRight: 'auto' }} />
          ) : null}
          {access.canReceiveAlerts ? (
            <Space size={8}>
              <Tooltip title={connected ? T.desk.liveOn : T.desk.liveOff}>
                <Badge status={connected ? 'success' : 'default'} text={mobile ? null : T.desk.live} />
              </Tooltip>
              <SoundOutlined />
              <Switch
                size="small"
                aria-label={T.desk.soundOn}
                checked={soundOn}
                onChange={async (on) => {
                  setSoundOn(on && (await unlockSound()));
                }}
              />
            </Space>
          ) : null}
          <Space size={4}>
            <UserOutlined />
            <Typography.Text strong>{session?.staff.name}</Typography.Text>
            {mobile ? null : <Typography.Text type="secondary">{session?.staff.roles.map((r) => LABELS.role[r]).join('、')}</Typography.Text>}
          </Space>
          <Button
            icon={<LogoutOutlined />}
            type="text"
            onClick={() => {
              logout();
              navigate('/login');
            }}
          >
            {mobile ? null : T.login.logout}
          </Button>
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 8 : 24 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
