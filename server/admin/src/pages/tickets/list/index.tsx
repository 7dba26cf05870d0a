import { DeleteOutlined, DownloadOutlined, SaveOutlined, SearchOutlined } from '@ant-design/icons';
import { LABELS, TICKET_STATUSES, TICKET_TYPES, type TicketStatus, type TicketSummary, type TicketType } from '@yizhan/shared';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { CommunitySelect, StaffSelect, ZoneSelect } from '../../../components/pickers';
import { TicketTable } from '../../../components/TicketTable';
import { useCursorPages } from '../../../hooks/useCursorPages';
import { useAccess, useSession } from '../../../hooks/useSession';
import { useStaffEventListener } from '../../../hooks/useStaffEventListener';
import { exportTickets, listTickets, type TicketFilters } from '../../../services/tickets';
import { T } from '../../../strings';
import { dayjs, inShanghai, TZ, type Dayjs } from '../../../time';
import { loadSavedFilters, removeSavedFilter, saveFilter, type SavedFilter } from './savedFilters';

interface FilterForm {
  q?: string;
  type?: TicketType;
  status?: TicketStatus;
  communityId?: string;
  zoneId?: string;
  ownerId?: string;
  assigneeId?: string;
  overdue?: boolean;
  range?: [Dayjs, Dayjs];
  sort?: TicketFilters['sort'];
}

/** Form values → API filters. Dates are whole Shanghai days: [from 00:00, to+1 00:00). */
export function formToFilters(v: FilterForm): TicketFilters {
  const f: TicketFilters = {};
  if (v.q?.trim()) f.q = v.q.trim();
  if (v.type) f.type = v.type;
  if (v.status) f.status = v.status;
  if (v.communityId) f.communityId = v.communityId;
  if (v.zoneId) f.zoneId = v.zoneId;
  if (v.ownerId) f.ownerId = v.ownerId;
  if (v.assigneeId) f.assigneeId = v.assigneeId;
  if (v.overdue) f.overdue = true;
  if (v.range?.[0] && v.range[1]) {
    f.from = dayjs.tz(v.range[0].format('YYYY-MM-DD'), TZ).toISOString();
    f.to = dayjs.tz(v.range[1].format('YYYY-MM-DD'), TZ).add(1, 'day').toISOString();
  }
  if (v.sort && v.sort !== 'newest') f.sort = v.sort;
  return f;
}

export function filtersToForm(f: TicketFilters): FilterForm {
  return {
    q: f.q,
    type: f.type,
    status: f.status,
    communityId: f.communityId,
    zoneId: f.zoneId,
    ownerId: f.ownerId,
    assigneeId: f.assigneeId,
    overdue: f.overdue,
    range: f.from && f.to ? [inShanghai(f.from), inShanghai(f.to).subtract(1, 'day')] : undefined,
    sort: f.sort ?? 'newest',
  };
}

export default function TicketListPage() {
  const { message } = App.useApp();
  const access = useAccess();
  const staffId = useSession()?.staff.id ?? 'anon';
  const [form] = Form.useForm<FilterForm>();
  const communityId = Form.useWatch('communityId', form);
  const [filters, setFilters] = useState<TicketFilters>({});
  const [saved, setSaved] = useState<SavedFilter[]>(() => loadSavedFilters(staffId));
  const [naming, setNaming] = useState(false);
  const [filterName, setFilterName] = useState('');
  const [exporting, setExporting] = useState(false);

  const pager = useCursorPages<TicketSummary>((cursor, limit) => listTickets(filters, { cursor, limit }), [filters]);
  useStaffEventListener(() => {
    if (pager.page === 1) pager.reload();
  });

  const apply = (f: TicketFilters) => {
    form.setFieldsValue({ ...filtersToForm(f) });
    setFilters(f);
  };

  const doExport = async () => {
    setExporting(true);
    try {
      await exportTickets(filters, `工单导出-${dayjs().tz(TZ).format('YYYYMMDD-HHmm')}.xlsx`);
    } catch {
      // the request wrapper has shown why
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card title={T.list.title}>
      <Form<FilterForm>
        form={form}
        layout="inline"
        initialValues={{ sort: 'newest' }}
        onFinish={(v) => setFilters(formToFilters(v))}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item name="q" label={T.list.keyword}>
          <Input allowClear placeholder={T.list.keywordPlaceholder} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="type" label={T.ticket.type}>
          <Select allowClear style={{ width: 120 }} options={TICKET_TYPES.map((t) => ({ value: t, label: LABELS.type[t] }))} />
        </Form.Item>
        <Form.Item name="status" label={T.ticket.status}>
          <Select allowClear style={{ width: 120 }} options={TICKET_STATUSES.map((s) => ({ value: s, label: LABELS.status[s] }))} />
        </Form.Item>
        <Form.Item name="communityId" label={T.ticket.community}>
          <CommunitySelect allowClear onChange={() => form.setFieldValue('zoneId', undefined)} />
        </Form.Item>
        <Form.Item name="zoneId" label={T.ticket.zone}>
          <ZoneSelect communityId={communityId} />
        </Form.Item>
        <Form.Item name="ownerId" label={T.ticket.owner}>
          <StaffSelect role="agent" communityId={communityId} />
        </Form.Item>
        <Form.Item name="assigneeId" label={T.ticket.assignee}>
          <StaffSelect role="technician" communityId={communityId} />
        </Form.Item>
        <Form.Item name="range" label={T.list.dateRange}>
          <DatePicker.RangePicker allowEmpty={[false, false]} />
        </Form.Item>
        <Form.Item name="sort" label={T.list.sort}>
          <Select
            style={{ width: 120 }}
            options={[
              { value: 'newest', label: T.list.sortNewest },
              { value: 'oldest', label: T.list.sortOldest },
              { value: 'deadline', label: T.list.sortDeadline },
            ]}
          />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>{T.list.overdueOnly}</Checkbox>
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {T.search}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({});
            }}
          >
            {T.reset}
          </Button>
          <Button icon={<SaveOutlined />} onClick={() => setNaming(true)}>
            {T.list.saveFilter}
          </Button>
          {access.canExport ? (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={doExport}>
              {exporting ? T.list.exporting : T.list.export}
            </Button>
          ) : null}
        </Space>
      </Form>

      {saved.length > 0 ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <span>{T.list.savedFilters}：</span>
          {saved.map((s) => (
            <Space.Compact key={s.name}>
              <Button size="small" onClick={() => apply(s.filters)}>
                {s.name}
              </Button>
              <Button size="small" aria-label={`${T.delete}${s.name}`} icon={<DeleteOutlined />} onClick={() => setSaved(removeSavedFilter(staffId, s.name))} />
            </Space.Compact>
          ))}
        </Space>
      ) : null}

      <TicketTable pager={pager} />

      <Modal
        title={T.list.saveFilter}
        open={naming}
        okText={T.save}
        onCancel={() => setNaming(false)}
        onOk={() => {
          const name = filterName.trim();
          if (!name) {
            message.warning(T.list.filterNameRequired);
            return;
          }
          setSaved(saveFilter(staffId, name, formToFilters(form.getFieldsValue())));
          message.success(T.list.filterSaved(name));
          setFilterName('');
          setNaming(false);
        }}
      >
        <Input placeholder={T.list.filterName} value={filterName} onChange={(e) => setFilterName(e.target.value)} maxLength={20} />
      </Modal>
    </Card>
  );
}
