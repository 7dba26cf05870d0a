import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import Button from '../../../../components/Button';
import { Field } from '../../../../components/Field';
import { bindAndSignIn } from '../../../../api/staff-session';
import { isH5 } from '../../../../config';
import { ROUTES } from '../../../../routes';
import { readStorage } from '../../../../utils/storage';
import { STAFF_KEYS } from '../../../../api/staff-session';
import { sz } from '../../staff';
import '../../staff.scss';

/**
 * The staff side's sign-in: the work account's username and password, once. The
 * server binds the account to this WeChat user; later visits sign in with wx.login alone.
 * In the browser build a demo name stands for the WeChat user (as the resident's 演示登录).
 */
export default function StaffLoginPage() {
  const h5 = isH5();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [demoName, setDemoName] = useState(() => readStorage<string>(STAFF_KEYS.demoName) ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (busy) return;
    if (!username.trim() || !password) return setError(sz.login.required);
    setError(null);
    setBusy(true);
    const res = await bindAndSignIn(username, password, h5 ? demoName.trim() || `wx-${username.trim()}` : undefined);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    void Taro.redirectTo({ url: ROUTES.staffHome });
  };

  return (
    <View className="page staff-login">
      <View className="staff-login__brand">
        <View className="staff-login__logo">站</View>
        <View className="staff-login__title">{sz.login.title}</View>
        <View className="muted staff-login__intro">{sz.login.intro}</View>
      </View>
      <View className="form card">
        <Field label={sz.login.username} required>
          <Input
            className="field__input"
            data-testid="staff-username"
            value={username}
            maxlength={64}
            placeholder={sz.login.username}
            onInput={(e) => setUsername(e.detail.value)}
          />
        </Field>
        <Field label={sz.login.password} required>
          <Input
            className="field__input"
            data-testid="staff-password"
            password
            value={password}
            maxlength={128}
            placeholder={sz.login.password}
            onInput={(e) => setPassword(e.detail.value)}
          />
        </Field>
        {h5 && (
          <Field label={sz.login.demoName}>
            <Input
              className="field__input"
              data-testid="staff-demo-name"
              value={demoName}
              maxlength={30}
              placeholder={sz.login.demoHint}
              onInput={(e) => setDemoName(e.detail.value)}
            />
          </Field>
        )}
        {error && (
          <View className="form-error" data-testid="staff-login-error">
            {error}
          </View>
        )}
        <Button className="btn btn--primary btn--block" data-testid="staff-login-submit" disabled={busy} onClick={() => void submit()}>
          {busy ? sz.login.signingIn : sz.login.submit}
        </Button>
      </View>
      <View className="staff-login__foot">
        <Text className="link" onClick={() => void Taro.switchTab({ url: ROUTES.me })}>
          {sz.login.residentLink}
        </Text>
      </View>
    </View>
  );
}
