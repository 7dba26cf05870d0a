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
  await screen.findByText(`我家（${ME.rooms[0]!.label}）`);
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
    await screen.findByText(`我家（${ME.rooms[0]!.label}）`);
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
    expect(await screen.findByText(`我家（${ME.rooms[0]!.label}）`)).toBeTruthy();
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
    await screen.findByText(`我家（${ME.rooms[0]!.label}）`);
    expect(screen.getByText('最多 9 张，可帮助我们更快了解情况')).toBeTruthy();
    expect(container.textContent).not.toContain('师傅');
  });
});

describe('我也遇到: a public area shows the open requests already filed there first', () => {
  beforeEach(() => {
    returningResident();
    taroTest.params = { type: 'repair' };
    api.on('GET /me', () => ({ status: 200, body: ME }));
    api.on('GET /communities/:id/locations', () => ({
      status: 200,
      body: {
        zones: [{ id: 'z1', label: 'A1区' }],
        buildings: [{ id: 'b3', label: 'A1区 3栋', zoneId: 'z1', units: ['1', '2'] }],
        places: [{ id: 'p1', label: '中心花园', zoneId: 'z1' }],
      },
    }));
    api.on('GET /me/public-requests', (req) => ({
      status: 200,
      body: {
        items:
          req.query.placeId === 'p1'
            ? [
                {
                  id: 'T9',
                  no: 'BX20261207-0009',
                  type: 'repair',
                  status: 'accepted',
                  category: '公共设施',
                  description: '花园路灯不亮',
                  locationLabel: '中心花园',
                  followerCount: 2,
                  createdAt: new Date().toISOString(),
                  mine: false,
                  following: false,
                },
              ]
            : [],
      },
    }));
  });

  it('joins the neighbour’s request instead of filing a new one', async () => {
    const server = ticketServer();
    api.on('POST /tickets/:id/follow', () => ({ status: 200, body: { id: 'T9' } }));
    render(<CreateTicketPage />);
    fireEvent.click(await screen.findByText('公共区域'));
    fireEvent.click(await screen.findByText('中心花园'));
    await screen.findByText('这里已有 1 条正在处理的报修');
    screen.getByText('2 位邻居也遇到');
    fireEvent.click(screen.getByText('我也遇到'));
    await waitFor(() => expect(taroTest.navigations).toContain('redirectTo /subpackages/tickets/pages/detail/index?id=T9'));
    expect(api.calls('POST /tickets/T9/follow')).toHaveLength(1);
    expect(server.tickets()).toEqual([]);
  });

  it('files a new request about the public area when none fits, with the location instead of the room', async () => {
    const server = ticketServer();
    api.on('POST /subscriptions', () => ({ status: 204 }));
    render(<CreateTicketPage />);
    fireEvent.click(await screen.findByText('公共区域'));
    fireEvent.click(screen.getByText('楼道/电梯厅'));
    fireEvent.click(await screen.findByText('A1区 3栋'));
    fireEvent.click(screen.getByText('提交'));
    expect((await screen.findByTestId('form-error')).textContent).toBe('请选择问题所在的公共区域');
    fireEvent.click(screen.getByText('2单元'));
    fireEvent.click(screen.getByText('公共设施'));
    fireEvent.change(screen.getByPlaceholderText(/请描述需要维修的问题/), { target: { value: '2单元楼道灯不亮，晚上很黑' } });
    fireEvent.change(screen.getByPlaceholderText(/不填则使用微信手机号/), { target: { value: '13800138000' } });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(server.tickets()).toHaveLength(1));
    expect(server.tickets()[0]!.body).toMatchObject({ location: { kind: 'unit', buildingId: 'b3', unit: '2' }, category: '公共设施' });
    expect(server.tickets()[0]!.body).not.toHaveProperty('roomId');
  });
});
