import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../../../../../test/fake-api';
import { taroTest } from '../../../../../../test/stubs/taro';
import { request } from '../../../../../api/request';
import LoginPage from '../index';

describe('login', () => {
  it('in the browser: demo login with a name, after agreeing to the privacy guideline', async () => {
    process.env.TARO_ENV = 'h5';
    render(<LoginPage />);
    fireEvent.change(screen.getByPlaceholderText('请输入您的名字，如：张三'), { target: { value: '李四' } });
    fireEvent.click(screen.getByText('演示登录', { selector: 'button' }));
    expect(await screen.findByText('请先阅读并同意隐私保护指引')).toBeTruthy();
    expect(api.requests).toHaveLength(0);

    fireEvent.click(screen.getByTestId('agree'));
    fireEvent.click(screen.getByText('演示登录', { selector: 'button' }));
    await waitFor(() => expect(taroTest.toasts).toContain('登录成功'));
    expect(api.loginCodes).toEqual([expect.stringMatching(/^fake:李四:/)]);
  });

  it('in WeChat: one tap agrees to the privacy guideline and logs in; later calls log in silently', async () => {
    render(<LoginPage />);
    expect(screen.queryByPlaceholderText('请输入您的名字，如：张三')).toBeNull();
    const button = screen.getByText('微信一键登录');
    expect(button.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization');
    fireEvent.click(button);
    await waitFor(() => expect(taroTest.toasts).toContain('登录成功'));

    api.on('GET /me', () => ({ status: 200, body: { id: 'r1', phoneMasked: null, rooms: [] } }));
    api.expireTokens();
    expect((await request('GET', '/me')).ok).toBe(true);
  });

  it('shows why the login failed', async () => {
    api.offline = true;
    render(<LoginPage />);
    fireEvent.click(screen.getByText('微信一键登录'));
    expect(await screen.findByText('网络开小差了，请检查网络后重试')).toBeTruthy();
  });
});
