import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  allowedActions,
  formatFen,
  LABELS,
  parseYuan,
  ticketStateOf,
  type FeeLineKind,
  type Id,
  type PriceItem,
  type QuoteLine,
  type Settlement,
  type TicketDetail,
} from '@yizhan/shared';
import { App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAsync } from '../hooks/useAsync';
import { getSettlement, priceItemsForTicket, recordOfflinePayment, refundPayment, sendQuote, syncPayment, waiveFee } from '../services/payments';
import { T } from '../strings';
import { fmtDateTime } from '../time';
import { useStaffActor } from './TicketActions';

/** Yuan typed in a form (InputNumber) to whole fen, without a float product. */
const fen = (yuan: number | null | undefined) => parseYuan(String(yuan ?? '')) ?? 0;

function LinesTable({ lines, total }: { lines: QuoteLine[]; total: number }) {
  return (
    <Table<QuoteLine & { position: number }>
      size="small"
      rowKey="position"
      pagination={false}
      dataSource={lines.map((l, position) => ({ ...l, position }))}
      columns={[
        { title: T.pay.item, render: (_, l) => `${l.name}${l.quantity > 1 ? ` × ${l.quantity}${l.unit}` : ''}` },
        { title: T.pay.kind, dataIndex: 'kind', render: (k: FeeLineKind) => LABELS.feeLineKind[k] },
        { title: T.pay.amount, dataIndex: 'amountFen', align: 'right', render: (a: number) => formatFen(a) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <strong>{T.pay.total}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong>{formatFen(total)}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

interface LineForm {
  kind: FeeLineKind;
  priceItemId?: Id;
  name?: string;
  unitPrice?: number;
  quantity: number;
}

/** The owner or the technician sends the fee lines; the server prices and sums them. */
function QuoteModal({ ticket, open, onClose, onDone }: { ticket: TicketDetail; open: boolean; onClose: () => void; onDone: (s: Settlement) => void }) {
  const [form] = Form.useForm<{ lines: LineForm[]; note?: string }>();
  const [saving, setSaving] = useState(false);
  const prices = useAsync(() => (open ? priceItemsForTicket(ticket.id) : Promise.resolve([] as PriceItem[])), [open, ticket.id]);
  const kinds: FeeLineKind[] = ticket.serviceItem ? ['service', 'material', 'labour', 'discount'] : ['material', 'labour', 'discount'];
  return (
    <Modal
      open={open}
      title={T.pay.sendQuote}
      width={720}
      okText={T.pay.sendQuote}
      cancelText={T.cancel}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ lines: [{ kind: ticket.serviceItem ? 'service' : 'labour', quantity: 1 }] }}
        onFinish={async (v) => {
          setSaving(true);
          try {
            const lines = v.lines.map((l) =>
              l.kind === 'material'
                ? { kind: l.kind, priceItemId: l.priceItemId, quantity: l.quantity }
                : l.kind === 'service'
                  ? { kind: l.kind, quantity: l.quantity }
                  : { kind: l.kind, name: l.name?.trim() || undefined, unitPriceFen: fen(l.unitPrice), quantity: l.quantity },
            );
            onDone(await sendQuote(ticket.id, { lines, note: v.note?.trim() || undefined }));
            form.resetFields();
          } catch {
            // shown by the request wrapper
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]}>
                    <Select style={{ width: 110 }} options={kinds.map((k) => ({ value: k, label: LABELS.feeLineKind[k] }))} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const kind = form.getFieldValue(['lines', field.name, 'kind']) as FeeLineKind;
                      if (kind === 'service') return <Typography.Text type="secondary">{ticket.serviceItem?.name}</Typography.Text>;
                      if (kind === 'material')
                        return (
                          <Form.Item name={[field.name, 'priceItemId']} rules={[{ required: true, message: T.pay.chooseMaterial }]}>
                            <Select
                              style={{ width: 220 }}
                              showSearch
                              optionFilterProp="label"
                              placeholder={T.pay.chooseMaterial}
                              options={(prices.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${formatFen(p.unitPriceFen)}/${p.unit}）` }))}
                            />
                          </Form.Item>
                        );
                      return (
                        <Space>
                          <Form.Item name={[field.name, 'name']}>
                            <Input placeholder={T.pay.lineName} maxLength={60} style={{ width: 130 }} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'unitPrice']} rules={[{ required: true, message: T.required(T.pay.unitPrice) }]}>
                            <InputNumber placeholder={T.pay.unitPrice} min={0} precision={2} style={{ width: 110 }} />
                          </Form.Item>
                        </Space>
                      );
                    }}
                  </Form.Item>
                  <Form.Item name={[field.name, 'quantity']} rules={[{ required: true }]}>
                    <InputNumber min={1} max={9999} precision={0} placeholder={T.pay.quantity} aria-label={T.pay.quantity} style={{ width: 90 }} />
                  </Form.Item>
                  {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="删除" /> : null}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'material', quantity: 1 })}>
                {T.pay.addLine}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={T.pay.quoteNote} style={{ marginTop: 16 }}>
          <Input.TextArea maxLength={300} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 费用 on the ticket page: the lines (pending or approved), approved / paid / due, the
 * payments with their refunds, and what this person may do — quote, record an offline
 * payment, waive, refund — as the shared state machine allows.
 */
export function FeePanel({ ticket, onDone }: { ticket: TicketDetail; onDone: () => void }) {
  const { message, modal } = App.useApp();
  const actor = useStaffActor();
  const { data: s, reload } = useAsync(() => getSettlement(ticket.id), [ticket.id, ticket.dueFen, ticket.quotePending]);
  const [quoting, setQuoting] = useState(false);
  const allowed = actor ? allowedActions(ticketStateOf({ ...ticket, residentId: ticket.residentId ?? null, rating: ticket.rating ?? null }), actor) : [];
  const supervisor = actor?.roles.includes('supervisor') ?? false;
  const done = (text: string) => {
    message.success(text);
    reload();
    onDone();
  };

  const askText = (title: string, label: string, run: (text: string) => Promise<unknown>) => {
    let value = '';
    modal.confirm({
      title,
      content: <Input.TextArea aria-label={label} placeholder={label} maxLength={300} rows={3} onChange={(e) => (value = e.target.value)} />,
      okText: T.ok,
      cancelText: T.cancel,
      onOk: async () => {
        if (!value.trim()) {
          message.error(T.required(label));
          throw new Error('required');
        }
        await run(value.trim());
      },
    });
  };

  const offline = () => {
    if (!s) return;
    let method: 'cash' | 'qr' = 'cash';
    let note = '';
    modal.confirm({
      title: `${T.pay.recordOffline} ${formatFen(s.dueFen)}`,
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            defaultValue="cash"
            style={{ width: '100%' }}
            aria-label={T.pay.method}
            onChange={(v: 'cash' | 'qr') => (method = v)}
            options={(['cash', 'qr'] as const).map((m) => ({ value: m, label: LABELS.paymentMethod[m] }))}
          />
          <Input placeholder={T.pay.receiptNote} maxLength={200} onChange={(e) => (note = e.target.value)} />
        </Space>
      ),
      okText: T.ok,
      cancelText: T.cancel,
      onOk: async () => {
        await recordOfflinePayment(ticket.id, { method, amountFen: s.dueFen, note: note.trim() || undefined });
        done(T.saved);
      },
    });
  };

  const refund = (paymentId: Id, left: number) => {
    let yuan = '';
    let reason = '';
    modal.confirm({
      title: T.pay.refund,
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input placeholder={`${T.pay.refundAmount}，最多 ${formatFen(left)}`} onChange={(e) => (yuan = e.target.value)} />
          <Input placeholder={T.pay.refundReason} maxLength={80} onChange={(e) => (reason = e.target.value)} />
        </Space>
      ),
      okText: T.ok,
      cancelText: T.cancel,
      onOk: async () => {
        const amountFen = parseYuan(yuan);
        if (!amountFen || !reason.trim()) {
          message.error(T.required(!amountFen ? T.pay.refundAmount : T.pay.refundReason));
          throw new Error('required');
        }
        await refundPayment(ticket.id, paymentId, { amountFen, reason: reason.trim() });
        done(T.saved);
      },
    });
  };

  const pending = s?.quotes.find((q) => q.status === 'pending');
  const current = s?.quotes.find((q) => q.status === 'approved');
  const shown = pending ?? current;
  return (
    <Card
      title={T.pay.fee}
      extra={
        <Space wrap>
          {allowed.includes('quote') ? (
            <Button size="small" onClick={() => setQuoting(true)}>
              {T.pay.sendQuote}
            </Button>
          ) : null}
          {allowed.includes('record_payment') ? (
            <Button size="small" type="primary" onClick={offline}>
              {T.pay.recordOffline}
            </Button>
          ) : null}
          {allowed.includes('waive') ? (
            <Button
              size="small"
              danger
              onClick={() => askText(T.pay.waive, T.pay.waiveReason, async (reason) => (await waiveFee(ticket.id, { reason }), done(T.saved)))}
            >
              {T.pay.waive}
            </Button>
          ) : null}
        </Space>
      }
    >
      {!s || (!shown && s.paidFen === 0) ? (
        <Empty description={T.pay.noFee} image={Empty.PRESENTED_IMAGE_SIMPLE}>
          {s && s.bookingPriceFen > 0 ? <Typography.Text type="secondary">{T.pay.bookingPrice(formatFen(s.bookingPriceFen))}</Typography.Text> : null}
        </Empty>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {pending ? <Tag color="orange">{T.pay.quotePending}</Tag> : null}
          {shown ? <LinesTable lines={shown.lines} total={shown.totalFen} /> : null}
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={T.pay.approved}>{formatFen(s.approvedFen)}</Descriptions.Item>
            <Descriptions.Item label={T.pay.paid}>{formatFen(s.paidFen)}</Descriptions.Item>
            <Descriptions.Item label={T.pay.due}>
              {s.waived ? <Tag>{T.pay.waived}</Tag> : <Typography.Text type={s.dueFen ? 'danger' : undefined}>{formatFen(s.dueFen)}</Typography.Text>}
            </Descriptions.Item>
            {s.refundedFen ? <Descriptions.Item label={T.pay.refunded}>{formatFen(s.refundedFen)}</Descriptions.Item> : null}
          </Descriptions>
          {s.payments.length ? (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={s.payments}
              columns={[
                { title: T.pay.method, dataIndex: 'method', render: (m: keyof typeof LABELS.paymentMethod) => LABELS.paymentMethod[m] },
                {
                  title: T.pay.amount,
                  dataIndex: 'amountFen',
                  render: (a: number, p) => `${formatFen(a)}${p.refundedFen ? `（${T.pay.refunded} ${formatFen(p.refundedFen)}）` : ''}`,
                },
                { title: T.pay.paidAt, render: (_, p) => (p.status === 'paid' ? fmtDateTime(p.paidAt) : LABELS.paymentStatus[p.status]) },
                {
                  title: T.ticket.actions,
                  render: (_, p) =>
                    p.status === 'pending' ? (
                      <Button size="small" onClick={async () => (await syncPayment(ticket.id, p.id), reload(), onDone())}>
                        {T.pay.sync}
                      </Button>
                    ) : supervisor && p.amountFen > p.refundedFen ? (
                      <Button size="small" onClick={() => refund(p.id, p.amountFen - p.refundedFen)}>
                        {T.pay.refund}
                      </Button>
                    ) : null,
                },
              ]}
            />
          ) : null}
        </Space>
      )}
      <QuoteModal
        ticket={ticket}
        open={quoting}
        onClose={() => setQuoting(false)}
        onDone={() => {
          setQuoting(false);
          done(T.saved);
        }}
      />
    </Card>
  );
}
