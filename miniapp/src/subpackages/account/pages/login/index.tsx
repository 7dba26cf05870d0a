import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import Button from '../../../../components/Button';
import NavBar from '../../../../components/NavBar';
import { demoName, logInByTap, privacyAgreed } from '../../../../api/session';
import { showPrivacyGuide } from '../../../../components/PrivacyPopup';
import { isH5 } from '../../../../config';
import { zh } from '../../../../i18n/zh';
import { ROUTES } from '../../../../routes';
import { openPrivacyContract } from '../../../../utils/privacy';
import './index.scss';

function leave() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: ROUTES.home });
}

export default function LoginPage() {
  const h5 = isH5();
  const [name, setName] = useState(() => demoName() ?? '');
  const [agreed, setAgreed] = useState(() => privacyAgreed());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const logIn = async () => {
    if (busy) return;
    if (h5 && !name.trim()) return setError(zh.login.demoNameRequired);
    if (h5 && !agreed) return setError(zh.login.mustAgree);
    setError(null);
    setBusy(true);
    const res = await logInByTap(h5 ? name : undefined);
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      return;
    }
    void Taro.showToast({ title: zh.login.success, icon: 'success' });
    setTimeout(leave, 600);
  };

  return (
    <View className="page login">
      <NavBar />
      <View className="login__brand">
        <View className="login__logo">一站</View>
        <View className="login__title">{zh.login.title}</View>
        <View className="login__subtitle">{zh.login.subtitle}</View>
      </View>

      <View className="login__privacy card">
        <Text>{zh.privacy.body}</Text>
        <Text className="link" onClick={() => openPrivacyContract(showPrivacyGuide)}>
          {zh.privacy.link}
        </Text>
      </View>

      {h5 ? (
        <View className="login__demo card">
          <View className="login__demo-title">{zh.login.demoTitle}</View>
          <View className="muted login__demo-hint">{zh.login.demoHint}</View>
          <Input
            className="login__input"
            value={name}
            maxlength={20}
            placeholder={zh.login.demoNamePlaceholder}
            onInput={(e) => setName(e.detail.value)}
            onConfirm={() => void logIn()}
          />
          <View className="login__agree" data-testid="agree" onClick={() => setAgreed(!agreed)}>
            <Text className={`login__check ${agreed ? 'login__check--on' : ''}`}>{agreed ? '✓' : ''}</Text>
            <Text>
              {zh.login.agreeLabel}
              {zh.privacy.link}
            </Text>
          </View>
          <Button className="btn btn--primary btn--block" disabled={busy} onClick={() => void logIn()}>
            {zh.login.demoButton}
          </Button>
        </View>
      ) : (
        <View className="section">
          <Button className="btn btn--primary btn--block" openType="agreePrivacyAuthorization" disabled={busy} onClick={() => void logIn()}>
            {zh.login.wechatButton}
          </Button>
          <View className="muted login__note">
            {zh.login.agreeLabel}
            {zh.privacy.link}
          </View>
        </View>
      )}
      {error && <View className="form-error login__error">{error}</View>}
      <View className="login__staff">
        <Text className="link" data-testid="staff-entry" onClick={() => void Taro.navigateTo({ url: ROUTES.staffHome })}>
          {zh.me.staffEntry} ›
        </Text>
      </View>
    </View>
  );
}
