import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { previewImage } from '../../../../utils/previewImage';
import Button from '../../../../components/Button';
import {
  allowedActions,
  describeRemaining,
  LABELS,
  OPEN_STATUSES,
  ticketStateOf,
  type Deadlines,
  type Photo,
  type SlaClock,
  type TicketAction,
  type TicketDetail,
  type TicketStatus,
} from '@yizhan/shared';
import type { ApiResult } from '../../../../api/result';
import { currentSession } from '../../../../api/session';
import { cancelTicket, fetchTicket, fetchTicketContacts, reopenTicket, unfollowTicket, urgeTicket } from '../../../../api/tickets';
import CallButton from '../../../../components/CallButton';
import PageShell from '../../../../components/PageShell';
import ReasonDialog from '../../../../components/ReasonDialog';
import SettlementCard from '../../../../components/SettlementCard';
import StarRating from '../../../../components/StarRating';
import StatusTag from '../../../../components/StatusTag';
import { useAsync } from '../../../../hooks/useAsync';
import { useOnReturn } from '../../../../hooks/useOnShow';
import { zh } from '../../../../i18n/zh';
import { ROUTES } from '../../../../routes';
import { formatClock, formatDateTime } from '../../../../utils/time';
import './index.scss';

/** The buttons a resident can get, in the order they are offered (most wanted first). */
const RESIDENT_ACTIONS = ['confirm', 'rate', 'reopen', 'comment', 'urge', 'cancel'] as const;
type ResidentAction = (typeof RESIDENT_ACTIONS)[number];

/** Which time limits matter to the resident in each state. */
const DEADLINES_BY_STATUS: Partial<Record<TicketStatus, (keyof Deadlines)[]>> = {
  submitted: ['respondBy'],
  accepted: ['onsiteBy', 'resolveBy'],
  dispatched: ['onsiteBy', 'resolveBy'],
  in_progress: ['resolveBy'],
  resolved: ['confirmBy'],
};
const CLOCK_OF: Record<keyof Deadlines, SlaClock> = {
  respondBy: 'respond',
  onsiteBy: 'onsite',
  resolveBy: 'resolve',
  confirmBy: 'confirm',
  revisitBy: 'revisit',
};

interface DeadlineLine {
  key: string;
  text: string;
  overdue: boolean;
}

/** "预计 11月23日 16:30 前受理（剩余 1 小时 20 分）" for each time limit that matters now. */
function deadlineLines(t: TicketDetail, now: Date): DeadlineLine[] {
  return (DEADLINES_BY_STATUS[t.status] ?? []).flatMap((field): DeadlineLine[] => {
    const at = t.deadlines[field];
    if (!at) return [];
    const label = zh.detail.deadlines[field] ?? '';
    const remaining = describeRemaining(new Date(at), now);
    const overdue = t.overdue.includes(CLOCK_OF[field]) || Date.parse(at) < now.getTime();
    if (overdue) return [{ key: field, text: `${label}${remaining}，${zh.detail.overdue}`, overdue }];
    const base = `预计 ${formatDateTime(at, now)} 前${label}（${remaining}）`;
    return [{ key: field, text: field === 'confirmBy' ? `请在 ${formatDateTime(at, now)} 前确认（${remaining}），${zh.detail.confirmByHint}` : base, overdue }];
  });
}

function preview(photos: Photo[], current: Photo) {
  void previewImage({ urls: photos.map((p) => p.url), current: current.url });
}

function Photos({ photos }: { photos: Photo[] }) {
  if (photos.length === 0) return null;
  return (
    <View className="detail__photos">
      {photos.map((p) => (
        <Image key={p.id} className="detail__photo" src={p.thumbUrl} mode="aspectFill" onClick={() => preview(photos, p)} />
      ))}
    </View>
  );
}

export default function TicketDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const ticket = useAsync(() => fetchTicket(id), [id]);
  const contacts = useAsync(() => fetchTicketContacts(id), [id]);
  const [dialog, setDialog] = useState<'cancel' | 'reopen' | null>(null);
  const [busy, setBusy] = useState<ResidentAction | null>(null);

  useOnReturn(() => {
    void ticket.reload(true);
    void contacts.reload(true);
  });
  usePullDownRefresh(async () => {
    await Promise.all([ticket.reload(true), contacts.reload(true)]);
    Taro.stopPullDownRefresh();
  });

  const t = ticket.data;
  const me = currentSession()?.residentId ?? '';
  const allowed: TicketAction[] = t ? allowedActions(ticketStateOf(t), { kind: 'resident', id: me }) : [];
  // A follow-up (补充说明) belongs to a request still in the works; after resolution "问题未解决" is the way.
  const followable = t !== null && OPEN_STATUSES.includes(t.status);
  // While the result waits for confirmation, rating and "问题未解决" are inside 确认并评价.
  const confirming = allowed.includes('confirm');
  // A follower (我也遇到) rates the result once it is resolved; the rest is the requester's.
  const followerCanRate = t !== null && t.following && !t.rating && ['resolved', 'closed', 'revisited'].includes(t.status);
  const actions = RESIDENT_ACTIONS.filter(
    (a) =>
      (allowed.includes(a) || (a === 'rate' && followerCanRate)) &&
      (a !== 'comment' || followable) &&
      !(confirming && (a === 'rate' || a === 'reopen')) &&
      // A booking past the cut-off is cancelled through the property (the server says so too).
      !(a === 'cancel' && t?.type === 'home_service' && !t.changeableUntil),
  );

  /** Run an action, tell the resident how it went, and show the ticket as it is now. */
  const run = async (action: ResidentAction, call: () => Promise<ApiResult<unknown>>, done: string) => {
    if (busy) return false;
    setBusy(action);
    const res = await call();
    setBusy(null);
    if (!res.ok) {
      // e.g. 429 URGE_TOO_SOON or 409 INVALID_TRANSITION: the server's message says why.
      void Taro.showToast({ title: res.message, icon: 'none', duration: 2500 });
      if (res.status === 409) void ticket.reload(true);
      return false;
    }
    void Taro.showToast({ title: done, icon: 'none', duration: 2000 });
    void ticket.reload(true);
    return true;
  };

  const onAction = async (action: ResidentAction) => {
    if (!t) return;
    switch (action) {
      case 'urge':
        await run('urge', () => urgeTicket(t.id), zh.detail.urged);
        break;
      case 'confirm':
      case 'rate':
        void Taro.navigateTo({ url: ROUTES.rate(t.id) });
        break;
      case 'comment':
        void Taro.navigateTo({ url: ROUTES.followUp(t.id) });
        break;
      case 'cancel':
      case 'reopen':
        setDialog(action);
        break;
    }
  };

  const onReason = async (reason: string) => {
    if (!t || !dialog) return;
    const ok =
      dialog === 'cancel'
        ? await run('cancel', () => cancelTicket(t.id, { reason }), zh.detail.cancelled)
        : await run('reopen', () => reopenTicket(t.id, { reason }), zh.detail.reopened);
    if (ok) setDialog(null);
  };

  const now = new Date();
  // The first visit waits for the contacts too: the 联系 card, appearing after the rest,
  // pushed everything below it down (a layout shift). Refreshes keep the page on screen.
  const contactsPending = contacts.status === 'loading' && contacts.data === null;
  return (
    <PageShell
      loading={ticket.status === 'loading' || contactsPending}
      error={ticket.error}
      hasData={t !== null && !contactsPending}
      onRetry={() => void ticket.reload()}
    >
      {t && (
        <View className="detail">
          <View className="detail__header">
            <View className="detail__status-row">
              <StatusTag status={t.status} />
              {t.priority === 'urgent' && <Text className="detail__urgent">{LABELS.priority.urgent}</Text>}
            </View>
            <View className="detail__title">
              {LABELS.type[t.type]} · {t.category}
            </View>
            <View className="detail__no muted">
              {zh.detail.no} {t.no}
            </View>
            {t.onHold && <View className="detail__hold">{zh.detail.onHold}</View>}
            {t.following && (
              <View className="detail__following" data-testid="following">
                {zh.detail.followingBanner}
              </View>
            )}
            {t.mergedInto && (
              <View className="detail__following link" onClick={() => void Taro.redirectTo({ url: ROUTES.detail(t.mergedInto!.id) })}>
                {zh.detail.mergedInto(t.mergedInto.no)} ›
              </View>
            )}
            {t.followerCount > 0 && <View className="detail__no muted">{zh.detail.followers(t.followerCount)}</View>}
            {deadlineLines(t, now).map((line) => (
              <View key={line.key} className={`detail__deadline ${line.overdue ? 'detail__deadline--overdue' : ''}`} data-testid="deadline">
                {line.text}
              </View>
            ))}
          </View>

          <View className="section">
            <View className="card">
              <View className="detail__row">
                <Text className="detail__label">{zh.detail.owner}</Text>
                <Text data-testid="owner">{t.owner ? t.owner.name : zh.detail.ownerPending}</Text>
              </View>
              {t.owner && <View className="detail__hint muted">{zh.detail.ownerHint}</View>}
              {t.assignee && (
                <View className="detail__row">
                  <Text className="detail__label">{zh.detail.assignee}</Text>
                  <Text>{t.assignee.name}</Text>
                </View>
              )}
              {t.appointmentAt && (
                <View className="detail__row">
                  <Text className="detail__label">{zh.detail.appointment}</Text>
                  <Text>{formatDateTime(t.appointmentAt, now)}</Text>
                </View>
              )}
              {t.serviceItem && (
                <View className="detail__row">
                  <Text className="detail__label">{zh.detail.serviceItem}</Text>
                  <Text>{t.serviceItem.name}</Text>
                </View>
              )}
              {t.slotStart && (
                <View className="detail__row">
                  <Text className="detail__label">{zh.detail.slot}</Text>
                  <Text data-testid="booked-window">
                    {formatDateTime(t.slotStart, now)}
                    {t.slotEnd ? `–${formatClock(t.slotEnd)}` : ''}
                  </Text>
                </View>
              )}
              {t.changeableUntil && t.serviceItem && (
                <View className="detail__booking">
                  <Text className="muted">{zh.detail.changeableUntil(formatDateTime(t.changeableUntil, now))}</Text>
                  <Text className="link" data-testid="reschedule" onClick={() => void Taro.navigateTo({ url: ROUTES.reschedule(t.serviceItem!.id, t.id) })}>
                    {zh.detail.reschedule} ›
                  </Text>
                </View>
              )}
              {(t.fee ?? t.serviceItem?.price) != null && (
                <View className="detail__row">
                  <Text className="detail__label">{zh.detail.fee}</Text>
                  <Text>{zh.common.yuan((t.fee ?? t.serviceItem?.price) as number)}</Text>
                </View>
              )}
              <View className="detail__row">
                <Text className="detail__label">{zh.detail.room}</Text>
                <Text data-testid="location">{t.location.label}</Text>
              </View>
              {t.contactPhoneMasked && (
                <View className="detail__row">
                  <Text className="detail__label">{zh.detail.contactPhone}</Text>
                  <Text>{t.contactPhoneMasked}</Text>
                </View>
              )}
            </View>

            {(contacts.data?.technician || contacts.data?.hotline) && (
              <View className="card" data-testid="contacts">
                <View className="detail__section-title">{zh.call.title}</View>
                {contacts.data.technician && <CallButton callable={contacts.data.technician} testId="call-technician" />}
                {contacts.data.hotline && <CallButton callable={contacts.data.hotline} testId="call-hotline" />}
              </View>
            )}

            {t.complaint && (t.complaint.formalReply || t.complaint.subjectName) && (
              <View className="card" data-testid="formal-reply">
                {t.complaint.subjectName && (
                  <View className="detail__desc muted">
                    {zh.detail.complaintSubject}：{t.complaint.subjectName}
                  </View>
                )}
                {t.complaint.formalReply ? (
                  <View>
                    <View className="detail__section-title">{zh.detail.formalReply}</View>
                    <View className="detail__section-title muted">{zh.detail.replyResult}</View>
                    <View className="detail__desc">{t.complaint.formalReply.result}</View>
                    <View className="detail__section-title muted">{zh.detail.replyMeasures}</View>
                    <View className="detail__desc">{t.complaint.formalReply.measures}</View>
                  </View>
                ) : (
                  <View className="muted">{zh.detail.formalReplyPending}</View>
                )}
              </View>
            )}
            <SettlementCard ticketId={t.id} onChanged={() => void ticket.reload(true)} />

            <View className="card">
              {t.type === 'home_service' ? (
                // A booking's text is what the booking form wrote ("入户方式：…；备注：…"), not a problem.
                <>
                  <View className="detail__section-title">{zh.detail.bookingNotes}</View>
                  {t.description.split('；').map((line) => (
                    <View key={line} className="detail__desc" data-testid="booking-note">
                      {line}
                    </View>
                  ))}
                </>
              ) : (
                <>
                  <View className="detail__section-title">{zh.detail.description}</View>
                  <View className="detail__desc">{t.description}</View>
                </>
              )}
              <Photos photos={t.photos} />
            </View>

            {t.rating && (
              <View className="card" data-testid="my-rating">
                <View className="detail__section-title">{zh.detail.rating}</View>
                <StarRating label={zh.rate.dimensions.attitude} value={t.rating.attitude} />
                <StarRating label={zh.rate.dimensions.timeliness} value={t.rating.timeliness} />
                <StarRating label={zh.rate.dimensions.quality} value={t.rating.quality} />
                {t.rating.tags?.length > 0 && (
                  <View className="chips detail__rating-tags">
                    {t.rating.tags.map((tag) => (
                      <Text key={tag} className="chip chip--on">
                        {tag}
                      </Text>
                    ))}
                  </View>
                )}
                {t.rating.comment && <View className="detail__desc">{t.rating.comment}</View>}
                {t.rating.reply && (
                  <View className="detail__rating-reply" data-testid="rating-reply">
                    <Text className="detail__rating-reply-who">{zh.rate.reply}：</Text>
                    {t.rating.reply}
                  </View>
                )}
              </View>
            )}

            <View className="card">
              <View className="detail__section-title">{zh.detail.timeline}</View>
              <View className="timeline">
                {[...t.events].reverse().map((e, i) => (
                  <View key={`${e.at}-${i}`} className={`timeline__item ${i === 0 ? 'timeline__item--latest' : ''}`} data-testid="event">
                    <View className="timeline__dot" />
                    <View className="timeline__body">
                      <View className="timeline__head">
                        <Text className="timeline__what">
                          {zh.detail.events[e.type === 'commented' && e.actor.kind === 'staff' ? 'replied' : e.type] ?? e.type}
                        </Text>
                        <Text className="muted">{formatDateTime(e.at, now)}</Text>
                      </View>
                      <View className="timeline__who muted">
                        {e.actor.kind === 'resident' && e.actor.id === t.residentId ? zh.detail.actor.resident : e.actor.name || zh.detail.actor[e.actor.kind]}
                      </View>
                      {e.note && <View className="timeline__note">{e.note}</View>}
                      <Photos photos={e.photos} />
                    </View>
                  </View>
                ))}
              </View>
            </View>
          </View>

          {t.following && actions.length === 0 && (
            <>
              <View className="bottom-bar-space" />
              <View className="bottom-bar">
                <Button
                  className="btn btn--ghost"
                  disabled={busy !== null}
                  onClick={() =>
                    void unfollowTicket(t.id).then((res) => {
                      void Taro.showToast({ title: res.ok ? zh.detail.unfollowed : res.message, icon: 'none' });
                      if (res.ok) void Taro.navigateBack();
                    })
                  }
                >
                  {zh.detail.unfollow}
                </Button>
              </View>
            </>
          )}
          {actions.length > 0 && (
            <>
              <View className="bottom-bar-space" />
              <View className="bottom-bar">
                {actions.map((a) => (
                  <Button
                    key={a}
                    className={`btn ${a === 'confirm' || a === 'rate' ? 'btn--primary' : a === 'cancel' ? 'btn--danger' : 'btn--ghost'}`}
                    disabled={busy !== null}
                    onClick={() => void onAction(a)}
                  >
                    {zh.detail.actions[a]}
                  </Button>
                ))}
              </View>
            </>
          )}
          {dialog && (
            <ReasonDialog
              title={dialog === 'cancel' ? zh.detail.cancelTitle : zh.detail.reopenTitle}
              placeholder={dialog === 'cancel' ? zh.detail.cancelPlaceholder : zh.detail.reopenPlaceholder}
              busy={busy !== null}
              onConfirm={(reason) => void onReason(reason)}
              onClose={() => setDialog(null)}
            />
          )}
        </View>
      )}
    </PageShell>
  );
}
