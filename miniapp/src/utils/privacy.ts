import Taro from '@tarojs/taro';
import { isWeapp } from '../config';
import { setPrivacyAgreed } from '../api/session';

/**
 * WeChat asks the app to show its privacy agreement when a protected API (photo
 * picker, camera, phone number…) is first used: `onNeedPrivacyAuthorization` hands us
 * a `resolve` that must be called with the resident's answer, from the tap of a
 * `<Button openType="agreePrivacyAuthorization">`. The popup lives in every page
 * shell; this module connects the one global handler to whichever shell is showing.
 */
type Resolve = (res: { event: 'agree' | 'disagree'; buttonId?: string }) => void;

export const PRIVACY_AGREE_BUTTON_ID = 'yz-privacy-agree';

let pending: Resolve | null = null;
const listeners = new Set<(open: boolean) => void>();

export function installPrivacyHandler(): void {
  if (!isWeapp() || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve as Resolve;
    listeners.forEach((l) => l(true));
  });
}

export function answerPrivacy(agree: boolean): void {
  if (agree) setPrivacyAgreed();
  pending?.(agree ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
  pending = null;
  listeners.forEach((l) => l(false));
}

export function onPrivacyRequest(listener: (open: boolean) => void): () => void {
  listeners.add(listener);
  if (pending) listener(true);
  return () => listeners.delete(listener);
}

export function openPrivacyContract(fallback: () => void): void {
  if (isWeapp() && typeof Taro.openPrivacyContract === 'function') {
    Taro.openPrivacyContract({ fail: fallback });
  } else {
    fallback();
  }
}
