import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Textarea, View } from '@tarojs/components'
import Button from '../../../../components/Button'
import type { RatingRequest } from '@yizhan/shared'
import { rateTicket } from '../../../../api/tickets'
import PageShell from '../../../../components/PageShell'
import StarRating from '../../../../components/StarRating'
import { useDraft } from '../../../../hooks/useDraft'
import { zh } from '../../../../i18n/zh'
import './index.scss'

type Scores = Pick<RatingRequest, 'attitude' | 'timeliness' | 'quality'>
const DIMENSIONS: (keyof Scores)[] = ['attitude', 'timeliness', 'quality']

export default function RatePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const draft = useDraft(`rate-${id}`, { attitude: 0, timeliness: 0, quality: 0, comment: '' })
  const { values, update } = draft
  const [error, setError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const inFlight = useRef(false)

  const submit = async () => {
    if (inFlight.current) return
    if (DIMENSIONS.some((d) => values[d] < 1)) {
      setError(zh.rate.required)
      return
    }
    inFlight.current = true
    setSubmitting(true)
    setError(null)
    const comment = values.comment.trim()
    const res = await rateTicket(id, {
      attitude: values.attitude,
      timeliness: values.timeliness,
      quality: values.quality,
      ...(comment ? { comment } : {}),
    })
    inFlight.current = false
    setSubmitting(false)
    // 409: already rated (another device, or a retry whose first answer was lost): the rating stands.
    if (!res.ok && res.status !== 409) {
      setError(res.message)
      return
    }
    draft.clear()
    void Taro.showToast({ title: res.ok ? zh.rate.success : res.message, icon: res.ok ? 'success' : 'none' })
    setTimeout(() => void Taro.navigateBack(), 800)
  }

  return (
    <PageShell loading={false} error={null} hasData onRetry={() => undefined}>
      <View className='rate'>
        <View className='card rate__card'>
          {DIMENSIONS.map((d) => (
            <StarRating
              key={d}
              label={zh.rate.dimensions[d]}
              value={values[d]}
              words={zh.rate.stars}
              onChange={(n) => update({ [d]: n } as Partial<typeof values>)}
            />
          ))}
          <View className='rate__comment-label'>{zh.rate.comment}</View>
          <Textarea
            className='rate__comment'
            value={values.comment}
            maxlength={300}
            placeholder={zh.rate.commentPlaceholder}
            onInput={(e) => update({ comment: e.detail.value })}
          />
          {error && <View className='form-error'>{error}</View>}
        </View>
        <View className='section'>
          <Button className='btn btn--primary btn--block' disabled={submitting} onClick={() => void submit()}>
            {zh.rate.submit}
          </Button>
        </View>
      </View>
    </PageShell>
  )
}
