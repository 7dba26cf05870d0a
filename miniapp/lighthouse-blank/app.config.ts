// The blank Taro h5 page the bench measures beside the resident h5 (scripts/bench/lighthouse.js):
// the same Taro, React and build settings, one empty page.
export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: '一站' },
});
