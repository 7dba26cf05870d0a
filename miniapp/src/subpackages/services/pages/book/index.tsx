import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import Button from '../../../../components/Button';
import { isMobilePhone, normalizePhone, type ServiceItem } from '@yizhan/shared';
import type { ApiResult } from '../../../../api/result';
import { listServiceItems, listSlots, type ServiceSlot } from '../../../../api/services';
import { askForSubscriptions } from '../../../../api/subscribe';
import { createTicket, rescheduleTicket } from '../../../../api/tickets';
import { Field, PhoneInput } from '../../../../components/Field';
import PageShell from '../../../../components/PageShell';
import { useAsync } from '../../../../hooks/useAsync';
import { useDraft } from '../../../../hooks/useDraft';
import { useMe } from '../../../../hooks/useMe';
import { zh } from '../../../../i18n/zh';
import { ROUTES } from '../../../../routes';
import { formatClock, formatDateTime, upcomingDays } from '../../../../utils/time';
import './index.scss';

type Access = 'home' | 'entry';
const DAYS = 7;

const noItems: ApiResult<{ items: ServiceItem[] }> = { ok: true, status: 200, data: { items: [] } };

export default function BookPage() {
  const { params } = useRouter();
  const itemId = params.itemId ?? '';
  /** 改约: the booking moved to another slot (the other fields stay as booked). */
  const rescheduleId = params.reschedule ?? null;
  const me = useMe();
  const communityId = me.currentRoom?.communityId ?? null;
  const items = useAsync(() => (communityId ? listServiceItems(communityId) : Promise.resolve(noItems)), [communityId]);
  const item = items.data?.items.find((i) => i.id === itemId) ?? null;

  // As many days as the service may be booked ahead (its own setting), today first.
  const bookingDays = item?.bookingDays ?? DAYS;
  const days = useMemo(() => upcomingDays(bookingDays), [bookingDays]);
  const draft = useDraft(rescheduleId ? `reschedule-${rescheduleId}` : `book-${itemId}`, {
    date: days[0]!.date,
    slotStart: '',
    access: 'home' as Access,
    note: '',
    contactPhone: '',
  });
  const { values, update } = draft;
  // A date kept in a draft from an earlier day is in the past now: start from today.
  const date = days.some((d) => d.date === values.date) ? values.date : days[0]!.date;
  const slots = useAsync(() => listSlots(itemId, date), [itemId, date]);
  const slot: ServiceSlot | null = slots.data?.items.find((s) => s.start === values.slotStart) ?? null;

  useEffect(() => {
    if (rescheduleId) void Taro.setNavigationBarTitle({ title: zh.services.rescheduleTitle });
  }, [rescheduleId]);

  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const review = () => {
    if (!slot || slot.remaining <= 0) return setError(zh.services.slotRequired);
    if (!rescheduleId && !values.contactPhone.trim() && !me.data?.phoneMasked) return setError(zh.create.phoneRequired(true));
    if (values.contactPhone.trim() && !isMobilePhone(values.contactPhone)) return setError(zh.create.phoneInvalid);
    setError(null);
    setConfirming(true);
  };

  const book = async () => {
    if (inFlight.current || !item || !slot || !me.currentRoom) return;
    inFlight.current = true;
    setSubmitting(true);
    await askForSubscriptions();
    if (rescheduleId) {
      const moved = await rescheduleTicket(rescheduleId, slot.start);
      inFlight.current = false;
      setSubmitting(false);
      if (!moved.ok) {
        setConfirming(false);
        setError(moved.message);
        if (moved.status === 409) void slots.reload(true);
        return;
      }
      draft.clear();
      void Taro.showToast({ title: zh.services.rescheduled, icon: 'success' });
      void Taro.navigateBack();
      return;
    }
    const phone = normalizePhone(values.contactPhone);
    const note = values.note.trim();
    const res = await createTicket(
      {
        type: 'home_service',
        roomId: me.currentRoom.roomId,
        category: item.name,
        description: `${zh.services.access}：${zh.services.accessOptions[values.access]}${note ? `；${zh.services.note}：${note}` : ''}`,
        serviceItemId: item.id,
        slotStart: slot.start,
        ...(phone ? { contactPhone: phone } : {}),
      },
      draft.key,
    );
    inFlight.current = false;
    setSubmitting(false);
    if (!res.ok) {
      setConfirming(false);
      setError(res.message);
      // The slot may have just filled up: show the current numbers.
      if (res.status === 409) void slots.reload(true);
      return;
    }
    draft.clear();
    void Taro.showToast({ title: zh.services.success, icon: 'success' });
    void Taro.redirectTo({ url: ROUTES.detail(res.data.id) });
  };

  const dayLabel = (d: (typeof days)[number]) => (d.offset === 0 ? zh.services.today : d.offset === 1 ? zh.services.tomorrow : zh.services.weekdays[d.weekday]);

  const loadingPage = me.status === 'loading' || items.status === 'loading';
  return (
    <PageShell
      loading={loadingPage}
      error={me.error ?? items.error}
      hasData={me.data !== null && items.data !== null}
      onRetry={() => void (me.error ? me.reload() : items.reload())}
    >
      {!item ? (
        <View className="card book__missing muted">{me.currentRoom ? zh.errors.notFound : zh.create.noApprovedRoom}</View>
      ) : (
        <View className="book">
          <View className="card book__item">
            <View className="book__name">{item.name}</View>
            {item.description && <View className="muted book__desc">{item.description}</View>}
            <View className="muted">{zh.services.duration(item.durationMin)}</View>
            <Text className="book__price">{zh.common.yuan(item.price)}</Text>
          </View>

          <View className="form">
            <View className="field">
              <View className="field__label field__required">{zh.services.date}</View>
              <View className="chips">
                {days.map((d) => (
                  <Text
                    key={d.date}
                    data-testid="day"
                    className={`chip ${d.date === date ? 'chip--on' : ''}`}
                    onClick={() => update({ date: d.date, slotStart: '' })}
                  >
                    {dayLabel(d)} {d.month}/{d.day}
                  </Text>
                ))}
              </View>
            </View>

            <View className="field">
              <View className="field__label field__required">{zh.services.slot}</View>
              {slots.status === 'loading' && <View className="muted">{zh.common.loading}</View>}
              {slots.status === 'error' && (
                <View className="form-error" onClick={() => void slots.reload()}>
                  {slots.error.message}，{zh.common.loadMoreFailed}
                </View>
              )}
              {slots.status === 'ready' && slots.data.items.length === 0 && <View className="muted">{zh.services.slotsEmpty}</View>}
              {slots.status === 'ready' && (
                <View className="chips">
                  {slots.data.items.map((s) => (
                    <Text
                      key={s.start}
                      data-testid="slot"
                      className={`chip ${s.start === values.slotStart ? 'chip--on' : ''} ${s.remaining <= 0 ? 'chip--disabled' : ''}`}
                      onClick={() => s.remaining > 0 && update({ slotStart: s.start })}
                    >
                      {formatClock(s.start)}-{formatClock(s.end)} · {zh.services.slotRemaining(s.remaining)}
                    </Text>
                  ))}
                </View>
              )}
            </View>

            {!rescheduleId && (
              <>
                <View className="field">
                  <View className="field__label field__required">{zh.services.access}</View>
                  <View className="chips">
                    {(['home', 'entry'] as const).map((a) => (
                      <Text key={a} className={`chip ${values.access === a ? 'chip--on' : ''}`} onClick={() => update({ access: a })}>
                        {zh.services.accessOptions[a]}
                      </Text>
                    ))}
                  </View>
                </View>

                <Field label={zh.services.note}>
                  <Textarea
                    className="field__textarea book__note"
                    value={values.note}
                    maxlength={200}
                    placeholder={zh.services.notePlaceholder}
                    onInput={(e) => update({ note: e.detail.value })}
                  />
                </Field>

                <Field label={zh.create.contactPhone} required={!me.data?.phoneMasked}>
                  <PhoneInput
                    value={values.contactPhone}
                    placeholder={me.data?.phoneMasked ? zh.create.contactPhoneWechat(me.data.phoneMasked) : zh.create.contactPhonePlaceholder(true)}
                    onChange={(contactPhone) => update({ contactPhone })}
                  />
                </Field>
              </>
            )}

            <View className="field field--row">
              <Text className="field__label">{zh.services.fee}</Text>
              <Text className="book__price" data-testid="fee">
                {zh.common.yuan(item.price)}
              </Text>
            </View>
            <View className="field__hint book__fee-note">{zh.services.feeNote}</View>
          </View>

          {error && <View className="form-error book__error">{error}</View>}
          <View className="bottom-bar-space" />
          <View className="bottom-bar">
            <Button className="btn btn--primary" onClick={review}>
              {rescheduleId ? zh.services.reschedule : `${zh.services.book} · ${zh.common.yuan(item.price)}`}
            </Button>
          </View>

          {confirming && slot && (
            <View className="dialog-mask">
              <View className="dialog">
                <View className="dialog__title">{rescheduleId ? zh.services.rescheduleTitle : zh.services.confirmTitle}</View>
                <View className="book__summary">
                  <View>{item.name}</View>
                  <View>
                    {zh.services.slot}：{formatDateTime(slot.start)}-{formatClock(slot.end)}
                  </View>
                  <View>
                    {zh.services.access}：{zh.services.accessOptions[values.access]}
                  </View>
                  <View>{me.currentRoom?.label}</View>
                  <View className="book__summary-fee">
                    {zh.services.fee}：<Text className="book__price">{zh.common.yuan(item.price)}</Text>
                  </View>
                </View>
                <View className="dialog__actions">
                  <Button className="btn btn--ghost" disabled={submitting} onClick={() => setConfirming(false)}>
                    {zh.common.cancel}
                  </Button>
                  <Button className="btn btn--primary" disabled={submitting} onClick={() => void book()}>
                    {rescheduleId ? zh.services.rescheduleConfirm : zh.services.confirm}
                  </Button>
                </View>
              </View>
            </View>
          )}
        </View>
      )}
    </PageShell>
  );
}
