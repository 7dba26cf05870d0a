import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { formatFen, LABELS, parseYuan, type PriceItem, type TradeBillCheck, type UnpaidItem } from '@yizhan/shared';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Space, Switch, Table, Tabs, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useAccess } from '../../hooks/useSession';
import { useFormModal } from '../../components/FormModal';
import { CommunitySelect } from '../../components/pickers';
import { useAsync } from '../../hooks/useAsync';
import { checkTradeBill, createPriceItem, downloadStatement, importPriceItems, listPriceItems, listUnpaid, updatePriceItem } from '../../services/payments';
import { T } from '../../strings';
import { fmtDateTime } from '../../time';

function UnpaidTab({ communityId }: { communityId: string }) {
  const { data, loading } = useAsync(() => listUnpaid(communityId), [communityId]);
  return (
    <Table<UnpaidItem>
      rowKey="ticketId"
      loading={loading}
      dataSource={data ?? []}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      columns={[
        { title: T.ticket.no, dataIndex: 'no', render: (no: string, r) => <Link to={`/tickets/${r.ticketId}`}>{no}</Link> },
        { title: T.ticket.room, dataIndex: 'roomLabel' },
        { title: T.ticket.category, dataIndex: 'category' },
        { title: T.ticket.status, dataIndex: 'status', render: (s: keyof typeof LABELS.status) => LABELS.status[s] },
        { title: T.pay.approved, dataIndex: 'approvedFen', align: 'right', render: formatFen },
        { title: T.pay.paid, dataIndex: 'paidFen', align: 'right', render: formatFen },
        { title: T.pay.due, dataIndex: 'dueFen', align: 'right', render: (f: number) => <Typography.Text type="danger">{formatFen(f)}</Typography.Text> },
        { title: '完工时间', dataIndex: 'resolvedAt', render: (d: string | null) => fmtDateTime(d) },
      ]}
    />
  );
}

interface PriceForm {
  name: string;
  unit: string;
  unitPrice: number;
  active?: boolean;
}

function PriceListTab({ communityId, canEdit }: { communityId: string; canEdit: boolean }) {
  const { message } = App.useApp();
  const { data, loading, reload } = useAsync(() => listPriceItems(communityId), [communityId]);
  const [errors, setErrors] = useState<{ row: number; message: string }[]>([]);
  const editingId = useRef<string | null>(null);
  const modal = useFormModal<PriceForm>(async (v) => {
    const unitPriceFen = parseYuan(String(v.unitPrice)) ?? 0;
    if (editingId.current) await updatePriceItem(editingId.current, { name: v.name.trim(), unit: v.unit.trim(), unitPriceFen, active: v.active ?? true });
    else await createPriceItem({ communityId, name: v.name.trim(), unit: v.unit.trim(), unitPriceFen });
    message.success(T.saved);
    reload();
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canEdit ? (
        <Space wrap>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              editingId.current = null;
              modal.open();
            }}
          >
            {T.create}
          </Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={async (file) => {
              const result = await importPriceItems(communityId, file);
              setErrors(result.errors);
              if (!result.errors.length) message.success(T.pay.imported(result.created, result.updated));
              reload();
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{T.pay.import}</Button>
          </Upload>
          <Typography.Text type="secondary">{T.pay.importHint}</Typography.Text>
        </Space>
      ) : null}
      {errors.length ? <Alert type="error" showIcon message={errors.map((e) => `第 ${e.row} 行：${e.message}`).join('；')} /> : null}
      <Table<PriceItem>
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: T.pay.lineName, dataIndex: 'name' },
          { title: T.pay.unit, dataIndex: 'unit' },
          { title: T.pay.unitPrice, dataIndex: 'unitPriceFen', align: 'right', render: formatFen },
          {
            title: T.admin.active,
            dataIndex: 'active',
            render: (a: boolean) => (a ? <Tag color="green">{T.admin.active}</Tag> : <Tag>{T.admin.inactive}</Tag>),
          },
          ...(canEdit
            ? [
                {
                  title: T.ticket.actions,
                  key: 'a',
                  render: (_: unknown, p: PriceItem) => (
                    <Button
                      size="small"
                      onClick={() => {
                        editingId.current = p.id;
                        modal.open({ name: p.name, unit: p.unit, unitPrice: p.unitPriceFen / 100, active: p.active });
                      }}
                    >
                      {T.edit}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {modal.render(
        T.pay.priceList,
        <>
          <Form.Item name="name" label={T.pay.lineName} rules={[{ required: true, whitespace: true, message: T.required(T.pay.lineName) }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="unit" label={T.pay.unit} rules={[{ required: true, whitespace: true, message: T.required(T.pay.unit) }]}>
            <Input maxLength={10} />
          </Form.Item>
          <Form.Item name="unitPrice" label={T.pay.unitPrice} rules={[{ required: true, message: T.required(T.pay.unitPrice) }]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          {modal.editing ? (
            <Form.Item name="active" label={T.admin.active} valuePropName="checked">
              <Switch />
            </Form.Item>
          ) : null}
        </>,
      )}
    </Space>
  );
}

function StatementTab({ communityId, canCheckBill }: { communityId: string; canCheckBill: boolean }) {
  const [day, setDay] = useState<Dayjs>(dayjs());
  const [check, setCheck] = useState<TradeBillCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const date = day.format('YYYY-MM-DD');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker value={day} onChange={(d) => d && setDay(d)} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        <Button type="primary" icon={<DownloadOutlined />} onClick={() => void downloadStatement(communityId, date)}>
          {T.pay.statement} · {T.pay.download}
        </Button>
        {canCheckBill ? (
          <Button
            loading={checking}
            onClick={async () => {
              setChecking(true);
              try {
                setCheck(await checkTradeBill(date));
              } finally {
                setChecking(false);
              }
            }}
          >
            {T.pay.tradeBill}
          </Button>
        ) : null}
      </Space>
      <Typography.Text type="secondary">{T.pay.statementHint}</Typography.Text>
      {check ? (
        check.mismatches.length ? (
          <Table
            size="small"
            rowKey="outTradeNo"
            pagination={false}
            dataSource={check.mismatches}
            columns={[
              { title: '商户订单号', dataIndex: 'outTradeNo' },
              { title: T.pay.kind, dataIndex: 'kind', render: (k: string) => T.pay.mismatch[k] ?? k },
              { title: T.pay.billFen, dataIndex: 'billFen', align: 'right', render: (f: number | null) => (f === null ? T.dash : formatFen(f)) },
              { title: T.pay.ourFen, dataIndex: 'ourFen', align: 'right', render: (f: number | null) => (f === null ? T.dash : formatFen(f)) },
            ]}
          />
        ) : (
          <Alert type="success" showIcon message={T.pay.noMismatch(check.billCount, formatFen(check.billTotalFen))} />
        )
      ) : null}
    </Space>
  );
}

/** 收费与对账: the unpaid queue, the materials price list, the daily statement and the WeChat Pay bill check. */
export default function PaymentsPage() {
  const access = useAccess();
  const [communityId, setCommunityId] = useState<string | undefined>();
  return (
    <Card title={T.menu.payments} extra={<CommunitySelect value={communityId} onChange={setCommunityId} autoPickFirst />}>
      {communityId ? (
        <Tabs
          items={[
            { key: 'unpaid', label: T.pay.unpaid, children: <UnpaidTab communityId={communityId} /> },
            { key: 'prices', label: T.pay.priceList, children: <PriceListTab communityId={communityId} canEdit={access.canManageCatalogue} /> },
            ...(access.canExport || access.canManageCatalogue
              ? [{ key: 'statement', label: T.pay.statement, children: <StatementTab communityId={communityId} canCheckBill={access.canManageCatalogue} /> }]
              : []),
          ]}
        />
      ) : null}
    </Card>
  );
}
