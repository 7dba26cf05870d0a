import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatFen, type Quote, type Settlement } from '@yizhan/shared';
import { approveQuote, declineQuote, fetchSettlement, payWithWechat, syncPayment } from '../../api/payments';
import type { ApiResult } from '../../api/result';
import { isWeapp } from '../../config';
import { useAsync } from '../../hooks/useAsync';
import { zh } from '../../i18n/zh';
import { ROUTES } from '../../routes';
import Button from '../Button';
import './index.scss';

interface Props {
  ticketId: string;
  /** The request changed (a decision, a payment): reload its detail too. */
  onChanged: () => void;
}

function Lines({ quote }: { quote: Quote }) {
  return (
    <View className="fee__lines" data-testid="fee-lines">
      {quote.lines.map((l, i) => (
        <View key={i} className="fee__line">
          <Text className="fee__name">
            {l.name}
            {l.quantity > 1 ? ` × ${l.quantity}${l.unit}` : ''}
          </Text>
          <Text className={l.amountFen < 0 ? 'fee__amount fee__amount--minus' : 'fee__amount'}>{formatFen(l.amountFen)}</Text>
        </View>
      ))}
      <View className="fee__line fee__line--total">
        <Text>{zh.pay.total}</Text>
        <Text data-testid="fee-total">{formatFen(quote.totalFen)}</Text>
      </View>
    </View>
  );
}

/**
 * 费用 on a request: the quote waiting for the resident (approve / decline), what is due and
 * how to pay it (WeChat Pay in the mini-program; in a browser, offline), and the receipt.
 */
export default function SettlementCard({ ticketId, onChanged }: Props) {
  const settlement = useAsync(() => fetchSettlement(ticketId), [ticketId]);
  const [busy, setBusy] = useState(false);
  const s: Settlement | null = settlement.data;
  if (!s || (s.quotes.length === 0 && s.paidFen === 0 && s.dueFen === 0)) return null;
  const pending = s.quotes.find((q) => q.status === 'pending') ?? null;
  const current = s.quotes.find((q) => q.status === 'approved') ?? null;

  const run = async <T,>(call: () => Promise<ApiResult<T>>, done: string): Promise<ApiResult<T>> => {
    setBusy(true);
    const res = await call();
    setBusy(false);
    void Taro.showToast({ title: res.ok ? done : res.message, icon: 'none', duration: 2000 });
    void settlement.reload(true);
    onChanged();
    return res;
  };

  const decline = async (quoteId: string) => {
    const answer = await Taro.showModal({ title: zh.pay.declineTitle, content: zh.pay.quoteHint });
    if (answer.confirm) await run(() => declineQuote(ticketId, quoteId, {}), zh.pay.declined);
  };

  const pay = async () => {
    setBusy(true);
    const order = await payWithWechat(ticketId);
    if (!order.ok) {
      setBusy(false);
      void Taro.showToast({ title: order.message, icon: 'none', duration: 2500 });
      return;
    }
    try {
      await Taro.requestPayment({ ...order.data.params, signType: 'RSA' });
    } catch {
      setBusy(false);
      void Taro.showToast({ title: zh.pay.payCancelled, icon: 'none' });
      return;
    }
    // The success callback is no proof: the server asks WeChat Pay.
    Taro.showLoading({ title: zh.pay.paying });
    const synced = await syncPayment(ticketId, order.data.paymentId);
    Taro.hideLoading();
    setBusy(false);
    const paid = synced.ok && synced.data.dueFen === 0;
    void Taro.showToast({ title: paid ? zh.pay.payDone : zh.pay.payPending, icon: 'none', duration: 2500 });
    void settlement.reload(true);
    onChanged();
  };

  return (
    <View className="card fee" data-testid="settlement">
      <View className="detail__section-title">{pending ? zh.pay.quoteTitle : zh.pay.title}</View>
      {pending ? (
        <View data-testid="pending-quote">
          <Lines quote={pending} />
          {pending.note && <View className="fee__note">{pending.note}</View>}
          <View className="fee__hint muted">{zh.pay.quoteHint}</View>
          <View className="fee__buttons">
            <Button className="btn btn--ghost" disabled={busy} onClick={() => void decline(pending.id)} data-testid="decline-quote">
              {zh.pay.decline}
            </Button>
            <Button
              className="btn btn--primary"
              disabled={busy}
              onClick={() => void run(() => approveQuote(ticketId, pending.id), zh.pay.approved)}
              data-testid="approve-quote"
            >
              {zh.pay.approve}
            </Button>
          </View>
        </View>
      ) : (
        current && <Lines quote={current} />
      )}
      {s.dueFen > 0 && !pending && (
        <View className="fee__due" data-testid="payment-due">
          <View className="fee__line">
            <Text>{zh.pay.due}</Text>
            <Text className="fee__due-amount">{formatFen(s.dueFen)}</Text>
          </View>
          {s.wechatPayAvailable && isWeapp() ? (
            <Button className="btn btn--primary" disabled={busy} onClick={() => void pay()} data-testid="pay">
              {zh.pay.payNow}
            </Button>
          ) : (
            <View className="fee__offline" data-testid="pay-offline">
              {s.wechatPayAvailable && <View className="fee__in-wechat">{zh.pay.inWechat}</View>}
              <View className="muted">{s.wechatPayAvailable ? zh.pay.offline : zh.pay.offlineOnly}</View>
            </View>
          )}
        </View>
      )}
      {s.waived && <View className="fee__hint">{zh.pay.waived}</View>}
      {s.paidFen > 0 && (
        <View className="fee__paid">
          <View className="fee__line">
            <Text>{zh.pay.paid}</Text>
            <Text>{formatFen(s.paidFen)}</Text>
          </View>
          {s.refundedFen > 0 && (
            <View className="fee__line">
              <Text>{zh.pay.refunded}</Text>
              <Text>{formatFen(s.refundedFen)}</Text>
            </View>
          )}
          <Text className="link" data-testid="receipt-link" onClick={() => void Taro.navigateTo({ url: ROUTES.receipt(ticketId) })}>
            {zh.pay.receipt} ›
          </Text>
        </View>
      )}
    </View>
  );
}
