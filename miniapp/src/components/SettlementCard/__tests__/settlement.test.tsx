import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Settlement } from '@yizhan/shared';
import { api } from '../../../../test/fake-api';
import { returningResident } from '../../../../test/helpers';
import { taroTest } from '../../../../test/stubs/taro';
import SettlementCard from '../index';

const QUOTE = {
  id: 'q1',
  status: 'pending' as const,
  lines: [
    { kind: 'material' as const, name: '铜阀门', unit: '个', unitPriceFen: 3550, quantity: 2, amountFen: 7100, priceItemId: 'p1' },
    { kind: 'discount' as const, name: '老住户优惠', unit: '项', unitPriceFen: 500, quantity: 1, amountFen: -500, priceItemId: null },
  ],
  totalFen: 6600,
  note: '阀门老化需要更换',
  createdByName: '李师傅',
  createdAt: new Date().toISOString(),
  decidedAt: null,
  decisionNote: null,
};

function settlement(patch: Partial<Settlement> = {}): Settlement {
  return {
    ticketId: '42',
    quotePending: true,
    approvedFen: 0,
    paidFen: 0,
    dueFen: 0,
    refundedFen: 0,
    waived: false,
    bookingPriceFen: 0,
    wechatPayAvailable: true,
    quotes: [QUOTE],
    payments: [],
    refunds: [],
    ...patch,
  };
}

function serve(initial: Settlement) {
  let current = initial;
  api.on('GET /tickets/:id/settlement', () => ({ status: 200, body: current }));
  return (next: Settlement) => {
    current = next;
    return { status: 200, body: next };
  };
}

const approved = settlement({ quotePending: false, approvedFen: 6600, dueFen: 6600, quotes: [{ ...QUOTE, status: 'approved' }] });

describe('the 费用 card of a request', () => {
  beforeEach(() => returningResident());
  afterEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it('shows a pending quote line by line with its total, and approves it', async () => {
    const set = serve(settlement());
    api.on('POST /tickets/:id/quotes/:quoteId/approve', () => set(approved));
    const changed = jest.fn();
    render(<SettlementCard ticketId="42" onChanged={changed} />);
    expect(await screen.findByText('报价待您确认')).toBeTruthy();
    expect(screen.getByText('铜阀门 × 2个')).toBeTruthy();
    expect(screen.getByText('-¥5.00')).toBeTruthy();
    expect(screen.getByTestId('fee-total').textContent).toBe('¥66.00');
    fireEvent.click(screen.getByTestId('approve-quote'));
    await waitFor(() => expect(screen.getByTestId('payment-due').textContent).toContain('¥66.00'));
    expect(api.calls('POST /tickets/42/quotes/q1/approve')).toHaveLength(1);
    expect(changed).toHaveBeenCalled();
  });

  it('declines after asking once', async () => {
    const set = serve(settlement());
    api.on('POST /tickets/:id/quotes/:quoteId/decline', () => set(settlement({ quotePending: false, quotes: [{ ...QUOTE, status: 'declined' }] })));
    render(<SettlementCard ticketId="42" onChanged={() => undefined} />);
    fireEvent.click(await screen.findByTestId('decline-quote'));
    await waitFor(() => expect(taroTest.toasts).toContain('已告知师傅'));
    expect(api.calls('POST /tickets/42/quotes/q1/decline')[0]!.body).toEqual({});
  });

  it('in the mini-program pays with wx.requestPayment and lets the server confirm it', async () => {
    const set = serve(approved);
    const params = { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA', paySign: 'sig' };
    api.on('POST /tickets/:id/payments/wechat', () => ({
      status: 201,
      body: { paymentId: 'p9', amountFen: 6600, expiresAt: new Date().toISOString(), params },
    }));
    api.on('POST /tickets/:id/payments/:paymentId/sync', () => set(settlement({ ...approved, paidFen: 6600, dueFen: 0 })));
    render(<SettlementCard ticketId="42" onChanged={() => undefined} />);
    fireEvent.click(await screen.findByTestId('pay'));
    await waitFor(() => expect(taroTest.toasts).toContain('付款成功'));
    expect(taroTest.payments).toEqual([params]);
    expect(api.calls('POST /tickets/42/payments/p9/sync')).toHaveLength(1);
    expect(await screen.findByTestId('receipt-link')).toBeTruthy();
  });

  it('a cancelled payment asks the server nothing more', async () => {
    serve(approved);
    api.on('POST /tickets/:id/payments/wechat', () => ({
      status: 201,
      body: { paymentId: 'p9', amountFen: 6600, expiresAt: '', params: { timeStamp: '1', nonceStr: 'n', package: 'p', signType: 'RSA', paySign: 's' } },
    }));
    taroTest.paymentAnswer = false;
    render(<SettlementCard ticketId="42" onChanged={() => undefined} />);
    fireEvent.click(await screen.findByTestId('pay'));
    await waitFor(() => expect(taroTest.toasts).toContain('已取消支付'));
    expect(api.calls('POST /tickets/42/payments/p9/sync')).toHaveLength(0);
  });

  it('without WeChat Pay on the server, offers the offline ways only', async () => {
    serve({ ...approved, wechatPayAvailable: false });
    render(<SettlementCard ticketId="42" onChanged={() => undefined} />);
    const offline = await screen.findByTestId('pay-offline');
    expect(offline.textContent).toContain('现金或物业收款码');
    expect(offline.textContent).not.toContain('请在微信中支付');
    expect(screen.queryByTestId('pay')).toBeNull();
  });
});
