import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api, type FakeRequest } from '../../../../../../test/fake-api';
import { ME, returningResident } from '../../../../../../test/helpers';
import { taroTest } from '../../../../../../test/stubs/taro';
import CreateTicketPage from '../index';

/** A server that honours Idempotency-Key like API.md says: same key, same ticket. */
function ticketServer() {
  const byKey = new Map<string, { id: string; body: FakeRequest['body'] }>();
  let loseNextAnswer = false;
  api.on('POST /tickets', (req) => {
    const key = req.headers['Idempotency-Key'] ?? '';
    if (!byKey.has(key)) byKey.set(key, { id: `T${byKey.size + 1}`, body: req.body });
    if (loseNextAnswer) {
      loseNextAnswer = false;
      return 'offline'; // created, but the answer never reached the phone
    }
    return { status: 201, body: { id: byKey.get(key)!.id } };
  });
  return {
    tickets: () => [...byKey.values()],
    loseNextAnswer: () => {
      loseNextAnswer = true;
    },
  };
}

async function fillForm() {
  await screen.findByText(ME.rooms[0]!.label);
  fireEvent.click(screen.getByText('水电'));
  fireEvent.change(screen.getByPlaceholderText(/请描述需要维修的问题/), { target: { value: '厨房水槽下方漏水，地面已经湿了' } });
}

describe('submitting a repair', () => {
  beforeEach(() => {
    returningResident();
    taroTest.params = { type: 'repair' };
    api.on('GET /me', () => ({ status: 200, body: ME }));
    api.on('POST /uploads', (req) => ({
      status: 201,
      body: { id: `f-${req.body.filePath}`, url: '/files/x', thumbUrl: '/files/x/thumb', width: 1, height: 1, size: 1 },
    }));
    api.on('POST /subscriptions', () => ({ status: 204 }));
  });

  it('sends the form with its photo, urgency and phone, then opens the new request', async () => {
    const server = ticketServer();
    render(<CreateTicketPage />);
    await fillForm();
    taroTest.pickedFiles = ['wxfile://leak.jpg'];
    fireEvent.click(screen.getByText('添加照片'));
    await waitFor(() => expect(screen.getByTestId('photo-item').dataset.status).toBe('done'));
    fireEvent.click(screen.getByRole('switch'));
    fireEvent.change(screen.getByPlaceholderText(/不填则使用微信手机号/), { target: { value: '13800138000' } });

    fireEvent.click(screen.getByText('提交'));

    await waitFor(() => expect(taroTest.navigations).toContain('redirectTo /subpackages/tickets/pages/detail/index?id=T1'));
    expect(server.tickets()[0]!.body).toEqual({
      type: 'repair',
      roomId: 'room-1',
      category: '水电',
      description: '厨房水槽下方漏水，地面已经湿了',
      photoIds: ['f-wxfile://leak.jpg'],
      priority: 'urgent',
      contactPhone: '13800138000',
    });
  });

  it('creates one request when the answer is lost and the resident taps submit again', async () => {
    const server = ticketServer();
    server.loseNextAnswer();
    render(<CreateTicketPage />);
    await fillForm();

    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByTestId('form-error')).toHaveProperty('textContent', '网络开小差了，请检查网络后重试');
    // The input is still there for the retry.
    expect(screen.getByDisplayValue('厨房水槽下方漏水，地面已经湿了')).toBeTruthy();

    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(taroTest.navigations).toContain('redirectTo /subpackages/tickets/pages/detail/index?id=T1'));
    expect(server.tickets()).toHaveLength(1);
    const keys = api.calls('POST /tickets').map((r) => r.headers['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('sends one request for a double tap', async () => {
    const server = ticketServer();
    render(<CreateTicketPage />);
    await fillForm();
    const submit = screen.getByText('提交');
    act(() => {
      fireEvent.click(submit);
      fireEvent.click(submit);
    });
    await waitFor(() => expect(taroTest.navigations).toHaveLength(1));
    expect(api.calls('POST /tickets')).toHaveLength(1);
    expect(server.tickets()).toHaveLength(1);
  });

  it('starts a new draft, with a new key, after a successful submit', async () => {
    ticketServer();
    const first = render(<CreateTicketPage />);
    await fillForm();
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(taroTest.navigations).toHaveLength(1));
    first.unmount();

    render(<CreateTicketPage />);
    await fillForm();
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(taroTest.navigations).toHaveLength(2));
    const [a, b] = api.calls('POST /tickets').map((r) => r.headers['Idempotency-Key']);
    expect(a).not.toBe(b);
    expect(taroTest.navigations[1]).toContain('id=T2');
  });

  it('keeps what was typed when the resident leaves and comes back', async () => {
    const first = render(<CreateTicketPage />);
    await fillForm();
    first.unmount();

    render(<CreateTicketPage />);
    expect(await screen.findByDisplayValue('厨房水槽下方漏水，地面已经湿了')).toBeTruthy();
    expect(screen.getByText('水电').className).toContain('chip--on');
  });

  it('asks for subscribe messages on submit and tells the server what was granted', async () => {
    ticketServer();
    taroTest.subscribeAnswer = { 'tmpl-progress': 'accept', 'tmpl-done': 'reject' };
    render(<CreateTicketPage />);
    await fillForm();
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(taroTest.navigations).toHaveLength(1));
    expect(api.calls('POST /subscriptions')[0]!.body).toEqual({ results: { 'tmpl-progress': 'accept', 'tmpl-done': 'reject' } });
  });

  it('still submits when the subscribe dialog fails', async () => {
    const server = ticketServer();
    taroTest.subscribeAnswer = null;
    render(<CreateTicketPage />);
    await fillForm();
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(taroTest.navigations).toHaveLength(1));
    expect(server.tickets()).toHaveLength(1);
  });

  it('explains what is missing instead of sending an incomplete form', async () => {
    ticketServer();
    render(<CreateTicketPage />);
    await screen.findByText(ME.rooms[0]!.label);
    fireEvent.click(screen.getByText('提交'));
    expect((await screen.findByTestId('form-error')).textContent).toBe('请选择类别');
    expect(api.calls('POST /tickets')).toHaveLength(0);
  });

  it('lets the resident retry or remove a photo whose upload failed, and waits for it', async () => {
    const server = ticketServer();
    let failUploads = true;
    api.on('POST /uploads', () =>
      failUploads
        ? { status: 413, body: { statusCode: 413, code: 'FILE_TOO_LARGE', message: 'too large' } }
        : { status: 201, body: { id: 'f1', url: '/u', thumbUrl: '/t', width: 1, height: 1, size: 1 } },
    );
    render(<CreateTicketPage />);
    await fillForm();
    taroTest.pickedFiles = ['wxfile://big.jpg'];
    fireEvent.click(screen.getByText('添加照片'));
    expect(await screen.findByText('照片太大了，请换一张')).toBeTruthy();

    fireEvent.click(screen.getByText('提交'));
    expect((await screen.findByTestId('form-error')).textContent).toBe('有照片上传失败，请重试或删除后再提交');

    failUploads = false;
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(screen.getByTestId('photo-item').dataset.status).toBe('done'));
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(server.tickets()).toHaveLength(1));
    expect(server.tickets()[0]!.body.photoIds).toEqual(['f1']);
  });

  it('shows the page error with a retry when the profile cannot load', async () => {
    api.offline = true;
    render(<CreateTicketPage />);
    expect(await screen.findByText('网络开小差了，请检查网络后重试')).toBeTruthy();
    api.offline = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText(ME.rooms[0]!.label)).toBeTruthy();
  });
});

describe('the complaint form', () => {
  beforeEach(() => {
    returningResident();
    taroTest.params = { type: 'complaint' };
    api.on('GET /me', () => ({ status: 200, body: ME }));
  });

  it('never mentions a 师傅: a complaint is read by the service desk', async () => {
    const { container } = render(<CreateTicketPage />);
    await screen.findByText(ME.rooms[0]!.label);
    expect(screen.getByText('最多 9 张，可帮助我们更快了解情况')).toBeTruthy();
    expect(container.textContent).not.toContain('师傅');
  });
});
