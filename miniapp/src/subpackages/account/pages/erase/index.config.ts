export default definePageConfig({
  navigationBarTitleText: '删除我的数据',
});
