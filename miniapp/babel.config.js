// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
const h5 = process.env.TARO_ENV === 'h5';

/**
 * The h5 is compiled for the browsers that can run it, with no polyfills. Taro's h5
 * components are Web Components (custom elements v1, shadow DOM, not polyfilled), so the
 * package.json browserslist (Android 4.1, iOS 8: the mini-program template's) names
 * browsers that cannot show these pages at all. Compiled for it, Babel rewrote our code
 * and Taro's (the h5 compiles Taro's packages too) to ES5 and swapped Promise, URL,
 * Symbol and array methods for core-js copies (`useBuiltIns: 'usage'` is pure imports
 * under babel-preset-taro): some 300 KB of script a phone downloaded and ran for
 * nothing, and the blank Taro page carries it too. These floors are the oldest browsers
 * with every built-in our code calls (Object.fromEntries: Chrome 73, Safari 12.1;
 * flatMap) — far below the WeChat browsers (XWeb on Android, WKWebView on iOS) residents
 * open the h5 in. Top-level `targets` is what Babel's plugins read; the preset's goes to
 * preset-env. The mini-program keeps its own settings.
 */
const H5_TARGETS = { chrome: '73', safari: '12.1', ios: '12.2', edge: '79', firefox: '67' };

module.exports = {
  ...(h5 ? { targets: H5_TARGETS } : {}),
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        useBuiltIns: false,
        ...(h5 ? { targets: H5_TARGETS } : {}),
      },
    ],
  ],
};
