import type { TicketDetail } from '@yizhan/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeServer, renderPage, signIn, ticket } from '../test/helpers';
import { TicketActions } from './TicketActions';

function detail(over: Partial<TicketDetail> = {}): TicketDetail {
  return {
    ...ticket(),
    contactPhoneMasked: '138****8000',
    photos: [],
    events: [],
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
    residentId: 'res1',
    flagged: false,
    runningClocks: ['respond', 'onsite', 'resolve'],
    following: false,
    followers: [],
    reporterRoom: null,
    mergedInto: null,
    complaint: null,
    ...over,
  };
}
const buttons = () => screen.queryAllByRole('button').map((b) => b.textContent?.replace(/\s/g, ''));

describe('ticket actions follow the shared state machine', () => {
  beforeEach(() => fakeServer({}));

  it('the owner of a new ticket can accept or cancel it, but not dispatch yet', () => {
    signIn(['agent'], 's1');
    renderPage(<TicketActions ticket={detail({ status: 'submitted', owner: { id: 's1', name: '王小丽' } })} onDone={() => {}} />);
    expect(buttons()).toEqual(expect.arrayContaining(['受理', '取消']));
    expect(buttons()).not.toContain('派工');
  });

  it('another agent sees nothing to do on a ticket owned by a colleague', () => {
    signIn(['agent'], 's2');
    renderPage(<TicketActions ticket={detail({ status: 'accepted', owner: { id: 's1', name: '王小丽' } })} onDone={() => {}} />);
    expect(screen.getByText('当前没有您可以执行的操作')).toBeInTheDocument();
  });

  it('the assigned technician can start a dispatched job', () => {
    signIn(['technician'], 'tech1');
    renderPage(
      <TicketActions ticket={detail({ status: 'dispatched', owner: { id: 's1', name: '王' }, assignee: { id: 'tech1', name: '李师傅' } })} onDone={() => {}} />,
    );
    expect(buttons()).toContain('开始处理');
    expect(buttons()).not.toContain('派工');
  });

  it('a supervisor can transfer ownership, with a reason', async () => {
    signIn(['supervisor'], 'boss');
    const t = detail({ status: 'accepted', owner: { id: 's1', name: '王小丽' } });
    const server = fakeServer({
      'GET /admin/staff': {
        body: {
          items: [{ id: 's3', name: '赵敏', username: 'zm', roles: ['agent'], communityIds: ['c1'], skills: [], active: true, phoneMasked: null }],
          nextCursor: null,
        },
      },
      [`POST /tickets/${t.id}/transfer`]: { body: t },
    });
    renderPage(<TicketActions ticket={t} onDone={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: /转\s*交/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('请选择新的负责人')).toBeInTheDocument();
    expect(within(dialog).getByText('请填写原因')).toBeInTheDocument();
    expect(server.find('POST', `/tickets/${t.id}/transfer`)).toHaveLength(0);
  });

  it('a technician finishing a repair must add an after photo and a result note', async () => {
    signIn(['technician'], 'tech1');
    const t = detail({ status: 'in_progress', owner: { id: 's1', name: '王' }, assignee: { id: 'tech1', name: '李师傅' } });
    const server = fakeServer({});
    renderPage(<TicketActions ticket={t} onDone={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: /办\s*结/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('请填写处理结果')).toBeInTheDocument();
    expect(within(dialog).getByText('请上传至少一张完工照片')).toBeInTheDocument();
    expect(server.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('an unsatisfied return visit needs the reason written down, then reopens', async () => {
    signIn(['agent'], 's1');
    const t = detail({ status: 'closed', owner: { id: 's1', name: '王小丽' } });
    let done = false;
    const server = fakeServer({ [`POST /tickets/${t.id}/revisit`]: { body: { ...t, status: 'accepted' } } });
    renderPage(<TicketActions ticket={t} onDone={() => (done = true)} />);
    await userEvent.click(screen.getByRole('button', { name: /回\s*访/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText('不满意（重新处理）'));
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('住户不满意时请记录原因')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('备注'), '水管仍在渗水');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(done).toBe(true));
    expect(server.find('POST', `/tickets/${t.id}/revisit`)[0]!.body).toEqual({ satisfied: false, note: '水管仍在渗水' });
  });
});

describe('dispatching again, in Beijing time whatever the device says', () => {
  it('starts from the current technician and visit time, and sends the time as Beijing time', async () => {
    // The test runner's zone is the device's (UTC on CI): 11:00 Beijing must stay 11:00 Beijing.
    signIn(['agent'], 's1');
    const t = detail({
      status: 'dispatched',
      owner: { id: 's1', name: '王小丽' },
      assignee: { id: 'tech1', name: '李师傅' },
      appointmentAt: '2030-03-08T03:00:00.000Z',
    });
    const server = fakeServer({
      'GET /admin/staff': {
        body: {
          items: [
            { id: 'tech1', name: '李师傅', username: 'li', roles: ['technician'], communityIds: ['c1'], skills: ['水电'], active: true, phoneMasked: null },
          ],
          nextCursor: null,
        },
      },
      [`POST /tickets/${t.id}/dispatch`]: { body: t },
    });
    renderPage(<TicketActions ticket={t} onDone={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: /派\s*工/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByDisplayValue('2030-03-08 11:00')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByTitle('李师傅')).toBeInTheDocument());
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(server.find('POST', `/tickets/${t.id}/dispatch`)).toHaveLength(1));
    expect(server.find('POST', `/tickets/${t.id}/dispatch`)[0]!.body).toMatchObject({ assigneeId: 'tech1', appointmentAt: '2030-03-08T03:00:00.000Z' });
  }, 60_000);

  it('resumes a hold without asking for a reason', async () => {
    signIn(['agent'], 's1');
    const t = detail({ status: 'accepted', onHold: true, owner: { id: 's1', name: '王小丽' } });
    const server = fakeServer({ [`POST /tickets/${t.id}/resume`]: { body: t } });
    renderPage(<TicketActions ticket={t} onDone={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: /恢\s*复/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(server.find('POST', `/tickets/${t.id}/resume`)).toHaveLength(1));
    expect(server.find('POST', `/tickets/${t.id}/resume`)[0]!.body).toEqual({});
  }, 60_000);
});
