import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { installPrivacyHandler } from './utils/privacy';
import './app.scss';

// The browser build: the first page's data is asked for now, while its chunk downloads.
// Required inside a compile-time branch, so the mini-program's build has none of it.
if (process.env.TARO_ENV === 'h5') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./api/first-page') as typeof import('./api/first-page')).startFirstPageRequests(window.location.hash);
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler();
  });
  return children;
}

export default App;
