import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { installPrivacyHandler } from './utils/privacy';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler();
  });
  return children;
}

export default App;
