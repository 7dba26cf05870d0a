export default definePageConfig({
  navigationBarTitleText: '一站',
  enablePullDownRefresh: true,
});
