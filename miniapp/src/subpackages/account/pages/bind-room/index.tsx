import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import Button from '../../../../components/Button';
import { isMobilePhone, LABELS, normalizePhone, type BindRoomResponse, type RoomOption } from '@yizhan/shared';
import { bindRoom, fetchCommunities, searchRooms } from '../../../../api/me';
import type { ApiFailure } from '../../../../api/result';
import { Field, PhoneInput } from '../../../../components/Field';
import PageShell from '../../../../components/PageShell';
import { useAsync } from '../../../../hooks/useAsync';
import { useDraft } from '../../../../hooks/useDraft';
import { chooseRoom } from '../../../../hooks/useMe';
import { zh } from '../../../../i18n/zh';
import { ROUTES } from '../../../../routes';
import './index.scss';

const SEARCH_DELAY_MS = 300;

export default function BindRoomPage() {
  const communities = useAsync(fetchCommunities, []);
  const draft = useDraft('bind-room', { communityId: '', query: '', roomId: '', roomLabel: '', name: '', phone: '' });
  const { values, update } = draft;
  const [rooms, setRooms] = useState<RoomOption[] | null>(null);
  const [roomsError, setRoomsError] = useState<ApiFailure | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<BindRoomResponse | null>(null);
  const searchSeq = useRef(0);

  // Search as the resident types, a moment after they stop; late answers for old text are dropped.
  useEffect(() => {
    if (!values.communityId) return;
    const seq = ++searchSeq.current;
    const timer = setTimeout(async () => {
      const res = await searchRooms(values.communityId, values.query.trim());
      if (seq !== searchSeq.current) return;
      if (res.ok) {
        setRooms(res.data.items);
        setRoomsError(null);
      } else {
        setRoomsError(res);
      }
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values.communityId, values.query]);

  const submit = async () => {
    if (submitting) return;
    if (!values.roomId) return setError(zh.bind.roomRequired);
    if (!values.name.trim()) return setError(zh.bind.nameRequired);
    const phone = normalizePhone(values.phone);
    if (!phone || !isMobilePhone(phone)) return setError(zh.bind.phoneInvalid);
    setError(null);
    setSubmitting(true);
    const res = await bindRoom({ roomId: values.roomId, name: values.name.trim(), phone });
    setSubmitting(false);
    if (!res.ok) return setError(res.message);
    draft.clear();
    if (res.data.status === 'approved') chooseRoom(res.data.roomId);
    setResult(res.data);
  };

  const done = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.switchTab({ url: ROUTES.home });
  };

  if (result) {
    return (
      <View className="page bind__result" data-testid="bind-result">
        <View className={`bind__result-icon bind__result-icon--${result.status}`}>{result.status === 'approved' ? '√' : '…'}</View>
        <View className="bind__result-title">{result.status === 'approved' ? zh.bind.approved : zh.bind.pending}</View>
        <View className="muted">{LABELS.bindingStatus[result.status]}</View>
        <Button className="btn btn--primary bind__result-button" onClick={done}>
          {zh.common.confirm}
        </Button>
      </View>
    );
  }

  const list = communities.data?.items ?? [];
  return (
    <PageShell
      loading={communities.status === 'loading'}
      error={communities.error}
      hasData={communities.data !== null}
      onRetry={() => void communities.reload()}
    >
      <View className="bind">
        <View className="form">
          <View className="field">
            <View className="field__label field__required">{zh.bind.community}</View>
            <View className="chips">
              {list.map((c) => (
                <Text
                  key={c.id}
                  className={`chip ${values.communityId === c.id ? 'chip--on' : ''}`}
                  onClick={() => update({ communityId: c.id, roomId: '', roomLabel: '', query: '' })}
                >
                  {c.name}
                </Text>
              ))}
            </View>
          </View>

          {values.communityId && (
            <View className="field">
              <View className="field__label field__required">{zh.bind.room}</View>
              {values.roomId ? (
                <View className="bind__chosen">
                  <Text data-testid="chosen-room">{values.roomLabel}</Text>
                  <Text className="link" onClick={() => update({ roomId: '', roomLabel: '' })}>
                    {zh.home.switchRoom}
                  </Text>
                </View>
              ) : (
                <>
                  <Input className="bind__search" value={values.query} placeholder={zh.bind.roomSearch} onInput={(e) => update({ query: e.detail.value })} />
                  {roomsError && <View className="form-error">{roomsError.message}</View>}
                  {rooms && rooms.length === 0 && <View className="muted bind__none">{zh.bind.roomsEmpty}</View>}
                  <View className="bind__rooms">
                    {(rooms ?? []).map((r) => (
                      <View key={r.id} className="bind__room" data-testid="room-option" onClick={() => update({ roomId: r.id, roomLabel: r.label })}>
                        {r.label}
                      </View>
                    ))}
                  </View>
                </>
              )}
            </View>
          )}

          <Field label={zh.bind.name} required>
            <Input
              className="field__input"
              value={values.name}
              maxlength={20}
              placeholder={zh.bind.namePlaceholder}
              onInput={(e) => update({ name: e.detail.value })}
            />
          </Field>

          <Field label={zh.bind.phone} required>
            <PhoneInput value={values.phone} placeholder={zh.bind.phonePlaceholder} onChange={(phone) => update({ phone })} />
          </Field>
          <View className="field__hint bind__hint">{zh.bind.hint}</View>
        </View>

        {error && (
          <View className="form-error bind__error" data-testid="form-error">
            {error}
          </View>
        )}
        <View className="section">
          <Button className="btn btn--primary btn--block" disabled={submitting} onClick={() => void submit()}>
            {zh.bind.submit}
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
