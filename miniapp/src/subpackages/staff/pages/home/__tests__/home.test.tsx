import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { api } from '../../../../../../test/fake-api';
import { taroTest } from '../../../../../../test/stubs/taro';
import { HOUR, detail, profile, signedIn, summary } from '../../../__tests__/fixtures';
import StaffHomePage, { tabsFor } from '../index';

describe('the staff home', () => {
  it('routes by role', () => {
    expect(tabsFor(['technician'])).toEqual(['visits', 'others']);
    expect(tabsFor(['agent'])).toEqual(['pool', 'mine']);
    expect(tabsFor(['supervisor', 'agent'])).toEqual(['escalated', 'atRisk', 'pool', 'mine']);
  });

  it('shows a technician today’s visits, urgent first, then by visit time, with the address and a countdown', async () => {
    signedIn(['technician']);
    const soon = (h: number) => new Date(Date.now() + h * 60_000).toISOString();
    api.on('GET /tickets', (req) => {
      expect(req.query).toMatchObject({ mine: 'assignee', stage: 'open' });
      return {
        status: 200,
        body: {
          items: [
            summary({ id: 'a', appointmentAt: soon(2), location: { ...summary().location, label: 'A1区 1栋 1单元 0101' } }),
            summary({ id: 'b', appointmentAt: soon(3), priority: 'urgent', location: { ...summary().location, label: 'B2区 5栋 2单元 0302' } }),
            summary({ id: 'c', appointmentAt: null }),
          ],
          nextCursor: null,
        },
      };
    });
    render(<StaffHomePage />);
    await waitFor(() => expect(screen.getAllByTestId('staff-ticket')).toHaveLength(2));
    const cards = screen.getAllByTestId('staff-ticket');
    expect(cards.map((c) => c.getAttribute('data-id'))).toEqual(['b', 'a']);
    expect(cards[0]!.textContent).toContain('紧急');
    expect(cards[0]!.textContent).toContain('B2区 5栋 2单元 0302');
    expect(within(cards[0]!).getByTestId('countdown').textContent).toMatch(/^办结时限 剩 (4 小时 5\d|5 小时 00) 分 \d\d 秒$/);
    expect(screen.getByTestId('staff-name').textContent).toBe('王师傅，您好');
    // The rest of the jobs under their own tab.
    fireEvent.click(screen.getByTestId('tab-others'));
    await waitFor(() => expect(screen.getAllByTestId('staff-ticket').map((c) => c.getAttribute('data-id'))).toEqual(['c']));
    fireEvent.click(cards[0]!);
  });

  it('lets an agent claim from the pool, with an Idempotency-Key, and opens the request', async () => {
    signedIn(['agent'], 's-agent');
    const pooled = summary({
      id: '9',
      status: 'submitted',
      owner: null,
      assignee: null,
      deadlines: { ...summary().deadlines, respondBy: new Date(Date.now() + HOUR).toISOString() },
    });
    api.on('GET /tickets', (req) => ({ status: 200, body: { items: req.query.unowned === 'true' ? [pooled] : [], nextCursor: null } }));
    api.on('POST /tickets/:id/claim', (_req, { id }) => ({ status: 200, body: detail({ id, status: 'submitted', owner: { id: 's-agent', name: '李客服' } }) }));
    render(<StaffHomePage />);
    const card = await screen.findByTestId('staff-ticket');
    expect(within(card).getByTestId('countdown').textContent).toMatch(/^受理时限 剩 (5\d 分|1 小时 00 分) \d\d 秒$/);
    fireEvent.click(within(card).getByTestId('claim'));
    await waitFor(() => expect(taroTest.navigations).toContain('navigateTo /subpackages/staff/pages/ticket/index?id=9'));
    const claims = api.calls('POST /tickets/9/claim');
    expect(claims).toHaveLength(1);
    expect(claims[0]!.headers['Idempotency-Key']).toMatch(/^staff-/);
    expect(claims[0]!.headers.Authorization).toBe('Bearer staff-token');
    expect(taroTest.toasts).toContain('已领取，您是首接人');
  });

  it('signs in silently with wx.login when bound, and asks for the password when not', async () => {
    api.on('POST /auth/staff/wechat/login', () => ({ status: 401, body: { statusCode: 401, code: 'STAFF_NOT_BOUND', message: '请使用工作账号和密码登录' } }));
    render(<StaffHomePage />);
    await waitFor(() => expect(taroTest.navigations).toEqual(['redirectTo /subpackages/staff/pages/login/index']));
  });

  it('renews the session with wx.login alone when the token has expired', async () => {
    api.on('POST /auth/staff/wechat/login', () => {
      api.tokens.add('fresh-token');
      return { status: 200, body: { accessToken: 'fresh-token', refreshToken: 'r', expiresIn: 1800, staff: profile(['supervisor']) } };
    });
    api.on('GET /tickets', (req) => ({
      status: 200,
      body: { items: req.query.overdue === 'true' ? [summary({ id: 'late', overdue: ['resolve'] })] : [], nextCursor: null },
    }));
    render(<StaffHomePage />);
    await waitFor(() => expect(screen.getAllByTestId('staff-ticket').map((c) => c.getAttribute('data-id'))).toEqual(['late']));
    expect(api.calls('GET /tickets')[0]!.headers.Authorization).toBe('Bearer fresh-token');
    fireEvent.click(screen.getByTestId('tab-atRisk'));
    await waitFor(() => expect(api.calls('GET /tickets').some((r) => r.query.atRisk === 'true')).toBe(true));
  });
});
