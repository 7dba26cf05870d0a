export default defineAppConfig({
  // Tab pages only: everything else lives in subpackages to keep the main package small.
  pages: ['pages/home/index', 'pages/tickets/index', 'pages/notices/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'subpackages/tickets',
      // pages/detail/index is the `page` of subscribe messages: do not move it.
      pages: ['pages/detail/index', 'pages/create/index', 'pages/rate/index', 'pages/follow-up/index', 'pages/receipt/index'],
    },
    { root: 'subpackages/services', pages: ['pages/catalogue/index', 'pages/book/index'] },
    { root: 'subpackages/account', pages: ['pages/login/index', 'pages/bind-room/index', 'pages/privacy/index', 'pages/erase/index'] },
    // The staff side (员工端); pages/ticket/index is the link of WeCom staff messages: do not move it.
    { root: 'subpackages/staff', pages: ['pages/login/index', 'pages/home/index', 'pages/ticket/index'] },
  ],
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['subpackages/tickets'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '一站',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#1a7f64',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab-home.png', selectedIconPath: 'assets/tab-home-on.png' },
      { pagePath: 'pages/tickets/index', text: '我的工单', iconPath: 'assets/tab-tickets.png', selectedIconPath: 'assets/tab-tickets-on.png' },
      { pagePath: 'pages/notices/index', text: '消息', iconPath: 'assets/tab-notices.png', selectedIconPath: 'assets/tab-notices-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab-me.png', selectedIconPath: 'assets/tab-me-on.png' },
    ],
  },
  // Photo picking and the phone button need the privacy guideline (WECHAT.md).
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
