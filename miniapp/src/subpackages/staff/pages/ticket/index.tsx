import { useCallback, useEffect, useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import { previewImage } from '../../../../utils/previewImage';
import { LABELS, type StaffProfile, type TicketAction, type TicketDetail, allowedActions, fromLocalDateTime, ticketStateOf } from '@yizhan/shared';
import Button from '../../../../components/Button';
import PageShell from '../../../../components/PageShell';
import PhotoPicker from '../../../../components/PhotoPicker';
import type { ApiFailure } from '../../../../api/result';
import { LOGIN_REQUIRED } from '../../../../api/result';
import { submitAction } from '../../../../api/staff-queue';
import { currentStaffSession, signInSilently, staffTokens } from '../../../../api/staff-session';
import { type StaffAction, getStaffTicket, listColleagues, listTechnicians, revealPhone } from '../../../../api/staff-tickets';
import type { DraftPhoto } from '../../../../hooks/usePhotoUploads';
import { ROUTES } from '../../../../routes';
import { formatDateTime, upcomingDays } from '../../../../utils/time';
import { countdown, nextDeadline, sz } from '../../staff';
import QueueBanner from '../../components/QueueBanner';
import { useNow } from '../../useNow';
import '../../staff.scss';

/** The forms this page opens, one at a time. */
type Sheet = 'reschedule' | 'dispatch' | 'hold' | 'resume' | 'before' | 'resolve' | 'reply' | 'transfer';

/** Buttons in the order a person meets them in a day's work; the state machine decides which show. */
const BUTTONS: { action: TicketAction; label: string; sheet?: Sheet; primary?: boolean }[] = [
  { action: 'claim', label: LABELS.action.claim, primary: true },
  { action: 'accept', label: sz.ticket.accept, primary: true },
  { action: 'start', label: sz.ticket.start, primary: true },
  { action: 'resolve', label: sz.ticket.resolve, sheet: 'resolve', primary: true },
  { action: 'dispatch', label: sz.ticket.dispatch, sheet: 'dispatch' },
  { action: 'reschedule', label: sz.ticket.reschedule, sheet: 'reschedule' },
  { action: 'hold', label: sz.ticket.hold, sheet: 'hold' },
  { action: 'resume', label: sz.ticket.resume, sheet: 'resume' },
  { action: 'transfer', label: sz.ticket.transfer, sheet: 'transfer' },
  { action: 'comment', label: sz.ticket.reply, sheet: 'reply' },
];

const VISIT_HOURS = Array.from({ length: 13 }, (_, i) => 8 + i); // 08:00–20:00

interface Picked {
  ids: string[];
  /** Photos that did not upload (no signal): they go with the action and upload when it is sent. */
  pending: string[];
}
function pickedOf(photos: DraftPhoto[]): Picked {
  return {
    ids: photos.flatMap((p) => (p.status === 'done' && p.upload ? [p.upload.id] : [])),
    pending: photos.filter((p) => p.status !== 'done').map((p) => p.path),
  };
}

/**
 * One request on the staff side — the page WeCom staff messages open. What, where, who
 * to call (masked; the full number only through an audited reveal), the visit time and
 * the time left; the actions this person may take now, each sent through the phone's
 * queue (offline-tolerant, once per Idempotency-Key); the timeline.
 */
export default function StaffTicketPage() {
  const { params } = useRouter();
  const id = String(params.id ?? '');
  const [profile, setProfile] = useState<StaffProfile | null>(() => currentStaffSession()?.staff ?? null);
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow();

  const load = useCallback(async () => {
    setLoading(true);
    const res = await getStaffTicket(id);
    setLoading(false);
    if (res.ok) {
      setTicket(res.data);
      setError(null);
      if (!profile) setProfile(currentStaffSession()?.staff ?? null);
    } else if (res.code === LOGIN_REQUIRED) {
      void Taro.redirectTo({ url: ROUTES.staffLogin });
    } else setError(res);
  }, [id, profile]);

  useEffect(() => {
    if (profile) return void load();
    // Opened from a WeCom message with no session yet: the silent sign-in first.
    void signInSilently().then((res) => {
      if (res.ok) setProfile(res.data.staff);
      else void Taro.redirectTo({ url: ROUTES.staffLogin });
    });
  }, [profile, load]);
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  /** Send one action through the queue; the answer (or "saved for later") is shown. */
  const act = async (action: StaffAction, body: Record<string, unknown>, label: string, photos?: Picked): Promise<boolean> => {
    if (!ticket || busy) return false;
    setBusy(true);
    const outcome = await submitAction({ ticketId: ticket.id, ticketNo: ticket.no, action, body, photoIds: photos?.ids, pendingPhotos: photos?.pending });
    setBusy(false);
    if (outcome.state === 'sent') {
      setTicket(outcome.ticket);
      void Taro.showToast({ title: sz.ticket.done(label), icon: 'success' });
      return true;
    }
    if (outcome.state === 'queued') {
      void Taro.showToast({ title: sz.queue.saved, icon: 'none' });
      return true;
    }
    void Taro.showToast({ title: outcome.message, icon: 'none' });
    return false;
  };

  const call = async () => {
    if (!ticket) return;
    // The full number only on purpose: every reveal is in the audit log.
    const res = await revealPhone(ticket.id);
    if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' });
    try {
      await Taro.makePhoneCall({ phoneNumber: res.data.phone });
    } catch {
      // Cancelled, or the browser build without a phone: nothing to report.
    }
  };

  const actor = profile ? ({ kind: 'staff', id: profile.id, roles: profile.roles } as const) : null;
  const allowed = ticket && actor ? allowedActions(ticketStateOf(ticket), actor) : [];
  const buttons = BUTTONS.filter((b) => allowed.includes(b.action));
  const isAssignee = ticket?.assignee?.id === profile?.id;
  const due = ticket ? nextDeadline(ticket) : null;
  const left = due ? countdown(due.at, now) : null;

  return (
    <PageShell loading={loading} error={error} hasData={ticket !== null} onRetry={() => void load()} className="staff-ticket">
      <QueueBanner />
      {ticket && (
        <View className="section">
          <View className="card staff-detail">
            <View className="staff-card__head">
              {ticket.priority === 'urgent' && <Text className="staff-tag staff-tag--urgent">{sz.ticket.urgent}</Text>}
              <Text className="staff-card__what">
                {LABELS.type[ticket.type]} · {ticket.category}
              </Text>
              <View className="flex-spacer" />
              <Text className="staff-tag" data-testid="status">
                {LABELS.status[ticket.status]}
                {ticket.onHold ? ` · ${sz.ticket.onHold}` : ''}
              </Text>
            </View>
            <View className="muted">{ticket.no}</View>
            <View className="staff-detail__row">
              <Text className="staff-detail__label">{sz.ticket.address}</Text>
              <Text data-testid="address">{ticket.location.label}</Text>
            </View>
            <View className="staff-detail__row">
              <Text className="staff-detail__label">{sz.ticket.phone}</Text>
              <Text data-testid="phone">{ticket.contactPhoneMasked ?? sz.ticket.noPhone}</Text>
              <View className="flex-spacer" />
              {ticket.contactPhoneMasked && (
                <Button className="btn btn--small btn--ghost" data-testid="call" onClick={() => void call()}>
                  {sz.ticket.call}
                </Button>
              )}
            </View>
            <View className="staff-detail__row">
              <Text className="staff-detail__label">{sz.ticket.appointment}</Text>
              <Text data-testid="appointment">{ticket.appointmentAt ? formatDateTime(ticket.appointmentAt) : sz.ticket.noAppointment}</Text>
            </View>
            {due && left && (
              <View className="staff-detail__row">
                <Text className="staff-detail__label">{sz.ticket.deadline}</Text>
                <Text className={left.late ? 'staff-countdown staff-countdown--late' : 'staff-countdown'} data-testid="countdown">
                  {due.label} {left.text}
                </Text>
              </View>
            )}
            <View className="staff-detail__row">
              <Text className="staff-detail__label">{sz.ticket.owner}</Text>
              <Text>{ticket.owner?.name ?? '—'}</Text>
            </View>
            <View className="staff-detail__row">
              <Text className="staff-detail__label">{sz.ticket.assignee}</Text>
              <Text>{ticket.assignee?.name ?? '—'}</Text>
            </View>
            <View className="staff-detail__desc">{ticket.description}</View>
            {ticket.photos.length > 0 && (
              <View className="staff-photos">
                {ticket.photos.map((p) => (
                  <Image
                    key={p.id}
                    className="staff-photos__img"
                    src={p.thumbUrl}
                    mode="aspectFill"
                    onClick={() => void previewImage({ urls: ticket.photos.map((x) => x.url), current: p.url })}
                  />
                ))}
              </View>
            )}
          </View>

          {(buttons.length > 0 || (isAssignee && ['dispatched', 'in_progress'].includes(ticket.status))) && (
            <View className="staff-actions">
              {buttons.map((b) => (
                <Button
                  key={b.action}
                  className={b.primary ? 'btn btn--primary' : 'btn btn--ghost'}
                  data-testid={`action-${b.action}`}
                  disabled={busy}
                  onClick={() => (b.sheet ? setSheet(b.sheet) : void act(b.action === 'claim' ? 'claim' : (b.action as StaffAction), {}, b.label))}
                >
                  {b.label}
                </Button>
              ))}
              {isAssignee && ['dispatched', 'in_progress'].includes(ticket.status) && !ticket.onHold && (
                <Button className="btn btn--ghost" data-testid="action-before" disabled={busy} onClick={() => setSheet('before')}>
                  {sz.ticket.beforePhotos}
                </Button>
              )}
            </View>
          )}

          <View className="section-title">
            <Text>{sz.ticket.timeline}</Text>
          </View>
          <View className="card">
            {[...ticket.events].reverse().map((e, i) => (
              <View key={`${e.at}-${i}`} className="staff-event" data-testid="event">
                <View className="staff-event__head">
                  <Text>
                    {e.actor.name} · {sz.events[e.type] ?? e.type}
                  </Text>
                  <View className="flex-spacer" />
                  <Text className="muted">{formatDateTime(e.at)}</Text>
                </View>
                {e.note && <View className="staff-event__note">{e.note}</View>}
                {e.photos.length > 0 && (
                  <View className="staff-photos">
                    {e.photos.map((p) => (
                      <Image key={p.id} className="staff-photos__img staff-photos__img--small" src={p.thumbUrl} mode="aspectFill" />
                    ))}
                  </View>
                )}
              </View>
            ))}
          </View>
        </View>
      )}
      {ticket && sheet && <ActionSheet sheet={sheet} ticket={ticket} busy={busy} onClose={() => setSheet(null)} act={act} />}
    </PageShell>
  );
}

type Act = (action: StaffAction, body: Record<string, unknown>, label: string, photos?: Picked) => Promise<boolean>;

/** The form of one action, over the page. */
function ActionSheet({ sheet, ticket, busy, onClose, act }: { sheet: Sheet; ticket: TicketDetail; busy: boolean; onClose: () => void; act: Act }) {
  const [text, setText] = useState('');
  const [fee, setFee] = useState('');
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const [day, setDay] = useState<string | null>(null);
  const [hour, setHour] = useState<number | null>(null);
  const [pick, setPick] = useState<string | null>(null);
  const [people, setPeople] = useState<{ id: string; name: string; note: string }[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const days = upcomingDays(7);
  const uploading = photos.some((p) => p.status === 'uploading');

  useEffect(() => {
    if (sheet === 'dispatch') {
      void listTechnicians(ticket.location.communityId).then((res) => {
        if (!res.ok) return setProblem(res.message);
        // The least loaded first: the dispatcher sees skills and open jobs side by side.
        const list = res.data.items.filter((s) => s.active).sort((a, b) => a.openAssigned - b.openAssigned);
        setPeople(
          list.map((s) => ({
            id: s.id,
            name: s.name,
            note: `${s.skills.length ? s.skills.join('、') : sz.ticket.noSkills} · ${sz.ticket.load(s.openAssigned)}`,
          })),
        );
      });
    }
    if (sheet === 'transfer') {
      void listColleagues(ticket.location.communityId).then((res) => {
        if (!res.ok) return setProblem(res.message);
        const list = res.data.items.filter((s) => s.active && s.id !== ticket.owner?.id && s.roles.some((r) => r === 'agent' || r === 'supervisor'));
        setPeople(list.map((s) => ({ id: s.id, name: s.name, note: `${s.roles.map((r) => LABELS.role[r]).join('、')} · ${sz.ticket.load(s.openOwned)}` })));
      });
    }
  }, [sheet, ticket.location.communityId, ticket.owner?.id]);

  const visitIso = () => {
    if (!day || hour === null) return null;
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return fromLocalDateTime({ year: y, month: m, day: d, hour, minute: 0, second: 0, millisecond: 0 }).toISOString();
  };

  const submit = async () => {
    setProblem(null);
    const note = text.trim();
    let done = false;
    switch (sheet) {
      case 'reschedule': {
        const at = visitIso();
        if (!at) return setProblem(sz.ticket.timeRequired);
        if (!note) return setProblem(sz.ticket.reasonRequired);
        done = await act('reschedule', { appointmentAt: at, reason: note }, sz.ticket.reschedule);
        break;
      }
      case 'dispatch': {
        if (!pick) return setProblem(sz.ticket.technicianRequired);
        const at = visitIso();
        done = await act('dispatch', { assigneeId: pick, ...(at ? { appointmentAt: at } : {}), ...(note ? { note } : {}) }, sz.ticket.dispatch);
        break;
      }
      case 'hold':
        // The reason stays with the staff; the resident is told a kind default.
        if (!note) return setProblem(sz.ticket.reasonRequired);
        done = await act('hold', { reason: note }, sz.ticket.hold);
        break;
      case 'resume':
        // Resuming needs no reason (holding does).
        done = await act('resume', note ? { reason: note } : {}, sz.ticket.resume);
        break;
      case 'before': {
        const picked = pickedOf(photos);
        if (!picked.ids.length && !picked.pending.length) return onClose();
        // Before-photos go on the timeline as a comment, as on the admin pages.
        // The resident sees the before-photos of their own home.
        done = await act('comments', { note: note || sz.ticket.beforePhotoNote, visibility: 'public' }, sz.ticket.sendBefore, picked);
        break;
      }
      case 'resolve': {
        if (!note) return setProblem(sz.ticket.resolveNoteRequired);
        const amount = fee.trim() === '' ? undefined : Number(fee);
        if (amount !== undefined && (!Number.isFinite(amount) || amount < 0 || Math.round(amount * 100) !== amount * 100))
          return setProblem(sz.ticket.feeInvalid);
        done = await act('resolve', { note, ...(amount !== undefined ? { fee: amount } : {}) }, sz.ticket.resolve, pickedOf(photos));
        break;
      }
      case 'reply':
        if (!note) return setProblem(sz.ticket.replyRequired);
        // 回复业主 is a public reply: the resident reads it and is notified.
        done = await act('comments', { note, visibility: 'public' }, sz.ticket.reply);
        break;
      case 'transfer':
        if (!pick) return setProblem(sz.ticket.technicianRequired);
        if (!note) return setProblem(sz.ticket.reasonRequired);
        done = await act('transfer', { toStaffId: pick, reason: note }, sz.ticket.transfer);
        break;
    }
    if (done) onClose();
  };

  const title: Record<Sheet, string> = {
    reschedule: sz.ticket.reschedule,
    dispatch: sz.ticket.dispatch,
    hold: sz.ticket.hold,
    resume: sz.ticket.resume,
    before: sz.ticket.beforePhotos,
    resolve: sz.ticket.resolve,
    reply: sz.ticket.reply,
    transfer: sz.ticket.transfer,
  };
  const textLabel: Partial<Record<Sheet, string>> = {
    reschedule: sz.ticket.reason,
    dispatch: sz.ticket.dispatchNote,
    hold: sz.ticket.holdReason,
    resume: sz.ticket.resumeReason,
    resolve: sz.ticket.resolveNote,
    reply: sz.ticket.replyPlaceholder,
    transfer: sz.ticket.transferReason,
  };

  return (
    <View className="dialog-mask staff-sheet-mask" data-testid="action-sheet">
      <View className="staff-sheet">
        <View className="dialog__title">{title[sheet]}</View>
        {(sheet === 'dispatch' || sheet === 'transfer') && (
          <View className="staff-sheet__block">
            <View className="field__label">{sheet === 'dispatch' ? sz.ticket.technician : sz.ticket.transferTo}</View>
            {people === null && !problem && <View className="muted">加载中…</View>}
            {people?.map((p) => (
              <View key={p.id} className={pick === p.id ? 'staff-person staff-person--on' : 'staff-person'} data-testid="person" onClick={() => setPick(p.id)}>
                <Text className="staff-person__name">{p.name}</Text>
                <Text className="muted">{p.note}</Text>
              </View>
            ))}
          </View>
        )}
        {(sheet === 'reschedule' || sheet === 'dispatch') && (
          <View className="staff-sheet__block">
            <View className="field__label">{sheet === 'reschedule' ? sz.ticket.newTime : sz.ticket.visitTime}</View>
            <View className="chips">
              {days.map((d) => (
                <View key={d.date} className={day === d.date ? 'chip chip--on' : 'chip'} data-testid="day" onClick={() => setDay(d.date)}>
                  {d.month}/{d.day}
                </View>
              ))}
            </View>
            <View className="chips staff-sheet__hours">
              {VISIT_HOURS.map((h) => (
                <View key={h} className={hour === h ? 'chip chip--on' : 'chip'} data-testid="hour" onClick={() => setHour(h)}>
                  {String(h).padStart(2, '0')}:00
                </View>
              ))}
            </View>
          </View>
        )}
        {(sheet === 'before' || sheet === 'resolve') && (
          <View className="staff-sheet__block">
            <View className="field__label">{sheet === 'before' ? sz.ticket.beforePhotos : sz.ticket.afterPhotos}</View>
            <PhotoPicker photos={photos} update={(fn) => setPhotos(fn)} tokens={staffTokens} />
          </View>
        )}
        {sheet === 'resolve' && (
          <View className="staff-sheet__block">
            <View className="field__label">{sz.ticket.fee}</View>
            <Input className="field__input" data-testid="fee" type="digit" value={fee} placeholder="0.00" onInput={(e) => setFee(e.detail.value)} />
          </View>
        )}
        {sheet !== 'before' && (
          <View className="staff-sheet__block">
            <View className="field__label">{textLabel[sheet]}</View>
            <Textarea
              className="dialog__textarea"
              data-testid="sheet-text"
              value={text}
              maxlength={sheet === 'reschedule' ? 200 : 500}
              onInput={(e) => setText(e.detail.value)}
            />
          </View>
        )}
        {problem && (
          <View className="form-error" data-testid="sheet-error">
            {problem}
          </View>
        )}
        <View className="dialog__actions">
          <Button className="btn btn--ghost" disabled={busy} onClick={onClose}>
            {sz.ticket.cancel}
          </Button>
          <Button className="btn btn--primary" data-testid="sheet-submit" disabled={busy || uploading} onClick={() => void submit()}>
            {sz.ticket.confirm}
          </Button>
        </View>
      </View>
    </View>
  );
}
