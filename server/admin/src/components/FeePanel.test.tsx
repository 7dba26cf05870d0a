import type { Settlement, TicketDetail } from '@yizhan/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer, renderPage, signIn, ticket } from '../test/helpers';
import { FeePanel } from './FeePanel';

function detail(over: Partial<TicketDetail> = {}): TicketDetail {
  return {
    ...ticket(),
    contactPhoneMasked: null,
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
    complaint: null,
    following: false,
    followers: [],
    reporterRoom: null,
    mergedInto: null,
    residentId: 'res1',
    flagged: false,
    runningClocks: [],
    ...over,
  };
}

const lines = [
  { kind: 'material' as const, name: '铜阀门', unit: '个', unitPriceFen: 3550, quantity: 2, amountFen: 7100, priceItemId: 'p1' },
  { kind: 'labour' as const, name: '更换人工', unit: '项', unitPriceFen: 5000, quantity: 1, amountFen: 5000, priceItemId: null },
];
function settlement(over: Partial<Settlement> = {}): Settlement {
  return {
    ticketId: 't1',
    quotePending: false,
    approvedFen: 12100,
    paidFen: 0,
    dueFen: 12100,
    refundedFen: 0,
    waived: false,
    bookingPriceFen: 0,
    wechatPayAvailable: true,
    quotes: [
      {
        id: 'q1',
        status: 'approved',
        lines,
        totalFen: 12100,
        note: null,
        createdByName: '李师傅',
        createdAt: new Date().toISOString(),
        decidedAt: null,
        decisionNote: null,
      },
    ],
    payments: [],
    refunds: [],
    ...over,
  };
}

describe('the 费用 panel on a ticket', () => {
  it('shows the lines, the total and what is due; the technician records a cash payment of exactly that', async () => {
    signIn(['technician'], 'tech1');
    const t = detail({ id: 't1', status: 'resolved', owner: { id: 's1', name: '王' }, assignee: { id: 'tech1', name: '李师傅' }, dueFen: 12100 });
    const server = fakeServer({
      'GET /tickets/t1/settlement': { body: settlement() },
      'POST /tickets/t1/payments/offline': { body: settlement({ paidFen: 12100, dueFen: 0 }) },
    });
    let done = false;
    renderPage(<FeePanel ticket={t} onDone={() => (done = true)} />);
    expect(await screen.findByText('铜阀门 × 2个')).toBeInTheDocument();
    expect(screen.getAllByText('¥121.00').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /免\s*收/ })).toBeNull(); // supervisors only
    await userEvent.click(screen.getByRole('button', { name: '登记线下收款' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByPlaceholderText('备注（如纸质收据号）'), 'No.0042');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(done).toBe(true));
    expect(server.find('POST', '/tickets/t1/payments/offline')[0]!.body).toEqual({ method: 'cash', amountFen: 12100, note: 'No.0042' });
  });

  it('a supervisor waives with a reason, and refunds a paid payment', async () => {
    signIn(['supervisor'], 'boss');
    const t = detail({ id: 't1', status: 'resolved', owner: { id: 's1', name: '王' }, dueFen: 12100 });
    const server = fakeServer({
      'GET /tickets/t1/settlement': {
        body: settlement({
          payments: [
            {
              id: 'pay1',
              method: 'wechat',
              status: 'paid',
              amountFen: 5000,
              refundedFen: 0,
              paidAt: new Date().toISOString(),
              recordedByName: null,
              note: null,
              outTradeNo: 'YZ1',
            },
          ],
        }),
      },
      'POST /tickets/t1/waive': { body: settlement({ waived: true, dueFen: 0 }) },
      'POST /tickets/t1/payments/pay1/refunds': { body: settlement() },
    });
    renderPage(<FeePanel ticket={t} onDone={() => {}} />);
    await userEvent.click(await screen.findByRole('button', { name: /免\s*收/ }));
    let dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('免收原因'), '物业原因返修');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(server.find('POST', '/tickets/t1/waive')).toHaveLength(1));
    expect(server.find('POST', '/tickets/t1/waive')[0]!.body).toEqual({ reason: '物业原因返修' });

    await userEvent.click(await screen.findByRole('button', { name: /退\s*款/ }));
    dialog = (await screen.findAllByRole('dialog')).at(-1)!;
    await userEvent.type(within(dialog).getByPlaceholderText(/退款金额/), '12.5');
    await userEvent.type(within(dialog).getByPlaceholderText('退款原因'), '少用材料');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(server.find('POST', '/tickets/t1/payments/pay1/refunds')).toHaveLength(1));
    expect(server.find('POST', '/tickets/t1/payments/pay1/refunds')[0]!.body).toEqual({ amountFen: 1250, reason: '少用材料' });
  });
});
