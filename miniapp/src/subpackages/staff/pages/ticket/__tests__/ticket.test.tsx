import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { TicketDetail } from '@yizhan/shared';
import { api } from '../../../../../../test/fake-api';
import { taroTest } from '../../../../../../test/stubs/taro';
import { flushQueue, queuedActions } from '../../../../../api/staff-queue';
import { detail, signedIn } from '../../../__tests__/fixtures';
import StaffTicketPage from '../index';

function serve(initial: TicketDetail) {
  let current = initial;
  api.on('GET /tickets/:id', () => ({ status: 200, body: current }));
  return {
    set: (patch: Partial<TicketDetail>) => {
      current = { ...current, ...patch };
      return current;
    },
  };
}

describe('the staff ticket page', () => {
  beforeEach(() => {
    taroTest.params = { id: '1' };
  });

  it('shows the address and the masked phone, and calls after an audited reveal', async () => {
    signedIn(['technician']);
    serve(detail({ appointmentAt: new Date(Date.now() + 3600_000).toISOString() }));
    api.on('POST /tickets/:id/reveal-phone', () => ({ status: 200, body: { phone: '13812341234' } }));
    render(<StaffTicketPage />);
    expect((await screen.findByTestId('address')).textContent).toBe('A1区 1栋 1单元 0101');
    expect(screen.getByTestId('phone').textContent).toBe('138****1234');
    expect(screen.queryByText('13812341234')).toBeNull();
    fireEvent.click(screen.getByTestId('call'));
    await waitFor(() => expect(taroTest.phoneCalls).toEqual(['13812341234']));
    expect(api.calls('POST /tickets/1/reveal-phone')).toHaveLength(1);
  });

  it('checks in with an Idempotency-Key; a lost answer is sent again with the same key, once applied', async () => {
    signedIn(['technician']);
    const t = serve(detail());
    const keys: string[] = [];
    api.on('POST /tickets/:id/start', (req) => {
      keys.push(req.headers['Idempotency-Key']!);
      const after = t.set({ status: 'in_progress' });
      // The server applied it, but the answer never reached the phone.
      return keys.length === 1 ? 'offline' : { status: 200, body: after };
    });
    render(<StaffTicketPage />);
    fireEvent.click(await screen.findByTestId('action-start'));
    await waitFor(() => expect(taroTest.toasts).toContain('已保存，联网后自动发送'));
    expect(queuedActions()).toHaveLength(1);
    expect((await screen.findByTestId('queue-banner')).textContent).toContain('1 项操作等待网络');
    // The network comes back: sent again, with the same key.
    await taroTest.network(true);
    await waitFor(() => expect(queuedActions()).toHaveLength(0));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('resolves with after-photos and a fee taken without signal, uploading the photos and sending once the network is back', async () => {
    signedIn(['technician']);
    const t = serve(detail({ status: 'in_progress' }));
    let uploads = 0;
    api.on('POST /uploads', () => ({ status: 201, body: { id: `up-${++uploads}`, url: `/files/up-${uploads}`, thumbUrl: `/files/up-${uploads}/thumb` } }));
    api.on('POST /tickets/:id/resolve', (req) => ({ status: 200, body: t.set({ status: 'resolved', fee: req.body.fee }) }));
    render(<StaffTicketPage />);
    fireEvent.click(await screen.findByTestId('action-resolve'));
    api.offline = true;
    taroTest.pickedFiles = ['wxfile://after-1.jpg'];
    fireEvent.click(screen.getByTestId('photo-add'));
    await waitFor(() => expect(screen.getByTestId('photo-item').getAttribute('data-status')).toBe('failed'));
    fireEvent.input(screen.getByTestId('fee'), { target: { value: '35.5' } });
    fireEvent.click(screen.getByTestId('sheet-submit'));
    expect(screen.getByTestId('sheet-error').textContent).toBe('请填写处理结果');
    fireEvent.input(screen.getByTestId('sheet-text'), { target: { value: '更换阀芯' } });
    fireEvent.click(screen.getByTestId('sheet-submit'));
    await waitFor(() => expect(taroTest.toasts).toContain('已保存，联网后自动发送'));
    expect(queuedActions()[0]).toMatchObject({ action: 'resolve', pendingPhotos: ['wxfile://after-1.jpg'], body: { note: '更换阀芯', fee: 35.5 } });

    api.offline = false;
    await act(async () => {
      await flushQueue();
    });
    const resolves = api.calls('POST /tickets/1/resolve');
    expect(resolves.map((r) => r.body)).toEqual([{ note: '更换阀芯', fee: 35.5, photoIds: ['up-1'] }]);
    expect(uploads).toBe(1);
    expect(queuedActions()).toEqual([]);
    // Nothing more to send: no second resolve, no second upload.
    await act(async () => {
      await flushQueue();
    });
    expect(api.calls('POST /tickets/1/resolve')).toHaveLength(1);
  });

  it('keeps a refusal with its reason instead of retrying it forever', async () => {
    signedIn(['technician']);
    serve(detail());
    api.on('POST /tickets/:id/start', () => ({
      status: 409,
      body: { statusCode: 409, code: 'INVALID_TRANSITION', message: '工单当前为「处理中」，不能开始处理' },
    }));
    render(<StaffTicketPage />);
    fireEvent.click(await screen.findByTestId('action-start'));
    await waitFor(() => expect(taroTest.toasts).toContain('工单当前为「处理中」，不能开始处理'));
    expect(queuedActions()).toEqual([]);
  });

  it('lets the technician move the visit with a reason, and the agent dispatch by skills and load', async () => {
    signedIn(['technician']);
    const t = serve(detail());
    api.on('POST /tickets/:id/reschedule', (req) => ({ status: 200, body: t.set({ appointmentAt: req.body.appointmentAt }) }));
    render(<StaffTicketPage />);
    fireEvent.click(await screen.findByTestId('action-reschedule'));
    fireEvent.click(screen.getAllByTestId('day')[1]!);
    fireEvent.click(screen.getAllByTestId('hour')[6]!); // 14:00
    fireEvent.click(screen.getByTestId('sheet-submit'));
    expect(screen.getByTestId('sheet-error').textContent).toBe('请填写原因');
    fireEvent.input(screen.getByTestId('sheet-text'), { target: { value: '配件明天到' } });
    fireEvent.click(screen.getByTestId('sheet-submit'));
    await waitFor(() => expect(api.calls('POST /tickets/1/reschedule')).toHaveLength(1));
    const body = api.calls('POST /tickets/1/reschedule')[0]!.body;
    expect(body.reason).toBe('配件明天到');
    // 14:00 in Shanghai is 06:00 UTC.
    expect(body.appointmentAt).toMatch(/T06:00:00\.000Z$/);
    await waitFor(() => expect(screen.queryByTestId('action-sheet')).toBeNull());
  });

  it('shows an agent the technicians with skills and open jobs, least loaded first', async () => {
    signedIn(['agent'], 's-agent');
    serve(detail({ status: 'accepted', assignee: null }));
    api.on('GET /admin/staff', (req) => {
      expect(req.query).toMatchObject({ role: 'technician', communityId: 'c1' });
      return {
        status: 200,
        body: {
          items: [
            {
              id: 't1',
              username: 'a',
              name: '赵师傅',
              phoneMasked: null,
              roles: ['technician'],
              communityIds: ['c1'],
              skills: ['电梯'],
              active: true,
              openAssigned: 4,
            },
            {
              id: 't2',
              username: 'b',
              name: '王师傅',
              phoneMasked: null,
              roles: ['technician'],
              communityIds: ['c1'],
              skills: ['水电', '门窗'],
              active: true,
              openAssigned: 1,
            },
          ],
          nextCursor: null,
        },
      };
    });
    api.on('POST /tickets/:id/dispatch', () => ({ status: 200, body: detail({ status: 'dispatched' }) }));
    render(<StaffTicketPage />);
    fireEvent.click(await screen.findByTestId('action-dispatch'));
    await waitFor(() => expect(screen.getAllByTestId('person')).toHaveLength(2));
    expect(screen.getAllByTestId('person').map((p) => p.textContent)).toEqual(['王师傅水电、门窗 · 在办 1 单', '赵师傅电梯 · 在办 4 单']);
    fireEvent.click(screen.getAllByTestId('person')[0]!);
    fireEvent.click(screen.getByTestId('sheet-submit'));
    await waitFor(() => expect(api.calls('POST /tickets/1/dispatch')).toHaveLength(1));
    expect(api.calls('POST /tickets/1/dispatch')[0]!.body).toEqual({ assigneeId: 't2' });
  });
});
