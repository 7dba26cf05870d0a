import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { startFirstPageRequests } from './api/first-page';
import { installPrivacyHandler } from './utils/privacy';
import './app.scss';

// The browser build: the first page's data is asked for now, while its chunk downloads.
// (A compile-time constant, so the mini-program's build leaves this out.)
if (process.env.TARO_ENV === 'h5') startFirstPageRequests(window.location.hash);

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler();
  });
  return children;
}

export default App;
