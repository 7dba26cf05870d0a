import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import Button from '../../../../components/Button';
import { commentOnTicket } from '../../../../api/tickets';
import PageShell from '../../../../components/PageShell';
import PhotoPicker from '../../../../components/PhotoPicker';
import { useDraft } from '../../../../hooks/useDraft';
import { type DraftPhoto, photosState } from '../../../../hooks/usePhotoUploads';
import { zh } from '../../../../i18n/zh';
import './index.scss';

interface FollowUpValues {
  note: string;
  photos: DraftPhoto[];
}
const EMPTY: FollowUpValues = { note: '', photos: [] };

/**
 * 补充说明: a note and up to 9 photos added to an open request. The owner (and the
 * technician once dispatched) are told at once. The input is a draft: it survives a
 * failed send and leaving the page.
 */
export default function FollowUpPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const draft = useDraft<FollowUpValues>(`follow-up-${id}`, EMPTY);
  const { values, update } = draft;
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inFlight = useRef(false);

  const submit = async () => {
    if (inFlight.current) return;
    const photos = photosState(values.photos);
    const problem = !values.note.trim()
      ? zh.followUp.noteRequired
      : photos.uploading
        ? zh.create.photosUploading
        : photos.failed
          ? zh.create.photosFailed
          : null;
    setError(problem);
    if (problem) return;
    inFlight.current = true;
    setSubmitting(true);
    const res = await commentOnTicket(id, { note: values.note.trim(), ...(photos.ids.length ? { photoIds: photos.ids } : {}) });
    inFlight.current = false;
    setSubmitting(false);
    if (!res.ok) {
      setError(res.message);
      return;
    }
    draft.clear();
    void Taro.showToast({ title: zh.followUp.sent, icon: 'success' });
    setTimeout(() => void Taro.navigateBack(), 800);
  };

  return (
    <PageShell loading={false} error={null} hasData onRetry={() => undefined}>
      <View className="follow-up">
        <View className="form">
          <View className="field">
            <View className="field__label field__required">{zh.followUp.note}</View>
            <Textarea
              className="field__textarea"
              value={values.note}
              maxlength={500}
              placeholder={zh.followUp.placeholder}
              onInput={(e) => update({ note: e.detail.value })}
            />
            <View className="follow-up__count muted">{values.note.length}/500</View>
          </View>
          <View className="field">
            <View className="field__label">{zh.create.photos}</View>
            <PhotoPicker photos={values.photos} update={(fn) => update((v) => ({ photos: fn(v.photos) }))} />
            <View className="field__hint">{zh.followUp.hint}</View>
          </View>
        </View>
        {error && (
          <View className="form-error follow-up__error" data-testid="form-error">
            {error}
          </View>
        )}
        <View className="bottom-bar-space" />
        <View className="bottom-bar">
          <Button className="btn btn--primary" disabled={submitting} onClick={() => void submit()}>
            {submitting ? zh.common.submitting : zh.followUp.submit}
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
