export default definePageConfig({
  navigationBarTitleText: '工单处理',
  enablePullDownRefresh: true,
});
