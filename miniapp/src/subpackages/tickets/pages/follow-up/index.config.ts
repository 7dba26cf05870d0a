export default definePageConfig({
  navigationBarTitleText: '补充说明',
});
