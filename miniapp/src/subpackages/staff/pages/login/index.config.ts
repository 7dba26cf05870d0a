export default definePageConfig({
  navigationBarTitleText: '物业员工登录',
});
