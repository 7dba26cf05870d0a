import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import Button from '../Button';
import { type ApiFailure, LOGIN_REQUIRED } from '../../api/result';
import { zh } from '../../i18n/zh';
import { ROUTES } from '../../routes';
import NavBar from '../NavBar';
import PrivacyPopup from '../PrivacyPopup';
import './index.scss';

interface Props {
  /** `loading` with no data shows the spinner; `error` with no data shows the retry. */
  loading: boolean;
  error: ApiFailure | null;
  /** Is there something to show? Then errors of a refresh do not blank the page. */
  hasData: boolean;
  onRetry: () => void;
  children?: ReactNode;
  className?: string;
}

export function goLogin(): void {
  void Taro.navigateTo({ url: ROUTES.login });
}

/**
 * Every page sits in a shell: a spinner while the first load runs, a kind error with
 * a retry button when it fails (never a blank page), "please log in" when there is
 * no session, and the privacy popup WeChat may ask for at any time.
 */
export default function PageShell({ loading, error, hasData, onRetry, children, className }: Props) {
  // Each state has its own key, so the page replaces the spinner instead of React reusing
  // the spinner's elements for the page's first ones: reused, they "moved" from the
  // spinner's place to the page's, and a browser counts that as the page jumping (layout
  // shift, a quarter of Lighthouse's score), though nothing on screen moved.
  let body: ReactNode = children;
  if (error?.code === LOGIN_REQUIRED) {
    body = (
      <View key="shell-login" className="shell-state" data-testid="shell-login">
        <View className="shell-state__icon">站</View>
        <View className="shell-state__title">{zh.shell.needLoginTitle}</View>
        <View className="shell-state__text">{zh.shell.needLoginBody}</View>
        <Button className="btn btn--primary shell-state__button" onClick={goLogin}>
          {zh.shell.goLogin}
        </Button>
      </View>
    );
  } else if (!hasData && error) {
    body = (
      <View key="shell-error" className="shell-state" data-testid="shell-error">
        <View className="shell-state__icon shell-state__icon--error">!</View>
        <View className="shell-state__title">{zh.shell.errorTitle}</View>
        <View className="shell-state__text">{error.message}</View>
        <Button className="btn btn--primary shell-state__button" onClick={onRetry}>
          {zh.common.retry}
        </Button>
      </View>
    );
  } else if (!hasData && loading) {
    body = (
      <View key="shell-loading" className="shell-state" data-testid="shell-loading">
        <View className="spinner" />
        <View className="shell-state__text">{zh.common.loading}</View>
      </View>
    );
  }
  return (
    <View className={`page ${className ?? ''}`}>
      <NavBar />
      {body}
      <PrivacyPopup />
    </View>
  );
}
