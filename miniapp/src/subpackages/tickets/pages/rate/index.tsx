import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import Button from '../../../../components/Button';
import { allowedActions, NOT_SOLVED_TAG, RATING_TAGS, ticketStateOf, type RatingRequest, type RatingTag } from '@yizhan/shared';
import { confirmTicket, fetchTicket, rateFollowed, rateTicket, reopenTicket } from '../../../../api/tickets';
import { currentSession } from '../../../../api/session';
import PageShell from '../../../../components/PageShell';
import StarRating from '../../../../components/StarRating';
import { useAsync } from '../../../../hooks/useAsync';
import { useDraft } from '../../../../hooks/useDraft';
import { zh } from '../../../../i18n/zh';
import './index.scss';

type Scores = Pick<RatingRequest, 'attitude' | 'timeliness' | 'quality'>;
const DIMENSIONS: (keyof Scores)[] = ['attitude', 'timeliness', 'quality'];

interface RateValues extends Scores {
  comment: string;
  tags: string[];
}
const EMPTY: RateValues = { attitude: 0, timeliness: 0, quality: 0, comment: '', tags: [] };

/**
 * 确认并评价 — one step: a resolved request is confirmed with a rating or without one
 * (stars, quick tags, a comment); "问题未解决" (offered only while the request can be
 * reopened) sends it back to the owner instead. A closed request not yet rated is rated
 * here too. The input is a draft: a failed send keeps everything.
 */
export default function RatePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const ticket = useAsync(() => fetchTicket(id), [id]);
  const draft = useDraft<RateValues>(`rate-${id}`, EMPTY);
  const { values, update } = draft;
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inFlight = useRef(false);

  const t = ticket.data;
  const allowed = t ? allowedActions(ticketStateOf(t), { kind: 'resident', id: currentSession()?.residentId ?? '' }) : [];
  const confirming = allowed.includes('confirm');
  const canReopen = allowed.includes('reopen');
  const notSolved = canReopen && values.tags.includes(NOT_SOLVED_TAG);
  const tags = [...RATING_TAGS, ...(canReopen ? [NOT_SOLVED_TAG] : [])];

  useEffect(() => {
    if (t) void Taro.setNavigationBarTitle({ title: confirming ? zh.rate.confirmTitle : zh.rate.title });
  }, [t, confirming]);

  const toggle = (tag: string) =>
    update((v) => {
      if (v.tags.includes(tag)) return { tags: v.tags.filter((x) => x !== tag) };
      // "问题未解决" and praise do not go together: choosing one clears the other.
      return { tags: tag === NOT_SOLVED_TAG ? [tag] : [...v.tags.filter((x) => x !== NOT_SOLVED_TAG), tag] };
    });

  const submit = async () => {
    if (inFlight.current || !t) return;
    const scored = DIMENSIONS.filter((d) => values[d] > 0).length;
    const comment = values.comment.trim();
    // 问题未解决 is not a rating tag: it reopens the request instead.
    const ratingTags = values.tags.filter((x): x is RatingTag => (RATING_TAGS as readonly string[]).includes(x));
    const rating: RatingRequest = {
      attitude: values.attitude,
      timeliness: values.timeliness,
      quality: values.quality,
      ...(comment ? { comment } : {}),
      ...(ratingTags.length ? { tags: ratingTags } : {}),
    };
    let problem: string | null = null;
    if (!notSolved && (confirming ? scored > 0 && scored < 3 : scored < 3)) problem = confirming ? zh.rate.allOrNone : zh.rate.required;
    if (!notSolved && confirming && scored === 0 && (comment || values.tags.length)) problem = zh.rate.starsForTags;
    setError(problem);
    if (problem) return;
    inFlight.current = true;
    setSubmitting(true);
    const res = notSolved
      ? await reopenTicket(id, { reason: comment ? `${NOT_SOLVED_TAG}：${comment}` : NOT_SOLVED_TAG })
      : confirming
        ? await confirmTicket(id, scored === 3 ? { rating } : {})
        : t?.following
          ? await rateFollowed(id, rating)
          : await rateTicket(id, rating);
    inFlight.current = false;
    setSubmitting(false);
    // 409 on a rating: already rated (another device, or a retry whose first answer was lost): it stands.
    if (!res.ok && !(res.status === 409 && !confirming && !notSolved)) {
      setError(res.message);
      if (res.status === 409) void ticket.reload(true);
      return;
    }
    draft.clear();
    const done = notSolved ? zh.detail.reopened : confirming ? (scored ? zh.rate.confirmedRated : zh.detail.confirmed) : zh.rate.success;
    void Taro.showToast({ title: res.ok ? done : res.message, icon: res.ok && !notSolved ? 'success' : 'none' });
    setTimeout(() => void Taro.navigateBack(), 800);
  };

  return (
    <PageShell loading={ticket.status === 'loading'} error={ticket.error} hasData={t !== null} onRetry={() => void ticket.reload()}>
      <View className="rate">
        {confirming && <View className="rate__intro">{zh.rate.confirmIntro}</View>}
        <View className="card rate__card">
          {!notSolved &&
            DIMENSIONS.map((d) => (
              <StarRating
                key={d}
                label={zh.rate.dimensions[d]}
                value={values[d]}
                words={zh.rate.stars}
                onChange={(n) => update({ [d]: n } as Partial<RateValues>)}
              />
            ))}
          {!notSolved && confirming && <View className="muted rate__optional">{zh.rate.optional}</View>}
          <View className="chips rate__tags" data-testid="rating-tags">
            {tags.map((tag) => (
              <Text
                key={tag}
                className={`chip ${values.tags.includes(tag) ? 'chip--on' : ''} ${tag === NOT_SOLVED_TAG ? 'rate__not-solved' : ''}`}
                onClick={() => toggle(tag)}
              >
                {tag}
              </Text>
            ))}
          </View>
          <View className="rate__comment-label">{notSolved ? zh.rate.notSolvedLabel : zh.rate.comment}</View>
          <Textarea
            className="rate__comment"
            value={values.comment}
            maxlength={300}
            placeholder={notSolved ? zh.detail.reopenPlaceholder : zh.rate.commentPlaceholder}
            onInput={(e) => update({ comment: e.detail.value })}
          />
          {error && (
            <View className="form-error" data-testid="form-error">
              {error}
            </View>
          )}
        </View>
        <View className="section">
          <Button className={`btn ${notSolved ? 'btn--danger' : 'btn--primary'} btn--block`} disabled={submitting} onClick={() => void submit()}>
            {submitting ? zh.common.submitting : notSolved ? zh.rate.submitNotSolved : confirming ? zh.rate.submitConfirm : zh.rate.submit}
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
