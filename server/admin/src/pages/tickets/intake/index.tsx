import {
  isMobilePhone,
  LABELS,
  normalizePhone,
  TICKET_CATEGORIES,
  TICKET_TYPES,
  type Channel,
  type CreateTicketRequest,
  type Priority,
  type TicketType,
} from '@yizhan/shared';
import { App, Button, Card, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PhotoUpload } from '../../../components/PhotoUpload';
import { CommunitySelect, RoomPicker } from '../../../components/pickers';
import { useAsync } from '../../../hooks/useAsync';
import { listServiceItems } from '../../../services/admin';
import { newIdempotencyKey } from '../../../services/request';
import { createTicket } from '../../../services/tickets';
import { T } from '../../../strings';
import type { Dayjs } from '../../../time';

/** Channels a staff member registers on a resident's behalf. */
export const INTAKE_CHANNELS: Channel[] = ['phone', 'walk_in', 'patrol'];

interface IntakeForm {
  channel: Channel;
  communityId?: string;
  roomId?: string;
  residentName: string;
  residentPhone: string;
  type: TicketType;
  category?: string;
  priority: Priority;
  description: string;
  photoIds?: string[];
  serviceItemId?: string;
  slotStart?: Dayjs;
}

export function toCreateRequest(v: IntakeForm): CreateTicketRequest {
  const phone = normalizePhone(v.residentPhone) ?? v.residentPhone.trim();
  const body: CreateTicketRequest = {
    type: v.type,
    roomId: v.roomId!,
    category: v.category!,
    description: v.description.trim(),
    priority: v.priority,
    channel: v.channel,
    residentName: v.residentName.trim(),
    residentPhone: phone,
    contactPhone: phone,
  };
  if (v.photoIds?.length) body.photoIds = v.photoIds;
  if (v.type === 'home_service') {
    if (v.serviceItemId) body.serviceItemId = v.serviceItemId;
    if (v.slotStart) body.slotStart = v.slotStart.toISOString();
  }
  return body;
}

/**
 * Phone / walk-in / patrol intake. Whoever registers the request becomes its owner
 * (首问负责制 rule 1), so the button says so.
 */
export default function IntakePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<IntakeForm>();
  const type = Form.useWatch('type', form) ?? 'repair';
  const communityId = Form.useWatch('communityId', form);
  const [submitting, setSubmitting] = useState(false);
  // One key per filled-in form: a double click or a retry after a timeout creates one ticket.
  const idempotencyKey = useRef(newIdempotencyKey());
  const { data: serviceItems } = useAsync(
    () => (type === 'home_service' && communityId ? listServiceItems(communityId) : Promise.resolve([])),
    [type, communityId],
  );

  const onFinish = async (v: IntakeForm) => {
    setSubmitting(true);
    try {
      const ticket = await createTicket(toCreateRequest(v), idempotencyKey.current);
      idempotencyKey.current = newIdempotencyKey();
      message.success(T.intake.created(ticket.no));
      navigate(`/tickets/${ticket.id}`);
    } catch {
      // the request wrapper shows the server's message
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card title={T.intake.title} style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">{T.intake.hint}</Typography.Paragraph>
      <Form<IntakeForm>
        form={form}
        layout="vertical"
        initialValues={{ channel: 'phone', type: 'repair', priority: 'normal' }}
        onFinish={onFinish}
        scrollToFirstError
      >
        <Form.Item name="channel" label={T.ticket.channel}>
          <Radio.Group optionType="button" options={INTAKE_CHANNELS.map((c) => ({ value: c, label: LABELS.channel[c] }))} />
        </Form.Item>
        <Form.Item name="communityId" label={T.ticket.community} rules={[{ required: true, message: T.intake.communityRequired }]}>
          <CommunitySelect autoPickFirst onChange={() => form.setFieldValue('roomId', undefined)} />
        </Form.Item>
        <Form.Item name="roomId" label={T.ticket.room} rules={[{ required: true, message: T.intake.roomRequired }]}>
          <RoomPicker communityId={communityId} />
        </Form.Item>
        <Form.Item name="residentName" label={T.intake.residentName} rules={[{ required: true, whitespace: true, message: T.intake.residentNameRequired }]}>
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="residentPhone"
          label={T.intake.residentPhone}
          rules={[
            { required: true, whitespace: true, message: T.intake.residentPhoneRequired },
            { validator: (_, v: string | undefined) => (!v?.trim() || isMobilePhone(v) ? Promise.resolve() : Promise.reject(new Error(T.intake.phoneInvalid))) },
          ]}
        >
          <Input inputMode="tel" maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item name="type" label={T.ticket.type}>
          <Radio.Group
            optionType="button"
            onChange={() => form.setFieldValue('category', undefined)}
            options={TICKET_TYPES.map((t) => ({ value: t, label: LABELS.type[t] }))}
          />
        </Form.Item>
        <Form.Item name="category" label={T.ticket.category} rules={[{ required: true, message: T.intake.categoryRequired }]}>
          <Select options={TICKET_CATEGORIES[type].map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        {type === 'home_service' ? (
          <>
            <Form.Item name="serviceItemId" label={T.ticket.serviceItem} rules={[{ required: true, message: T.intake.serviceItemRequired }]}>
              <Select
                options={(serviceItems ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: `${s.name}（¥${s.price}，约 ${s.durationMin} 分钟）` }))}
              />
            </Form.Item>
            <Form.Item name="slotStart" label={T.ticket.slotStart} rules={[{ required: true, message: T.intake.slotRequired }]}>
              <DatePicker showTime={{ format: 'HH:mm', minuteStep: 30 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="priority" label={T.ticket.priority}>
          <Radio.Group options={[{ value: 'normal', label: LABELS.priority.normal }, { value: 'urgent', label: `${LABELS.priority.urgent}（漏水、燃气味、困梯等）` }]} />
        </Form.Item>
        <Form.Item
          name="description"
          label={T.ticket.description}
          rules={[
            { required: true, whitespace: true, message: T.intake.descriptionRequired },
            { validator: (_, v: string | undefined) => (!v?.trim() || v.trim().length >= 5 ? Promise.resolve() : Promise.reject(new Error(T.intake.descriptionTooShort))) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="photoIds" label={T.ticket.photos}>
          <PhotoUpload />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} size="large">
          {T.intake.submit}
        </Button>
      </Form>
    </Card>
  );
}
