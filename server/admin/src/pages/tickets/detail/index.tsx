import { ArrowLeftOutlined, EyeOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  describeRemaining,
  LABELS,
  SLA_CLOCKS,
  type EventVisibility,
  type FollowerView,
  type Photo,
  type SlaClock,
  type TicketDetail,
  type TicketEventView,
} from '@yizhan/shared';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Image,
  Input,
  List,
  Popconfirm,
  Radio,
  Rate,
  Row,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { deadlineColor, deadlineLevel } from '../../../components/deadline';
import { PhotoUpload } from '../../../components/PhotoUpload';
import { ComplaintCard } from './ComplaintCard';
import { TicketActions } from '../../../components/TicketActions';
import { FeePanel } from '../../../components/FeePanel';
import { PriorityTag, StatusTag, TypeTag } from '../../../components/TicketTags';
import { useAsync } from '../../../hooks/useAsync';
import { useNow } from '../../../hooks/useNow';
import { useAccess } from '../../../hooks/useSession';
import { useStaffEventListener } from '../../../hooks/useStaffEventListener';
import { LoadFailed } from '../../../components/LoadFailed';
import { commentTicket, getTicket, replyToRating, revealPhone } from '../../../services/tickets';
import { T } from '../../../strings';
import { fmtDateTime } from '../../../time';

export function Photos({ photos, size = 72 }: { photos: Photo[]; size?: number }) {
  if (photos.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8}>
        {photos.map((p) => (
          <Image
            key={p.id}
            src={p.thumbUrl}
            preview={{ src: p.url }}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt={T.ticket.photos}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

/** A comment says who it was for: the resident's own words, a reply they read, or a note for staff. */
function eventTitle(event: TicketEventView): string {
  if (event.type !== 'commented') return T.events[event.type] ?? event.type;
  if (event.actor.kind === 'resident') return T.ticket.residentNote;
  return event.visibility === 'public' ? T.ticket.publicReply : T.ticket.internalNote;
}

function EventItem({ event }: { event: TicketEventView }) {
  const color = event.type === 'overdue' || event.type === 'escalated' ? 'red' : event.visibility === 'internal' ? 'gray' : 'blue';
  return {
    color,
    children: (
      <div>
        <Space size={8} wrap>
          <Typography.Text strong>{eventTitle(event)}</Typography.Text>
          <Typography.Text type="secondary">{event.actor.name}</Typography.Text>
          <Typography.Text type="secondary">{fmtDateTime(event.at)}</Typography.Text>
          {event.visibility === 'internal' ? (
            <Tag color="default" title={T.ticket.internalHint} data-internal="true">
              {T.ticket.internal}
            </Tag>
          ) : null}
        </Space>
        {event.note ? <Typography.Paragraph style={{ margin: '4px 0' }}>{event.note}</Typography.Paragraph> : null}
        {event.visibility === 'public' && event.publicNote && event.publicNote !== event.note && event.actor.kind !== 'resident' ? (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
            {T.ticket.residentSees}
            {event.publicNote}
          </Typography.Paragraph>
        ) : null}
        <Photos photos={event.photos} size={56} />
      </div>
    ),
  } as const;
}

function Deadlines({ ticket, now }: { ticket: TicketDetail; now: Date }) {
  // Which clocks still run, and how the current one stands, come from the server.
  const running = ticket.runningClocks;
  const current = deadlineLevel(ticket, now);
  const rows = SLA_CLOCKS.map((clock: SlaClock) => ({ clock, at: ticket.deadlines[`${clock}By` as const] })).filter((r) => r.at);
  if (rows.length === 0) return <Typography.Text type="secondary">{T.none}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {rows.map(({ clock, at }) => {
        const missed = ticket.overdue.includes(clock);
        const ticking = running.includes(clock) && !ticket.onHold;
        const left = new Date(at!).getTime() - now.getTime();
        return (
          <div key={clock} data-clock={clock}>
            <Space wrap size={6}>
              <Typography.Text>{LABELS.clock[clock]}</Typography.Text>
              <Typography.Text type="secondary">{fmtDateTime(at)}</Typography.Text>
              {missed ? <Tag color="red">{T.ticket.overdue}</Tag> : null}
              {!missed && !running.includes(clock) && ticket.status !== 'cancelled' ? <Tag color="green">{T.ticket.onTime}</Tag> : null}
              {ticking ? (
                <Typography.Text type={left < 0 ? 'danger' : clock === ticket.clock?.name ? deadlineColor(current) : undefined} strong>
                  {describeRemaining(new Date(at!), now)}
                </Typography.Text>
              ) : ticket.onHold && running.includes(clock) ? (
                <Tag color="warning">{T.ticket.onHold}</Tag>
              ) : null}
            </Space>
          </div>
        );
      })}
    </Space>
  );
}

function PhoneReveal({ ticket }: { ticket: TicketDetail }) {
  const access = useAccess();
  const [phone, setPhone] = useState<string | null>(null);
  if (!ticket.contactPhoneMasked) return <>{T.dash}</>;
  if (phone) return <a href={`tel:${phone}`}>{phone}</a>;
  // Wraps under the number when the column is narrow, instead of running past the card's edge.
  return (
    <Space wrap size={[4, 0]}>
      <span style={{ whiteSpace: 'nowrap' }}>{ticket.contactPhoneMasked}</span>
      {access.canRevealPhone ? (
        <Popconfirm title={T.ticket.revealConfirm} okText={T.ok} cancelText={T.cancel} onConfirm={async () => setPhone((await revealPhone(ticket.id)).phone)}>
          <Button size="small" type="link" icon={<EyeOutlined />} style={{ paddingInline: 0 }}>
            {T.ticket.revealPhone}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}

/** Answer the resident's rating (the owner or a supervisor; the server refuses anyone else with a clear message). */
function RatingReplyBox({ ticketId, current, onDone }: { ticketId: string; current: string | null; onDone: () => void }) {
  const { message } = App.useApp();
  const [sending, setSending] = useState(false);
  return (
    <Form
      layout="vertical"
      initialValues={{ reply: current ?? '' }}
      onFinish={async (v: { reply: string }) => {
        setSending(true);
        try {
          await replyToRating(ticketId, v.reply.trim());
          message.success(T.done);
          onDone();
        } catch {
          // shown by the request wrapper
        } finally {
          setSending(false);
        }
      }}
    >
      <Form.Item
        name="reply"
        label={T.ticket.ratingReply}
        extra={T.ticket.ratingReplyHint}
        rules={[{ required: true, whitespace: true, message: T.ticket.ratingReplyRequired }]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Button htmlType="submit" loading={sending}>
        {T.ticket.ratingReply}
      </Button>
    </Form>
  );
}

function CommentBox({ ticketId, onDone }: { ticketId: string; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string; photoIds?: string[]; visibility: EventVisibility }>();
  const [sending, setSending] = useState(false);
  const [key, setKey] = useState(0);
  // Internal unless the agent chooses to answer the resident: nothing is public by accident.
  const visibility = Form.useWatch('visibility', form) ?? 'internal';
  return (
    <Form
      key={key}
      form={form}
      layout="vertical"
      onFinish={async (v) => {
        setSending(true);
        try {
          await commentTicket(ticketId, {
            note: v.note.trim(),
            visibility: v.visibility ?? 'internal',
            ...(v.photoIds?.length ? { photoIds: v.photoIds } : {}),
          });
          message.success(T.done);
          form.resetFields();
          setKey((k) => k + 1);
          onDone();
        } catch {
          // shown by the request wrapper
        } finally {
          setSending(false);
        }
      }}
    >
      <Form.Item name="visibility" label={T.ticket.commentKind} initialValue="internal">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'internal', label: T.ticket.commentInternal },
            { value: 'public', label: T.ticket.commentPublic },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={LABELS.action.comment} rules={[{ required: true, whitespace: true, message: T.actionForm.commentRequired }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="photoIds">
        <PhotoUpload />
      </Form.Item>
      <Button htmlType="submit" type={visibility === 'public' ? 'primary' : 'default'} loading={sending}>
        {visibility === 'public' ? T.ticket.sendPublic : T.ticket.sendInternal}
      </Button>
    </Form>
  );
}

export default function TicketDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const now = useNow(30_000);
  const { data: ticket, loading, error, reload } = useAsync(() => getTicket(id), [id]);
  useStaffEventListener((e) => {
    if (e.ticketId === id) void reload();
  });

  if (loading && !ticket) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !ticket) {
    const back = (
      <Button key="back" onClick={() => navigate(-1)}>
        {T.notFound.back}
      </Button>
    );
    return <LoadFailed error={error} notFound={T.ticket.notFound} retry={() => void reload()} back={back} />;
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label="返回" />
            <span>{ticket.no}</span>
            <TypeTag type={ticket.type} />
            <StatusTag status={ticket.status} onHold={ticket.onHold} />
            <PriorityTag priority={ticket.priority} />
          </Space>
        }
        extra={<Button icon={<ReloadOutlined />} onClick={reload} aria-label={T.refresh} />}
      >
        <TicketActions ticket={ticket} onDone={reload} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={T.ticket.description}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{ticket.description}</Typography.Paragraph>
              <Photos photos={ticket.photos} size={96} />
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginTop: 16 }}>
                <Descriptions.Item label={T.ticket.category}>{ticket.category}</Descriptions.Item>
                <Descriptions.Item label={T.ticket.location}>
                  {ticket.location.label}
                  {ticket.location.kind !== 'room' ? <Tag style={{ marginLeft: 8 }}>{LABELS.locationKind[ticket.location.kind]}</Tag> : null}
                </Descriptions.Item>
                {ticket.reporterRoom ? <Descriptions.Item label={T.ticket.reporterRoom}>{ticket.reporterRoom.label}</Descriptions.Item> : null}
                {ticket.mergedInto ? (
                  <Descriptions.Item label={T.ticket.mergedInto}>
                    <Link to={`/tickets/${ticket.mergedInto.id}`}>{ticket.mergedInto.no}</Link>
                  </Descriptions.Item>
                ) : null}
                <Descriptions.Item label={T.ticket.contactPhone}>
                  <PhoneReveal ticket={ticket} />
                </Descriptions.Item>
                <Descriptions.Item label={T.ticket.channel}>{LABELS.channel[ticket.channel]}</Descriptions.Item>
                <Descriptions.Item label={T.ticket.owner}>{ticket.owner?.name ?? T.ticket.unowned}</Descriptions.Item>
                <Descriptions.Item label={T.ticket.assignee}>{ticket.assignee?.name ?? T.dash}</Descriptions.Item>
                <Descriptions.Item label={T.ticket.appointmentAt}>{fmtDateTime(ticket.appointmentAt)}</Descriptions.Item>
                {ticket.serviceItem ? (
                  <Descriptions.Item label={T.ticket.serviceItem}>
                    {ticket.serviceItem.name}（¥{ticket.serviceItem.price}）{ticket.slotStart ? ` ${fmtDateTime(ticket.slotStart)}` : ''}
                  </Descriptions.Item>
                ) : null}
                {ticket.fee !== null ? <Descriptions.Item label={T.ticket.fee}>¥{ticket.fee}</Descriptions.Item> : null}
                {ticket.reopenCount > 0 ? <Descriptions.Item label={T.ticket.reopenCount}>{ticket.reopenCount}</Descriptions.Item> : null}
                <Descriptions.Item label={T.ticket.createdAt}>{fmtDateTime(ticket.createdAt)}</Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={T.ticket.timeline}>
              {ticket.events.length ? <Timeline items={[...ticket.events].reverse().map((e) => EventItem({ event: e }))} /> : <Empty description={T.empty} />}
              <CommentBox ticketId={ticket.id} onDone={reload} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <FeePanel ticket={ticket} onDone={reload} />
            <Card title={T.ticket.deadlines}>
              <Deadlines ticket={ticket} now={now} />
            </Card>
            <ComplaintCard ticket={ticket} onDone={reload} />
            {ticket.followerCount > 0 ? (
              <Card title={`${T.ticket.followers}（${ticket.followerCount}）`}>
                <Followers followers={ticket.followers} />
              </Card>
            ) : null}
            <Card title={T.ticket.rating}>
              {ticket.rating ? (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <span>
                    {T.ticket.attitude} <Rate disabled value={ticket.rating.attitude} />
                  </span>
                  <span>
                    {T.ticket.timeliness} <Rate disabled value={ticket.rating.timeliness} />
                  </span>
                  <span>
                    {T.ticket.quality} <Rate disabled value={ticket.rating.quality} />
                  </span>
                  {ticket.rating.tags?.length ? (
                    <Space wrap size={4}>
                      {ticket.rating.tags.map((tag) => (
                        <Tag key={tag}>{tag}</Tag>
                      ))}
                    </Space>
                  ) : null}
                  {ticket.rating.comment ? <Typography.Paragraph>{ticket.rating.comment}</Typography.Paragraph> : null}
                  {ticket.rating.reply ? (
                    <Typography.Paragraph type="secondary" data-testid="rating-reply">
                      {T.ticket.ratingReplied}：{ticket.rating.reply}
                    </Typography.Paragraph>
                  ) : null}
                  <RatingReplyBox ticketId={ticket.id} current={ticket.rating.reply} onDone={reload} />
                </Space>
              ) : (
                <Typography.Text type="secondary">{T.none}</Typography.Text>
              )}
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

/** Who else follows this request (我也遇到, merged duplicates), with their ratings. */
function Followers({ followers }: { followers: FollowerView[] }) {
  return (
    <List
      size="small"
      dataSource={followers}
      renderItem={(f) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <Space>
              <Tag color={f.via === 'merge' ? 'blue' : 'orange'}>{T.ticket.followerVia[f.via]}</Tag>
              <Typography.Text type="secondary">{fmtDateTime(f.joinedAt)}</Typography.Text>
            </Space>
            {f.fromTicketNo ? <Typography.Text type="secondary">{T.ticket.followerFrom(f.fromTicketNo)}</Typography.Text> : null}
            {f.rating ? (
              <Typography.Text>
                {T.ticket.attitude} {f.rating.attitude} · {T.ticket.timeliness} {f.rating.timeliness} · {T.ticket.quality} {f.rating.quality}
                {f.rating.comment ? `：${f.rating.comment}` : ''}
              </Typography.Text>
            ) : null}
          </Space>
        </List.Item>
      )}
    />
  );
}
