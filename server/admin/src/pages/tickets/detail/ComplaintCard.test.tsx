import type { Complaint, TicketDetail } from '@yizhan/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeServer, renderPage, signIn, ticket } from '../../../test/helpers';
import { TicketActions } from '../../../components/TicketActions';
import { ComplaintCard } from './ComplaintCard';

const COMPLAINT: Complaint = {
  level: 'general',
  validity: null,
  subjectName: '李敏',
  subjectStaffId: 's9',
  aboutStaff: true,
  formalReply: null,
  investigations: [],
};

function detail(over: Partial<TicketDetail> = {}, complaint: Partial<Complaint> = {}): TicketDetail {
  return {
    ...ticket({ type: 'complaint', category: '服务态度', status: 'accepted', owner: { id: 's1', name: '陈主管' } }),
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
    residentId: 'res1',
    flagged: false,
    runningClocks: ['respond', 'resolve'],
    quotePending: false,
    dueFen: 0,
    following: false,
    followers: [],
    reporterRoom: null,
    mergedInto: null,
    complaint: { ...COMPLAINT, ...complaint },
    ...over,
  };
}

describe('the complaint card (投诉处理)', () => {
  beforeEach(() => fakeServer({}));

  it('shows the level, the finding, the person named and that a supervisor handles it; the owner gets every step', () => {
    signIn(['supervisor'], 's1');
    renderPage(<ComplaintCard ticket={detail()} onDone={() => {}} />);
    const card = screen.getByTestId('complaint-card');
    expect(card).toHaveTextContent('一般');
    expect(card).toHaveTextContent('待认定');
    expect(card).toHaveTextContent('李敏');
    expect(card).toHaveTextContent('由客服主管处理');
    expect(card).toHaveTextContent('尚未正式答复');
    const names = within(card)
      .getAllByRole('button')
      .map((b) => b.textContent?.replace(/\s/g, ''));
    expect(names).toEqual(['定级', '交办调查', '认定', '正式答复']);
  });

  it('hides the resolve button until the formal reply is given, then offers it', () => {
    signIn(['supervisor'], 's1');
    const { unmount } = renderPage(<TicketActions ticket={detail()} onDone={() => {}} />);
    expect(screen.queryByRole('button', { name: /办\s*结/ })).toBeNull();
    unmount();
    renderPage(
      <TicketActions
        ticket={detail({}, { formalReply: { result: '已致歉', measures: '礼仪培训', repliedAt: '2026-11-23T08:00:00.000Z' } })}
        onDone={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: /办\s*结/ })).toBeInTheDocument();
  });

  it('sends the formal reply with both the result and the corrective measures', async () => {
    signIn(['supervisor'], 's1');
    const t = detail();
    let done = false;
    const server = fakeServer({ [`POST /tickets/${t.id}/formal-reply`]: { body: t } });
    renderPage(<ComplaintCard ticket={t} onDone={() => (done = true)} />);
    await userEvent.click(screen.getByRole('button', { name: /正式答复/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定|OK/ }));
    expect(await within(dialog).findByText('请填写处理结果')).toBeInTheDocument();
    expect(within(dialog).getByText('请填写整改措施')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('处理结果'), '经核实属实，已向您致歉');
    await userEvent.type(within(dialog).getByLabelText('整改措施'), '当事客服参加服务礼仪培训');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(done).toBe(true));
    expect(server.find('POST', `/tickets/${t.id}/formal-reply`)[0]!.body).toEqual({ result: '经核实属实，已向您致歉', measures: '当事客服参加服务礼仪培训' });
  });

  it('lists investigation tasks with their due time and result, and lets the investigator report', async () => {
    signIn(['agent'], 's2');
    const task = {
      id: 'i1',
      department: '秩序部',
      assigneeId: 's2',
      assigneeName: '周洁',
      task: '核实周末施工',
      dueAt: '2020-01-01T02:00:00.000Z',
      result: null,
      reportedAt: null,
      overdue: true,
    };
    const t = detail({}, { investigations: [task] });
    const server = fakeServer({ [`POST /tickets/${t.id}/investigations/i1/report`]: { body: t } });
    renderPage(<ComplaintCard ticket={t} onDone={() => {}} />);
    const card = screen.getByTestId('complaint-card');
    expect(card).toHaveTextContent('秩序部');
    expect(card).toHaveTextContent('周洁');
    expect(card).toHaveTextContent('已逾期');
    expect(card).toHaveTextContent('待反馈');
    // Not the owner: none of the owner's steps, only the report of their own task.
    await userEvent.click(within(card).getByRole('button', { name: /反馈结果/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('调查结果'), '周六上午确有施工');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(server.find('POST', `/tickets/${t.id}/investigations/i1/report`)).toHaveLength(1));
    expect(server.find('POST', `/tickets/${t.id}/investigations/i1/report`)[0]!.body).toEqual({ result: '周六上午确有施工' });
  });

  it('shows nothing for other request types', () => {
    signIn(['agent'], 's1');
    renderPage(<ComplaintCard ticket={{ ...detail(), type: 'repair', complaint: null }} onDone={() => {}} />);
    expect(screen.queryByTestId('complaint-card')).toBeNull();
  });
});
