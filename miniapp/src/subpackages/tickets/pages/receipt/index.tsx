import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatFen, LABELS } from '@yizhan/shared';
import { fetchReceipt } from '../../../../api/payments';
import Button from '../../../../components/Button';
import PageShell from '../../../../components/PageShell';
import { isH5 } from '../../../../config';
import { useAsync } from '../../../../hooks/useAsync';
import { zh } from '../../../../i18n/zh';
import { formatDateTime } from '../../../../utils/time';
import './index.scss';

/** 收据: the electronic receipt of a paid request — lines, total, how and when it was paid, by whom it is issued. */
export default function ReceiptPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const receipt = useAsync(() => fetchReceipt(id), [id]);
  const r = receipt.data;
  return (
    <PageShell loading={receipt.status === 'loading'} error={receipt.error} hasData={r !== null} onRetry={() => void receipt.reload()}>
      {r && (
        <View className="receipt" data-testid="receipt">
          <View className="receipt__head">
            <View className="receipt__title">{zh.receipt.title}</View>
            <View className="receipt__issuer">{r.propertyName}</View>
          </View>
          <View className="receipt__row">
            <Text className="muted">{zh.receipt.ticket}</Text>
            <Text>{r.ticketNo}</Text>
          </View>
          <View className="receipt__row">
            <Text className="muted">{zh.receipt.room}</Text>
            <Text>{r.roomLabel}</Text>
          </View>
          <View className="receipt__row">
            <Text className="muted">{zh.receipt.item}</Text>
            <Text>{r.category}</Text>
          </View>
          <View className="receipt__lines">
            {r.lines.map((l, i) => (
              <View key={i} className="receipt__row">
                <Text>
                  {l.name} {l.quantity}
                  {l.unit} × {formatFen(l.unitPriceFen)}
                </Text>
                <Text>{formatFen(l.amountFen)}</Text>
              </View>
            ))}
          </View>
          <View className="receipt__row receipt__row--total">
            <Text>{zh.receipt.total}</Text>
            <Text data-testid="receipt-total">{formatFen(r.totalFen)}</Text>
          </View>
          <View className="receipt__row">
            <Text>{zh.receipt.paid}</Text>
            <Text data-testid="receipt-paid">{formatFen(r.paidFen)}</Text>
          </View>
          {r.refundedFen > 0 && (
            <View className="receipt__row">
              <Text>{zh.receipt.refunded}</Text>
              <Text>{formatFen(r.refundedFen)}</Text>
            </View>
          )}
          {r.payments.map((p) => (
            <View key={p.outTradeNo} className="receipt__payment">
              <View className="receipt__row">
                <Text className="muted">{zh.receipt.method}</Text>
                <Text>{LABELS.paymentMethod[p.method]}</Text>
              </View>
              <View className="receipt__row">
                <Text className="muted">{zh.receipt.time}</Text>
                <Text>{formatDateTime(p.paidAt, new Date())}</Text>
              </View>
            </View>
          ))}
          {r.waived && <View className="muted">{zh.receipt.waived}</View>}
          <View className="receipt__note muted">{zh.receipt.note}</View>
          {isH5() && (
            <Button className="btn btn--ghost receipt__print" onClick={() => window.print()}>
              {zh.receipt.print}
            </Button>
          )}
        </View>
      )}
    </PageShell>
  );
}
