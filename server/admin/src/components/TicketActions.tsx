import { allowedActions, LABELS, ticketStateOf, type Actor, type TicketAction, type TicketDetail, type TicketSummary } from '@yizhan/shared';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useAccess, useSession } from '../hooks/useSession';
import { toApiError } from '../services/request';
import * as api from '../services/tickets';
import { T } from '../strings';
import { beforeTodayInShanghai, fromPicker, toPicker } from '../time';
import { PhotoUpload } from './PhotoUpload';
import { StaffSelect, TechnicianPicker } from './pickers';

/** Staff actions shown as buttons, in the order a person would reach for them. */
export const STAFF_BUTTONS: TicketAction[] = [
  'claim',
  'accept',
  'dispatch',
  'start',
  'resolve',
  'verify',
  'revisit',
  'hold',
  'resume',
  'reopen',
  'transfer',
  'merge',
  'cancel',
];
const PRIMARY: TicketAction[] = ['claim', 'accept', 'dispatch', 'start', 'resolve', 'verify', 'revisit'];
const DANGER: TicketAction[] = ['cancel'];

/** A detail, or a list item (the technician's cards): the state machine needs no more for staff. */
export type ActionableTicket = TicketSummary & Partial<Pick<TicketDetail, 'residentId' | 'rating'>>;

export function useStaffActor(): Extract<Actor, { kind: 'staff' }> | null {
  const session = useSession();
  return session ? { kind: 'staff', id: session.staff.id, roles: session.staff.roles } : null;
}

/** What this person may do to this ticket now, according to the shared state machine. */
export function useAllowedActions(ticket: ActionableTicket | undefined): TicketAction[] {
  const actor = useStaffActor();
  const access = useAccess();
  if (!ticket || !actor) return [];
  const allowed = allowedActions(ticketStateOf({ ...ticket, residentId: ticket.residentId ?? null, rating: ticket.rating ?? null }), actor);
  return STAFF_BUTTONS.filter((a) => allowed.includes(a) && (a !== 'transfer' || access.canTransfer));
}

interface ActionValues {
  note?: string;
  reason?: string;
  assigneeId?: string;
  appointmentAt?: import('dayjs').Dayjs;
  photoIds?: string[];
  beforePhotoIds?: string[];
  fee?: number | null;
  satisfied?: boolean;
  toStaffId?: string;
  publicReason?: string;
  intoTicketId?: string;
}

async function perform(action: TicketAction, ticket: ActionableTicket, v: ActionValues): Promise<void> {
  const id = ticket.id;
  const note = v.note?.trim() || undefined;
  switch (action) {
    case 'claim':
      await api.claimTicket(id);
      return;
    case 'accept':
      await api.acceptTicket(id, { note });
      return;
    case 'dispatch':
      await api.dispatchTicket(id, {
        assigneeId: v.assigneeId!,
        ...(v.appointmentAt ? { appointmentAt: fromPicker(v.appointmentAt) } : {}),
        ...(note ? { note } : {}),
      });
      return;
    case 'start':
      await api.startTicket(id, { note });
      if (v.beforePhotoIds?.length) await api.commentTicket(id, { note: T.actionForm.beforePhotoNote, photoIds: v.beforePhotoIds, visibility: 'public' });
      return;
    case 'hold':
      await api.holdTicket(id, { reason: v.reason!.trim(), ...(v.publicReason?.trim() ? { publicReason: v.publicReason.trim() } : {}) });
      return;
    case 'resume':
      await api.resumeTicket(id, note ? { reason: note } : {});
      return;
    case 'resolve':
      // API resolve takes one photo list (the result); "before" photos go on the timeline as a comment first.
      if (v.beforePhotoIds?.length) await api.commentTicket(id, { note: T.actionForm.beforePhotoNote, photoIds: v.beforePhotoIds, visibility: 'public' });
      await api.resolveTicket(id, {
        note: v.note!.trim(),
        ...(v.photoIds?.length ? { photoIds: v.photoIds } : {}),
        ...(v.fee !== undefined && v.fee !== null ? { fee: v.fee } : {}),
      });
      return;
    case 'verify':
      await api.verifyTicket(id, { note });
      return;
    case 'revisit':
      await api.revisitTicket(id, { satisfied: v.satisfied!, ...(note ? { note } : {}) });
      return;
    case 'reopen':
      await api.reopenTicket(id, { reason: v.reason!.trim() });
      return;
    case 'cancel':
      await api.cancelTicket(id, { reason: v.reason!.trim() });
      return;
    case 'transfer':
      await api.transferTicket(id, { toStaffId: v.toStaffId!, reason: v.reason!.trim() });
      return;
    case 'merge':
      await api.mergeTicket(id, { intoTicketId: v.intoTicketId!, ...(note ? { note } : {}) });
      return;
    default:
      throw new Error(`unsupported action ${action}`);
  }
}

/** Dispatching again starts from the current technician and visit time. */
function initialValues(action: TicketAction, ticket: ActionableTicket): Partial<ActionValues> | undefined {
  if (action !== 'dispatch') return undefined;
  const appointmentAt = (ticket as { appointmentAt?: string | null }).appointmentAt;
  return { assigneeId: ticket.assignee?.id, ...(appointmentAt ? { appointmentAt: toPicker(appointmentAt) } : {}) };
}

const reasonField = (
  <Form.Item name="reason" label={T.actionForm.reason} rules={[{ required: true, whitespace: true, message: T.actionForm.reasonRequired }]}>
    <Input.TextArea rows={3} maxLength={500} showCount />
  </Form.Item>
);
const noteField = (
  <Form.Item name="note" label={T.actionForm.note}>
    <Input.TextArea rows={3} maxLength={500} placeholder={T.actionForm.notePlaceholder} />
  </Form.Item>
);

function ActionFields({ action, ticket, actorId }: { action: TicketAction; ticket: ActionableTicket; actorId: string }) {
  switch (action) {
    case 'dispatch':
      return (
        <>
          <Form.Item name="assigneeId" label={T.actionForm.technician} rules={[{ required: true, message: T.actionForm.technicianRequired }]}>
            <TechnicianPicker communityId={ticket.location.communityId} />
          </Form.Item>
          <Form.Item name="appointmentAt" label={T.actionForm.appointmentAt}>
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 15 }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              disabledDate={(d) => beforeTodayInShanghai(d)}
            />
          </Form.Item>
          {noteField}
        </>
      );
    case 'start':
      return (
        <>
          <Form.Item name="beforePhotoIds" label={T.actionForm.photosBefore}>
            <PhotoUpload label={T.actionForm.photosBefore} />
          </Form.Item>
          {noteField}
        </>
      );
    case 'hold':
      return (
        <>
          {reasonField}
          <Form.Item name="publicReason" label={T.actionForm.publicReason} extra={T.actionForm.publicReasonHint}>
            <Input maxLength={200} placeholder={T.actionForm.publicReasonPlaceholder} />
          </Form.Item>
        </>
      );
    case 'resume':
      return noteField;
    case 'reopen':
    case 'cancel':
      return reasonField;
    case 'resolve': {
      const needsPhotos = ticket.assignee?.id === actorId && ticket.type !== 'complaint';
      return (
        <>
          <Form.Item name="note" label={T.actionForm.resolveNote} rules={[{ required: true, whitespace: true, message: T.actionForm.resolveNoteRequired }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
          {/* Before-photos are taken at check-in; asked here only when the work was not checked in. */}
          {ticket.type !== 'complaint' && ticket.status !== 'in_progress' ? (
            <Form.Item name="beforePhotoIds" label={T.actionForm.photosBefore}>
              <PhotoUpload label={T.actionForm.photosBefore} />
            </Form.Item>
          ) : null}
          <Form.Item
            name="photoIds"
            label={T.actionForm.photosAfter}
            rules={needsPhotos ? [{ required: true, type: 'array', min: 1, message: T.actionForm.photosAfterRequired }] : []}
          >
            <PhotoUpload label={T.actionForm.photosAfter} />
          </Form.Item>
          <Form.Item name="fee" label={T.actionForm.fee} rules={[{ type: 'number', min: 0, message: T.actionForm.feeInvalid }]}>
            <InputNumber min={0} precision={2} step={10} style={{ width: '100%' }} />
          </Form.Item>
        </>
      );
    }
    case 'revisit':
      return (
        <>
          <Form.Item name="satisfied" label={T.actionForm.satisfied} rules={[{ required: true, message: T.actionForm.satisfiedRequired }]}>
            <Radio.Group>
              <Radio value={true}>{T.actionForm.satisfiedYes}</Radio>
              <Radio value={false}>{T.actionForm.satisfiedNo}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="note"
            label={T.actionForm.note}
            dependencies={['satisfied']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  getFieldValue('satisfied') === false && !value?.trim() ? Promise.reject(new Error(T.actionForm.unsatisfiedNoteRequired)) : Promise.resolve(),
              }),
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </>
      );
    case 'transfer':
      return (
        <>
          <Form.Item name="toStaffId" label={T.actionForm.toStaff} rules={[{ required: true, message: T.actionForm.toStaffRequired }]}>
            <StaffSelect role="agent" communityId={ticket.location.communityId} />
          </Form.Item>
          {reasonField}
        </>
      );
    case 'merge':
      return (
        <>
          <Typography.Paragraph type="secondary">{T.ticket.mergeHint}</Typography.Paragraph>
          <Form.Item name="intoTicketId" label={T.ticket.mergeInto} rules={[{ required: true, message: T.ticket.mergeIntoRequired }]}>
            <MergeTargetSelect ticket={ticket} />
          </Form.Item>
          {noteField}
        </>
      );
    case 'claim':
      return null;
    default:
      return noteField;
  }
}

/** Another open request of the same community, searched by number or words (the one kept when merging). */
function MergeTargetSelect({ ticket, value, onChange }: { ticket: ActionableTicket; value?: string; onChange?: (v: string) => void }) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<TicketSummary[]>([]);
  useEffect(() => {
    let live = true;
    const handle = setTimeout(() => {
      void api.listTickets({ communityId: ticket.location.communityId, stage: 'open', q: q || undefined }, { limit: 20 }).then((page) => {
        if (live) setOptions(page.items.filter((t) => t.id !== ticket.id));
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(handle);
    };
  }, [q, ticket.id, ticket.location.communityId]);
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      placeholder={T.ticket.mergeSearch}
      options={options.map((t) => ({ value: t.id, label: `${t.no} · ${t.location.label} · ${t.description.slice(0, 20)}` }))}
    />
  );
}

/** The buttons of one ticket and the small form behind each. */
export function TicketActions({
  ticket,
  onDone,
  only,
  block,
}: {
  ticket: ActionableTicket;
  onDone: () => void;
  /** Limit to these actions (the technician's card shows start / resolve only). */
  only?: TicketAction[];
  block?: boolean;
}) {
  const { message } = App.useApp();
  const actor = useStaffActor();
  const actions = useAllowedActions(ticket).filter((a) => !only || only.includes(a));
  const [open, setOpen] = useState<TicketAction | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<ActionValues>();

  const run = async (action: TicketAction, values: ActionValues) => {
    setSubmitting(true);
    try {
      await perform(action, ticket, values);
      message.success(action === 'claim' ? T.actionForm.claimed : action === 'merge' ? T.ticket.merged : `${LABELS.action[action]}：${T.done}`);
      setOpen(null);
      form.resetFields();
      onDone();
    } catch (e) {
      if (toApiError(e).code === 'ALREADY_OWNED') {
        message.warning(T.actionForm.alreadyOwned);
        onDone();
      }
      // other errors: the request wrapper has shown the server's message
    } finally {
      setSubmitting(false);
    }
  };

  if (actions.length === 0) return <Typography.Text type="secondary">{T.ticket.noActions}</Typography.Text>;

  return (
    <>
      <Space wrap style={block ? { width: '100%' } : undefined}>
        {actions.map((a) => (
          <Button
            key={a}
            type={PRIMARY.includes(a) ? 'primary' : 'default'}
            danger={DANGER.includes(a)}
            loading={submitting && open === null && a === 'claim'}
            onClick={() => (a === 'claim' ? run('claim', {}) : setOpen(a))}
          >
            {LABELS.action[a]}
          </Button>
        ))}
      </Space>
      <Modal
        title={open ? `${LABELS.action[open]} · ${ticket.no}` : ''}
        open={open !== null}
        okText={T.ok}
        cancelText={T.cancel}
        confirmLoading={submitting}
        onCancel={() => {
          setOpen(null);
          form.resetFields();
        }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {open ? (
          <Form<ActionValues> form={form} layout="vertical" onFinish={(v) => run(open, v)} preserve={false} initialValues={initialValues(open, ticket)}>
            <ActionFields action={open} ticket={ticket} actorId={actor?.id ?? ''} />
          </Form>
        ) : null}
      </Modal>
    </>
  );
}
