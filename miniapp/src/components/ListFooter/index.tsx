import { View } from '@tarojs/components';
import Button from '../Button';
import type { ApiFailure } from '../../api/result';
import { zh } from '../../i18n/zh';
import './index.scss';

interface Props {
  loadingMore: boolean;
  hasMore: boolean;
  error: ApiFailure | null;
  empty: boolean;
  emptyText: string;
  /** The next step offered on an empty list ("去报修"). */
  emptyAction?: { label: string; onClick: () => void };
  onRetry: () => void;
}

export default function ListFooter({ loadingMore, hasMore, error, empty, emptyText, emptyAction, onRetry }: Props) {
  if (error) {
    return (
      <View className="list-footer list-footer--error" onClick={onRetry}>
        {error.message}，{zh.common.loadMoreFailed}
      </View>
    );
  }
  if (loadingMore) return <View className="list-footer">{zh.common.loading}</View>;
  if (empty) {
    return (
      <View className="list-footer list-footer--empty" data-testid="list-empty">
        <View>{emptyText}</View>
        {emptyAction && (
          <Button className="btn btn--primary btn--small list-footer__action" onClick={emptyAction.onClick}>
            {emptyAction.label}
          </Button>
        )}
      </View>
    );
  }
  if (!hasMore) return <View className="list-footer">{zh.common.noMore}</View>;
  return <View className="list-footer" />;
}
