import { View } from '@tarojs/components'
import type { ApiFailure } from '../../api/result'
import { zh } from '../../i18n/zh'
import './index.scss'

interface Props {
  loadingMore: boolean
  hasMore: boolean
  error: ApiFailure | null
  empty: boolean
  emptyText: string
  onRetry: () => void
}

export default function ListFooter({ loadingMore, hasMore, error, empty, emptyText, onRetry }: Props) {
  if (error) {
    return (
      <View className='list-footer list-footer--error' onClick={onRetry}>
        {error.message}，{zh.common.loadMoreFailed}
      </View>
    )
  }
  if (loadingMore) return <View className='list-footer'>{zh.common.loading}</View>
  if (empty) return <View className='list-footer list-footer--empty'>{emptyText}</View>
  if (!hasMore) return <View className='list-footer'>{zh.common.noMore}</View>
  return <View className='list-footer' />
}
