import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Switch, Text, Textarea, View } from '@tarojs/components';
import Button from '../../../../components/Button';
import { ATTITUDE_CATEGORY, isMobilePhone, normalizePhone, PREFERRED_VISITS, TICKET_CATEGORIES, type PreferredVisit } from '@yizhan/shared';
import { askForSubscriptions } from '../../../../api/subscribe';
import { createTicket } from '../../../../api/tickets';
import { Field, PhoneInput } from '../../../../components/Field';
import PageShell from '../../../../components/PageShell';
import LocationPicker, { EMPTY_WHERE, publicLocation, type WhereValues } from '../../../../components/LocationPicker';
import PhotoPicker from '../../../../components/PhotoPicker';
import { useDraft } from '../../../../hooks/useDraft';
import { useMe } from '../../../../hooks/useMe';
import { type DraftPhoto, photosState, restorePhotos } from '../../../../hooks/usePhotoUploads';
import { zh } from '../../../../i18n/zh';
import { ROUTES } from '../../../../routes';
import './index.scss';

type FormType = 'repair' | 'complaint' | 'enquiry';
/** The types this form files (上门服务 is booked from the catalogue). */
const FORM_TYPES: FormType[] = ['repair', 'complaint', 'enquiry'];

interface FormValues extends WhereValues {
  category: string;
  description: string;
  photos: DraftPhoto[];
  urgent: boolean;
  contactPhone: string;
  preferredVisit: string;
  /** A complaint about a staff member: their name or 工号, as the resident knows them. */
  subjectName: string;
}

const EMPTY: FormValues = { ...EMPTY_WHERE, category: '', description: '', photos: [], urgent: false, contactPhone: '', preferredVisit: '', subjectName: '' };

/** What is wrong with the form, in the order the resident sees the fields; null when it can be sent. */
function validate(type: FormType, values: FormValues, hasRoom: boolean, hasWechatPhone: boolean): string | null {
  if (!hasRoom) return zh.create.noApprovedRoom;
  if (values.where === 'public' && !publicLocation(values)) return zh.create.publicRequired;
  if (!values.category) return zh.create.categoryRequired;
  if (values.description.trim().length < 5) return zh.create.descriptionTooShort;
  const photos = photosState(values.photos);
  if (photos.uploading) return zh.create.photosUploading;
  if (photos.failed) return zh.create.photosFailed;
  // A request needs a way to reach the resident: a typed number, or the WeChat phone bound in 我的.
  if (!values.contactPhone.trim() && !hasWechatPhone) return zh.create.phoneRequired(type === 'repair');
  if (values.contactPhone.trim() && !isMobilePhone(values.contactPhone)) return zh.create.phoneInvalid;
  return null;
}

export default function CreateTicketPage() {
  const router = useRouter();
  const type: FormType = FORM_TYPES.find((t) => t === router.params.type) ?? 'repair';
  const me = useMe();
  const draft = useDraft<FormValues>(`create-${type}`, EMPTY);
  const { values, update } = draft;
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A ref, not state: a second tap in the same frame must see the first one.
  const inFlight = useRef(false);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: zh.create.titles[type] });
    if (draft.hasRestoredInput) {
      update((v) => ({ photos: restorePhotos(v.photos) }));
      void Taro.showToast({ title: zh.create.draftRestored, icon: 'none' });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const updatePhotos = (fn: (photos: DraftPhoto[]) => DraftPhoto[]) => update((v) => ({ photos: fn(v.photos) }));

  const submit = async () => {
    if (inFlight.current) return;
    const problem = validate(type, values, me.currentRoom !== null, Boolean(me.data?.phoneMasked));
    setError(problem);
    if (problem || !me.currentRoom) return;
    inFlight.current = true;
    setSubmitting(true);
    // Must run first in the tap: WeChat only shows the subscribe dialog from a user gesture.
    await askForSubscriptions();
    const phone = normalizePhone(values.contactPhone);
    const res = await createTicket(
      {
        type,
        // Where the problem is: the resident's room, or the public area chosen (they stay who they are).
        ...(publicLocation(values) ? { location: publicLocation(values)! } : { roomId: me.currentRoom.roomId }),
        category: values.category,
        description: values.description.trim(),
        photoIds: photosState(values.photos).ids,
        priority: type === 'repair' && values.urgent ? 'urgent' : 'normal',
        ...(phone ? { contactPhone: phone } : {}),
        ...(type === 'repair' && values.preferredVisit ? { preferredVisit: values.preferredVisit as PreferredVisit } : {}),
        ...(type === 'complaint' && values.subjectName.trim() ? { subjectName: values.subjectName.trim() } : {}),
      },
      draft.key,
    );
    inFlight.current = false;
    setSubmitting(false);
    if (!res.ok) {
      // The draft and its Idempotency-Key stay: tapping again retries the same request.
      setError(res.message);
      void Taro.showToast({ title: res.message, icon: 'none' });
      return;
    }
    draft.clear();
    void Taro.showToast({ title: zh.create.success, icon: 'success' });
    void Taro.redirectTo({ url: ROUTES.detail(res.data.id) });
  };

  const categories = TICKET_CATEGORIES[type];
  return (
    <PageShell loading={me.status === 'loading'} error={me.error} hasData={me.data !== null} onRetry={() => void me.reload()}>
      <View className="create">
        <View className="form">
          {me.currentRoom ? (
            <LocationPicker
              communityId={me.currentRoom.communityId}
              roomLabel={me.currentRoom.label}
              value={values}
              onChange={(patch) => update(patch)}
              allowPublic
            />
          ) : (
            <View className="field field--row">
              <Text className="field__label">{zh.create.room}</Text>
              <Text className="link" onClick={() => void Taro.navigateTo({ url: ROUTES.bindRoom })}>
                {zh.create.noApprovedRoom} ›
              </Text>
            </View>
          )}

          <View className="field">
            <View className="field__label">{zh.create.type}</View>
            <View className="chips" data-testid="type-choice">
              {FORM_TYPES.map((t) => (
                <Text key={t} className={`chip ${t === type ? 'chip--on' : ''}`} onClick={() => t !== type && void Taro.redirectTo({ url: ROUTES.create(t) })}>
                  {zh.create.types[t]}
                </Text>
              ))}
            </View>
            {type === 'enquiry' && <View className="muted create__hint">{zh.create.enquiryHint}</View>}
          </View>

          <View className="field">
            <View className="field__label field__required">{zh.create.category}</View>
            <View className="chips">
              {categories.map((c) => (
                <Text key={c} className={`chip ${values.category === c ? 'chip--on' : ''}`} onClick={() => update({ category: c })}>
                  {c}
                </Text>
              ))}
            </View>
          </View>

          <View className="field">
            <View className="field__label field__required">{zh.create.description}</View>
            <Textarea
              className="field__textarea"
              value={values.description}
              maxlength={500}
              placeholder={zh.create.descriptionPlaceholder[type]}
              onInput={(e) => update({ description: e.detail.value })}
            />
            <View className="create__count muted">{values.description.length}/500</View>
          </View>

          <View className="field">
            <View className="field__label">{zh.create.photos}</View>
            <PhotoPicker photos={values.photos} update={updatePhotos} />
            <View className="field__hint">{zh.create.photosHint(9, type === 'repair')}</View>
          </View>

          {type === 'complaint' && (
            <View className="field">
              <View className="field__label">{zh.create.subjectName}</View>
              <Input
                className="field__input"
                value={values.subjectName}
                maxlength={50}
                placeholder={zh.create.subjectNamePlaceholder}
                onInput={(e) => update({ subjectName: e.detail.value })}
                data-testid="subject-name"
              />
              <View className="field__hint">
                {values.subjectName.trim() || values.category === ATTITUDE_CATEGORY ? zh.create.subjectHint : zh.create.subjectOptional}
              </View>
            </View>
          )}

          {type === 'repair' && (
            <View className="field">
              <View className="field--row">
                <Text className="field__label">{zh.create.urgent}</Text>
                <Switch checked={values.urgent} color="#e5484d" onChange={(e) => update({ urgent: e.detail.value })} aria-label={zh.create.urgent} />
              </View>
              <View className="field__hint">{zh.create.urgentHint}</View>
            </View>
          )}

          {type === 'repair' && (
            <View className="field">
              <View className="field__label">{zh.create.preferredVisit}</View>
              <View className="chips" data-testid="preferred-visit">
                {PREFERRED_VISITS.map((p) => (
                  <Text
                    key={p}
                    className={`chip ${values.preferredVisit === p ? 'chip--on' : ''}`}
                    onClick={() => update({ preferredVisit: values.preferredVisit === p ? '' : p })}
                  >
                    {p}
                  </Text>
                ))}
              </View>
              <View className="field__hint">{zh.create.preferredVisitHint}</View>
            </View>
          )}

          <Field label={zh.create.contactPhone} required={!me.data?.phoneMasked}>
            <PhoneInput
              value={values.contactPhone}
              placeholder={me.data?.phoneMasked ? zh.create.contactPhoneWechat(me.data.phoneMasked) : zh.create.contactPhonePlaceholder(type === 'repair')}
              onChange={(contactPhone) => update({ contactPhone })}
            />
          </Field>
        </View>

        {error && (
          <View className="form-error create__error" data-testid="form-error">
            {error}
          </View>
        )}
        <View className="bottom-bar-space" />
        <View className="bottom-bar">
          <Button className="btn btn--primary" disabled={submitting} onClick={() => void submit()}>
            {submitting ? zh.common.submitting : zh.create.submit}
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
