import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { TicketDetail } from '@yizhan/shared';
import { api } from '../../../../../../test/fake-api';
import { returningResident } from '../../../../../../test/helpers';
import { taroTest } from '../../../../../../test/stubs/taro';
import TicketDetailPage from '../index';

const HOUR = 3600_000;

function ticket(overrides: Partial<TicketDetail> = {}): TicketDetail {
  return {
    id: '42',
    no: 'BX20261123-0007',
    type: 'repair',
    status: 'submitted',
    category: '水电',
    description: '厨房水槽下方漏水',
    priority: 'normal',
    channel: 'miniapp',
    room: { id: 'room-1', label: 'A1区 3栋 2单元 1201', communityId: 'c1', zoneId: 'z1' },
    location: { kind: 'room', label: 'A1区 3栋 2单元 1201', communityId: 'c1', zoneId: 'z1', roomId: 'room-1', buildingId: 'b1', unit: '1', placeId: null },
    followerCount: 0,
    owner: { id: 's1', name: '王客服' },
    assignee: null,
    deadlines: {
      respondBy: new Date(Date.now() + HOUR + 20 * 60_000 + 30_000).toISOString(),
      onsiteBy: null,
      resolveBy: null,
      confirmBy: null,
      revisitBy: null,
    },
    overdue: [],
    onHold: false,
    clock: null,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    contactPhoneMasked: '138****8000',
    photos: [{ id: 'p1', url: '/files/p1', thumbUrl: '/files/p1/thumb' }],
    events: [
      { type: 'created', at: new Date().toISOString(), actor: { kind: 'resident', id: 'r1', name: '张三' }, note: null, photos: [] },
      { type: 'routed', at: new Date().toISOString(), actor: { kind: 'system', id: null, name: '系统' }, note: '值班客服：王客服', photos: [] },
    ],
    rating: null,
    reopenCount: 0,
    appointmentAt: null,
    serviceItem: null,
    slotStart: null,
    slotEnd: null,
    changeableUntil: null,
    fee: null,
    quotePending: false,
    dueFen: 0,
    residentId: 'r1',
    flagged: false,
    runningClocks: [],
    following: false,
    followers: [],
    reporterRoom: null,
    mergedInto: null,
    complaint: null,
    ...overrides,
  };
}

function serve(t: TicketDetail) {
  let current = t;
  api.on('GET /tickets/:id', (_req, { id }) =>
    id === current.id ? { status: 200, body: current } : { status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: '工单不存在' } },
  );
  return {
    set: (patch: Partial<TicketDetail>) => {
      current = { ...current, ...patch };
    },
  };
}

describe('request detail', () => {
  beforeEach(() => {
    returningResident();
    taroTest.params = { id: '42' };
  });

  it('shows the status, the owner, the time limit in plain words and the timeline', async () => {
    serve(ticket());
    render(<TicketDetailPage />);
    expect(await screen.findByText('待受理')).toBeTruthy();
    expect(screen.getByTestId('owner').textContent).toBe('王客服');
    expect(screen.getByTestId('deadline').textContent).toMatch(/^预计 .+ 前受理（剩余 1 小时 20 分）$/);
    expect(screen.getAllByTestId('event').map((e) => e.textContent)).toEqual([expect.stringContaining('已分配首接人'), expect.stringContaining('提交了工单')]);
    expect(screen.getAllByTestId('event')[1]!.textContent).toContain('我');
  });

  it('shows a complaint’s formal reply (结果 + 整改措施), and the staff member the resident named', async () => {
    const complaint = { level: null, validity: null, subjectName: '李敏', subjectStaffId: null, aboutStaff: true, investigations: [], formalReply: null };
    const served = serve(ticket({ type: 'complaint', category: '服务态度', complaint }));
    const { unmount } = render(<TicketDetailPage />);
    const card = await screen.findByTestId('formal-reply');
    expect(card.textContent).toContain('被投诉人员：李敏');
    expect(card.textContent).toContain('会正式答复您处理结果和整改措施');
    unmount();
    served.set({
      complaint: { ...complaint, formalReply: { result: '经核实属实，已向您致歉', measures: '对当事客服进行礼仪培训', repliedAt: '2026-11-23T08:00:00.000Z' } },
    });
    render(<TicketDetailPage />);
    await waitFor(() => expect(screen.getByTestId('formal-reply').textContent).toContain('物业正式答复'));
    expect(screen.getByTestId('formal-reply').textContent).toContain('经核实属实，已向您致歉');
    expect(screen.getByTestId('formal-reply').textContent).toContain('对当事客服进行礼仪培训');
  });

  it('offers urge and cancel while waiting, and shows why an urge is refused', async () => {
    serve(ticket());
    api.on('POST /tickets/:id/urge', () => ({
      status: 429,
      body: { statusCode: 429, code: 'URGE_TOO_SOON', message: '您刚催促过，物业正在处理，请 30 分钟后再试' },
    }));
    render(<TicketDetailPage />);
    await screen.findByText('待受理');
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['补充说明', '催单', '取消工单']);

    fireEvent.click(screen.getByText('催单'));
    await waitFor(() => expect(taroTest.toasts).toContain('您刚催促过，物业正在处理，请 30 分钟后再试'));
  });

  it('cancels with the reason the resident gives', async () => {
    const server = serve(ticket());
    api.on('POST /tickets/:id/cancel', (req) => {
      server.set({ status: 'cancelled' });
      return { status: 200, body: { id: '42', reason: req.body.reason } };
    });
    render(<TicketDetailPage />);
    await screen.findByText('待受理');
    fireEvent.click(screen.getByText('取消工单'));
    fireEvent.click(screen.getByText('确定'));
    expect(await screen.findByText('请填写原因')).toBeTruthy();

    fireEvent.change(screen.getByPlaceholderText('请告诉我们取消的原因'), { target: { value: '已经自己修好了' } });
    fireEvent.click(screen.getByText('确定'));
    expect(await screen.findByText('已取消')).toBeTruthy();
    expect(api.calls('POST /tickets/42/cancel')[0]!.body).toEqual({ reason: '已经自己修好了' });
    expect(screen.queryByRole('button', { name: '取消工单' })).toBeNull();
  });

  it('after resolution offers one 确认并评价 step', async () => {
    serve(
      ticket({
        status: 'resolved',
        deadlines: { respondBy: null, onsiteBy: null, resolveBy: null, confirmBy: new Date(Date.now() + 50 * HOUR).toISOString(), revisitBy: null },
      }),
    );
    render(<TicketDetailPage />);
    await screen.findByText('待确认');
    // One 确认并评价 step: rating and "问题未解决" are inside it.
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['确认并评价']);
    expect(screen.getByTestId('deadline').textContent).toContain('逾期未确认将自动确认完成');

    fireEvent.click(screen.getByText('确认并评价'));
    await waitFor(() => expect(taroTest.navigations).toContain('navigateTo /subpackages/tickets/pages/rate/index?id=42'));
  });

  it('reopens a confirmed request with a reason when the problem comes back', async () => {
    const server = serve(ticket({ status: 'closed' }));
    api.on('POST /tickets/:id/reopen', () => {
      server.set({ status: 'accepted' });
      return { status: 200, body: { id: '42' } };
    });
    render(<TicketDetailPage />);
    await screen.findByText('已完成');
    fireEvent.click(screen.getByText('问题未解决'));
    fireEvent.change(screen.getByPlaceholderText(/请说明哪里还没有解决/), { target: { value: '还是在滴水' } });
    fireEvent.click(screen.getByText('确定'));
    expect(await screen.findByText('已受理')).toBeTruthy();
    expect(api.calls('POST /tickets/42/reopen')[0]!.body).toEqual({ reason: '还是在滴水' });
  });

  it('shows my rating instead of the rate button once rated', async () => {
    serve(ticket({ status: 'closed', rating: { attitude: 5, timeliness: 4, quality: 5, comment: '师傅很专业', tags: ['准时'], reply: '感谢您的认可' } }));
    render(<TicketDetailPage />);
    expect(await screen.findByText('师傅很专业')).toBeTruthy();
    expect(screen.getByText('准时')).toBeTruthy();
    // The staff's reply to the rating, under it.
    expect(screen.getByTestId('rating-reply').textContent).toBe('物业回复：感谢您的认可');
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['问题未解决']);
  });

  it('shows a booking’s 入户方式 and note under 预约说明, not under 问题描述', async () => {
    serve(ticket({ type: 'home_service', category: '空调清洗', description: '入户方式：家中有人；备注：客厅挂机', status: 'accepted' }));
    render(<TicketDetailPage />);
    expect(await screen.findByText('预约说明')).toBeTruthy();
    expect(screen.queryByText('问题描述')).toBeNull();
    expect(screen.getAllByTestId('booking-note').map((n) => n.textContent)).toEqual(['入户方式：家中有人', '备注：客厅挂机']);
  });

  it('says so, with a retry, when the request cannot be loaded', async () => {
    serve(ticket({ id: '7' }));
    render(<TicketDetailPage />);
    expect(await screen.findByText('工单不存在')).toBeTruthy();
    expect(screen.getByText('重新加载')).toBeTruthy();
  });
});
