import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/**
 * Run when the page comes back into view (back from a detail page, tab switch), but
 * not on the first show: the first load is already running then.
 */
export function useOnReturn(fn: () => void): void {
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    fn();
  });
}
