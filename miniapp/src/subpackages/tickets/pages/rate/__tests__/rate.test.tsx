import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { TicketDetail } from '@yizhan/shared';
import { api } from '../../../../../../test/fake-api';
import { returningResident } from '../../../../../../test/helpers';
import { taroTest } from '../../../../../../test/stubs/taro';
import RatePage from '../index';

function ticket(status: TicketDetail['status']): TicketDetail {
  const now = new Date().toISOString();
  return {
    id: '42',
    no: 'BX20261123-0007',
    type: 'repair',
    status,
    category: '水电',
    description: '厨房水槽下方漏水',
    priority: 'normal',
    channel: 'miniapp',
    room: { id: 'room-1', label: 'A1区 3栋 2单元 1201', communityId: 'c1', zoneId: 'z1' },
    location: { kind: 'room', label: 'A1区 3栋 2单元 1201', communityId: 'c1', zoneId: 'z1', roomId: 'room-1', buildingId: 'b1', unit: '2', placeId: null },
    followerCount: 0,
    owner: { id: 's1', name: '王客服' },
    assignee: null,
    deadlines: { respondBy: null, onsiteBy: null, resolveBy: null, confirmBy: null, revisitBy: null },
    overdue: [],
    onHold: false,
    createdAt: now,
    updatedAt: now,
    contactPhoneMasked: null,
    photos: [],
    events: [],
    rating: null,
    reopenCount: 0,
    appointmentAt: null,
    serviceItem: null,
    slotStart: null,
    slotEnd: null,
    clock: null,
    runningClocks: [],
    following: false,
    followers: [],
    reporterRoom: null,
    mergedInto: null,
    complaint: null,
    changeableUntil: null,
    fee: null,
    quotePending: false,
    dueFen: 0,
    residentId: 'r1',
    flagged: false,
  } as TicketDetail;
}

describe('确认并评价', () => {
  beforeEach(() => {
    returningResident();
    taroTest.params = { id: '42' };
  });

  it('confirms and rates in one step, with quick tags', async () => {
    api.on('GET /tickets/:id', () => ({ status: 200, body: ticket('resolved') }));
    api.on('POST /tickets/:id/confirm', () => ({ status: 200, body: {} }));
    render(<RatePage />);
    await screen.findByText('确认完成');
    // Partly scored: all or none.
    fireEvent.click(screen.getByLabelText('服务态度 5 星'));
    fireEvent.click(screen.getByText('确认完成'));
    expect(await screen.findByText('请为每一项打分，或都不打分直接确认')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('及时性 4 星'));
    fireEvent.click(screen.getByLabelText('质量 5 星'));
    fireEvent.click(screen.getByText('准时'));
    fireEvent.click(screen.getByText('干净整洁'));
    fireEvent.change(screen.getByPlaceholderText(/您的意见会帮助我们做得更好/), { target: { value: '  师傅很专业 ' } });
    fireEvent.click(screen.getByText('确认完成'));
    await waitFor(() => expect(taroTest.toasts).toContain('感谢确认和评价'));
    expect(api.calls('POST /tickets/42/confirm')[0]!.body).toEqual({
      rating: { attitude: 5, timeliness: 4, quality: 5, comment: '师傅很专业', tags: ['准时', '干净整洁'] },
    });
  });

  it('confirms without a rating', async () => {
    api.on('GET /tickets/:id', () => ({ status: 200, body: ticket('resolved') }));
    api.on('POST /tickets/:id/confirm', () => ({ status: 200, body: {} }));
    render(<RatePage />);
    fireEvent.click(await screen.findByText('确认完成'));
    await waitFor(() => expect(api.calls('POST /tickets/42/confirm')).toHaveLength(1));
    expect(api.calls('POST /tickets/42/confirm')[0]!.body).toEqual({});
  });

  it('问题未解决 reopens the request instead, with what is still wrong', async () => {
    api.on('GET /tickets/:id', () => ({ status: 200, body: ticket('resolved') }));
    api.on('POST /tickets/:id/reopen', () => ({ status: 200, body: {} }));
    render(<RatePage />);
    fireEvent.click(await screen.findByText('问题未解决'));
    fireEvent.change(screen.getByPlaceholderText(/请说明哪里还没有解决/), { target: { value: '还是在滴水' } });
    fireEvent.click(screen.getByText('问题未解决，重新处理'));
    await waitFor(() => expect(api.calls('POST /tickets/42/reopen')).toHaveLength(1));
    expect(api.calls('POST /tickets/42/reopen')[0]!.body).toEqual({ reason: '问题未解决：还是在滴水' });
  });

  it('offers 问题未解决 only while the request can be reopened', async () => {
    api.on('GET /tickets/:id', () => ({ status: 200, body: ticket('revisited') }));
    render(<RatePage />);
    await screen.findByText('提交评价');
    expect(screen.getByText('准时')).toBeTruthy();
    expect(screen.queryByText('问题未解决')).toBeNull();
  });

  it('keeps everything when sending fails', async () => {
    api.on('GET /tickets/:id', () => ({ status: 200, body: ticket('resolved') }));
    render(<RatePage />);
    await screen.findByText('确认完成');
    ['服务态度', '及时性', '质量'].forEach((d) => fireEvent.click(screen.getByLabelText(`${d} 3 星`)));
    fireEvent.click(screen.getByText('态度好'));
    api.offline = true;
    fireEvent.click(screen.getByText('确认完成'));
    expect(await screen.findByText('网络开小差了，请检查网络后重试')).toBeTruthy();
    expect(screen.getAllByText('一般')).toHaveLength(3);
    expect(screen.getByText('态度好').className).toContain('chip--on');
  });
});
