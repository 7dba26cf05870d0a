import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer, renderPage, signIn } from '../../../test/helpers';
import NotifySettingsPage from '.';

const KINDS = [
  { kind: 'routed', label: '新工单分派给我', urgent: false, on: true },
  { kind: 'urgent', label: '紧急工单', urgent: true, on: true },
  { kind: 'sla_warning', label: '时限即将到期', urgent: false, on: true },
];
const settings = (over: Record<string, unknown> = {}) => ({
  enabled: true,
  staffId: 's1',
  userid: null,
  boundVia: null,
  boundAt: null,
  kinds: KINDS,
  quietStart: null,
  quietEnd: null,
  lastError: null,
  lastErrorReason: null,
  lastErrorAt: null,
  lastSentAt: null,
  pending: 0,
  ...over,
});

describe('通知设置', () => {
  it('binds the account with the code WeCom OAuth came back with, once', async () => {
    signIn(['technician']);
    const server = fakeServer({
      'POST /staff/wecom-settings/bind': { body: settings({ userid: 'wang.jg', boundVia: 'oauth' }) },
      'GET /staff/wecom-settings': { body: settings() },
    });
    renderPage(<NotifySettingsPage />, { path: '/settings/notify', route: '/settings/notify?code=CODE1&state=bind' });
    expect(await screen.findByText('wang.jg')).toBeInTheDocument();
    expect(screen.getByText('企业微信授权')).toBeInTheDocument();
    expect(server.find('POST', '/staff/wecom-settings/bind').map((c) => c.body)).toEqual([{ code: 'CODE1' }]);
  });

  it("shows WeCom's refusal kindly, and the last failure with its reason", async () => {
    signIn(['agent']);
    fakeServer({
      'POST /staff/wecom-settings/bind': {
        status: 400,
        body: { statusCode: 400, code: 'WECOM_CODE_INVALID', message: '您不是本企业的企业微信成员，无法绑定' },
      },
      'GET /staff/wecom-settings': {
        body: settings({
          userid: 'li.min',
          boundVia: 'admin',
          lastError: 'errcode 81013: …',
          lastErrorReason: '该成员不在应用的可见范围内（81013）',
          lastErrorAt: '2026-12-07T02:00:00.000Z',
        }),
      },
    });
    renderPage(<NotifySettingsPage />, { path: '/settings/notify', route: '/settings/notify?code=BAD' });
    expect(await screen.findByText('您不是本企业的企业微信成员，无法绑定')).toBeInTheDocument();
    expect(await screen.findByText('该成员不在应用的可见范围内（81013）')).toBeInTheDocument();
  });

  it('saves the kinds and quiet hours; urgent kinds stay on', async () => {
    signIn(['agent']);
    const server = fakeServer({
      'GET /staff/wecom-settings': { body: settings({ userid: 'li.min' }) },
      'PUT /staff/wecom-settings': (call) => ({
        body: settings({
          userid: 'li.min',
          quietStart: '22:00',
          quietEnd: '07:00',
          kinds: KINDS.map((k) => ({ ...k, on: k.urgent || (call.body as { kinds: string[] }).kinds.includes(k.kind) })),
        }),
      }),
    });
    renderPage(<NotifySettingsPage />, { path: '/settings/notify', route: '/settings/notify' });
    expect(await screen.findByRole('checkbox', { name: /紧急工单/ })).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: '时限即将到期' }));
    await userEvent.click(screen.getByRole('switch', { name: '免打扰时段' }));
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(server.find('PUT', '/staff/wecom-settings')).toHaveLength(1));
    expect(server.find('PUT', '/staff/wecom-settings')[0]!.body).toEqual({ kinds: ['routed', 'urgent'], quietStart: '22:00', quietEnd: '07:00' });
  });

  it('says so when WeCom is not set up on this server', async () => {
    signIn(['agent']);
    fakeServer({ 'GET /staff/wecom-settings': { body: settings({ enabled: false }) } });
    renderPage(<NotifySettingsPage />, { path: '/settings/notify', route: '/settings/notify' });
    expect(await screen.findByText('本系统尚未接入企业微信，工单提醒只在管理后台中显示。')).toBeInTheDocument();
  });
});
