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
import { listServiceItems, locationOptions } from '../../../services/admin';
import { newIdempotencyKey } from '../../../services/request';
import { createTicket } from '../../../services/tickets';
import { T } from '../../../strings';
import type { Dayjs } from '../../../time';

/** Channels a staff member registers on a resident's behalf. */
export const INTAKE_CHANNELS: Channel[] = ['phone', 'walk_in', 'patrol'];

interface IntakeForm {
  channel: Channel;
  communityId?: string;
  /** Where the problem is: the resident's room (default) or a public area. */
  where?: 'room' | 'public';
  roomId?: string;
  publicKind?: 'place' | 'building' | 'unit' | 'zone';
  placeId?: string;
  buildingId?: string;
  unit?: string;
  zoneId?: string;
  residentName?: string;
  residentPhone?: string;
  type: TicketType;
  category?: string;
  priority: Priority;
  description: string;
  photoIds?: string[];
  serviceItemId?: string;
  slotStart?: Dayjs;
}

/** The location of the form: a room, or a public area of the kind chosen. */
function locationOf(v: IntakeForm): Pick<CreateTicketRequest, 'roomId' | 'location'> {
  if (v.where !== 'public') return { roomId: v.roomId! };
  switch (v.publicKind) {
    case 'building':
      return { location: { kind: 'building', buildingId: v.buildingId! } };
    case 'unit':
      return { location: { kind: 'unit', buildingId: v.buildingId!, unit: v.unit! } };
    case 'zone':
      return { location: { kind: 'zone', zoneId: v.zoneId! } };
    default:
      return { location: { kind: 'place', placeId: v.placeId! } };
  }
}

export function toCreateRequest(v: IntakeForm): CreateTicketRequest {
  const phone = v.residentPhone?.trim() ? (normalizePhone(v.residentPhone) ?? v.residentPhone.trim()) : null;
  const body: CreateTicketRequest = {
    type: v.type,
    ...locationOf(v),
    category: v.category!,
    description: v.description.trim(),
    priority: v.priority,
    channel: v.channel,
    ...(v.residentName?.trim() ? { residentName: v.residentName.trim() } : {}),
    ...(phone ? { residentPhone: phone, contactPhone: phone } : {}),
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
  const where = Form.useWatch('where', form) ?? 'room';
  const publicKind = Form.useWatch('publicKind', form) ?? 'place';
  const buildingId = Form.useWatch('buildingId', form);
  const { data: locations } = useAsync(() => (where === 'public' && communityId ? locationOptions(communityId) : Promise.resolve(null)), [where, communityId]);
  const units = locations?.buildings.find((b) => b.id === buildingId)?.units ?? [];
  // A patrol report about a public area may have no resident to name.
  const residentRequired = where === 'room';
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
        initialValues={{ channel: 'phone', type: 'repair', priority: 'normal', where: 'room', publicKind: 'place' }}
        onFinish={onFinish}
        scrollToFirstError
      >
        <Form.Item name="channel" label={T.ticket.channel}>
          <Radio.Group optionType="button" options={INTAKE_CHANNELS.map((c) => ({ value: c, label: LABELS.channel[c] }))} />
        </Form.Item>
        <Form.Item name="communityId" label={T.ticket.community} rules={[{ required: true, message: T.intake.communityRequired }]}>
          <CommunitySelect
            autoPickFirst
            onChange={() => form.setFieldsValue({ roomId: undefined, placeId: undefined, buildingId: undefined, unit: undefined, zoneId: undefined })}
          />
        </Form.Item>
        <Form.Item name="where" label={T.intake.where}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'room', label: T.intake.whereRoom },
              { value: 'public', label: T.intake.wherePublic, disabled: type === 'home_service' },
            ]}
          />
        </Form.Item>
        {where === 'room' ? (
          <Form.Item name="roomId" label={T.ticket.room} rules={[{ required: true, message: T.intake.roomRequired }]}>
            <RoomPicker communityId={communityId} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="publicKind" label={T.intake.publicKind}>
              <Radio.Group options={(['place', 'unit', 'building', 'zone'] as const).map((k) => ({ value: k, label: T.intake.publicKinds[k] }))} />
            </Form.Item>
            {publicKind === 'place' ? (
              <Form.Item name="placeId" label={T.intake.publicKinds.place} rules={[{ required: true, message: T.intake.placeRequired }]}>
                <Select showSearch optionFilterProp="label" options={(locations?.places ?? []).map((p) => ({ value: p.id, label: p.label }))} />
              </Form.Item>
            ) : null}
            {publicKind === 'building' || publicKind === 'unit' ? (
              <Form.Item name="buildingId" label={T.admin.buildings} rules={[{ required: true, message: T.intake.buildingRequired }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  onChange={() => form.setFieldValue('unit', undefined)}
                  options={(locations?.buildings ?? []).map((b) => ({ value: b.id, label: b.label }))}
                />
              </Form.Item>
            ) : null}
            {publicKind === 'unit' ? (
              <Form.Item name="unit" label={T.intake.unit} rules={[{ required: true, message: T.intake.unitRequired }]}>
                <Select options={units.map((u) => ({ value: u, label: `${u}单元` }))} />
              </Form.Item>
            ) : null}
            {publicKind === 'zone' ? (
              <Form.Item name="zoneId" label={T.ticket.zone} rules={[{ required: true, message: T.intake.zoneRequired }]}>
                <Select options={(locations?.zones ?? []).map((z) => ({ value: z.id, label: z.label }))} />
              </Form.Item>
            ) : null}
          </>
        )}
        <Form.Item
          name="residentName"
          label={T.intake.residentName}
          rules={[{ required: residentRequired, whitespace: true, message: T.intake.residentNameRequired }]}
        >
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="residentPhone"
          label={T.intake.residentPhone}
          rules={[
            { required: residentRequired, whitespace: true, message: T.intake.residentPhoneRequired },
            {
              validator: (_, v: string | undefined) => (!v?.trim() || isMobilePhone(v) ? Promise.resolve() : Promise.reject(new Error(T.intake.phoneInvalid))),
            },
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
                options={(serviceItems ?? [])
                  .filter((s) => s.active)
                  .map((s) => ({ value: s.id, label: `${s.name}（¥${s.price}，约 ${s.durationMin} 分钟）` }))}
              />
            </Form.Item>
            <Form.Item name="slotStart" label={T.ticket.slotStart} rules={[{ required: true, message: T.intake.slotRequired }]}>
              <DatePicker showTime={{ format: 'HH:mm', minuteStep: 30 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="priority" label={T.ticket.priority}>
          <Radio.Group
            options={[
              { value: 'normal', label: LABELS.priority.normal },
              { value: 'urgent', label: `${LABELS.priority.urgent}（漏水、燃气味、困梯等）` },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={T.ticket.description}
          rules={[
            { required: true, whitespace: true, message: T.intake.descriptionRequired },
            {
              validator: (_, v: string | undefined) =>
                !v?.trim() || v.trim().length >= 5 ? Promise.resolve() : Promise.reject(new Error(T.intake.descriptionTooShort)),
            },
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
