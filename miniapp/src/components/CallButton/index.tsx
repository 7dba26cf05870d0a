import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { zh } from '../../i18n/zh';
import './index.scss';

export interface Callable {
  phone: string;
  label: string;
}

/** A number the resident can call with one tap (the property's hotline, the technician on a visit day). */
export default function CallButton({ callable, testId }: { callable: Callable; testId: string }) {
  const call = () => {
    // In the browser build Taro opens tel:, which the phone's dialer picks up.
    void Taro.makePhoneCall({ phoneNumber: callable.phone }).catch(() => undefined);
  };
  return (
    <View className="call" data-testid={testId} onClick={call} aria-label={`${zh.call.action} ${callable.label} ${callable.phone}`}>
      <View className="call__text">
        <Text className="call__label">{callable.label}</Text>
        <Text className="call__phone">{callable.phone}</Text>
      </View>
      <Text className="call__action">{zh.call.action}</Text>
    </View>
  );
}
