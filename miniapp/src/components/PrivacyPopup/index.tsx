import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import Button from '../Button';
import { zh } from '../../i18n/zh';
import { ROUTES } from '../../routes';
import { answerPrivacy, onPrivacyRequest, openPrivacyContract, PRIVACY_AGREE_BUTTON_ID } from '../../utils/privacy';
import './index.scss';

/** The guide as readable sections (a page), where WeChat's own contract page is not available. */
export function showPrivacyGuide(): void {
  void Taro.navigateTo({ url: ROUTES.privacy });
}

export function showPrivacyText(): void {
  void Taro.showModal({ title: zh.privacy.title, content: zh.privacy.fullText, showCancel: false, confirmText: zh.common.confirm });
}

/** Shown when WeChat needs the resident's consent before a protected API (see utils/privacy). */
export default function PrivacyPopup() {
  const [open, setOpen] = useState(false);
  useEffect(() => onPrivacyRequest(setOpen), []);
  if (!open) return null;
  return (
    <View className="privacy-mask">
      <View className="privacy-sheet">
        <View className="privacy-sheet__title">{zh.privacy.title}</View>
        <View className="privacy-sheet__body">
          <Text>{zh.privacy.body}</Text>
          <Text className="link" onClick={() => openPrivacyContract(showPrivacyGuide)}>
            {zh.privacy.link}
          </Text>
        </View>
        <View className="privacy-sheet__actions">
          <Button className="btn btn--ghost" onClick={() => answerPrivacy(false)}>
            {zh.privacy.disagree}
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="btn btn--primary"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answerPrivacy(true)}
          >
            {zh.privacy.agree}
          </Button>
        </View>
      </View>
    </View>
  );
}
