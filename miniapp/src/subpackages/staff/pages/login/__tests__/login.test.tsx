import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../../../../../test/fake-api';
import { taroTest } from '../../../../../../test/stubs/taro';
import { STAFF_KEYS } from '../../../../../api/staff-session';
import { profile } from '../../../__tests__/fixtures';
import StaffLoginPage from '../index';

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });

describe('staff sign-in', () => {
  it('sends wx.login’s code with the username and password, keeps the staff token apart from the resident’s and opens the home', async () => {
    api.on('POST /auth/staff/wechat', (req) => {
      api.tokens.add('staff-token');
      return { status: 200, body: { accessToken: 'staff-token', refreshToken: 'r', expiresIn: 1800, staff: profile(['technician']), seen: req.body } };
    });
    render(<StaffLoginPage />);
    type('staff-username', ' shifu_wang ');
    type('staff-password', 'demo1234');
    fireEvent.click(screen.getByTestId('staff-login-submit'));
    await waitFor(() => expect(taroTest.navigations).toEqual(['redirectTo /subpackages/staff/pages/home/index']));
    expect(api.calls('POST /auth/staff/wechat')[0]!.body).toEqual({ code: 'wx-code-1', username: 'shifu_wang', password: 'demo1234' });
    expect(taroTest.storage.get(STAFF_KEYS.session)).toMatchObject({ token: 'staff-token', staff: { name: '王师傅' } });
    // Never in the resident's session.
    expect(taroTest.storage.has('yz.session')).toBe(false);
  });

  it('says what is wrong when the password is refused, and asks for both fields first', async () => {
    api.on('POST /auth/staff/wechat', () => ({ status: 401, body: { statusCode: 401, code: 'LOGIN_FAILED', message: '用户名或密码不正确' } }));
    render(<StaffLoginPage />);
    fireEvent.click(screen.getByTestId('staff-login-submit'));
    expect(screen.getByTestId('staff-login-error').textContent).toBe('请填写账号和密码');
    type('staff-username', 'shifu_wang');
    type('staff-password', 'wrong');
    fireEvent.click(screen.getByTestId('staff-login-submit'));
    await waitFor(() => expect(screen.getByTestId('staff-login-error').textContent).toBe('用户名或密码不正确'));
    expect(taroTest.navigations).toEqual([]);
  });

  it('in the browser build, stands a demo name in for the WeChat user, like the resident’s 演示登录', async () => {
    process.env.TARO_ENV = 'h5';
    api.on('POST /auth/staff/wechat', () => {
      api.tokens.add('staff-token');
      return { status: 200, body: { accessToken: 'staff-token', refreshToken: 'r', expiresIn: 1800, staff: profile(['agent']) } };
    });
    render(<StaffLoginPage />);
    type('staff-username', 'kefu_a1');
    type('staff-password', 'demo1234');
    type('staff-demo-name', 'xiaoli');
    fireEvent.click(screen.getByTestId('staff-login-submit'));
    await waitFor(() => expect(api.calls('POST /auth/staff/wechat')).toHaveLength(1));
    expect(api.calls('POST /auth/staff/wechat')[0]!.body.code).toMatch(/^fake:xiaoli:.+/);
  });
});
