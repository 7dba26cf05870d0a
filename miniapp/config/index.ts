import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type { IH5Config } from '@tarojs/taro/types/compile';
import devConfig from './dev';
import { PreloadFirstPage } from './preload-first-page';
import prodConfig from './prod';

/**
 * Build-time settings come from the environment so one source tree serves every
 * deployment:
 * - API_BASE: where the API lives. The h5 build is served by the NestJS server at
 *   /h5/, so '/api/v1' (same origin) is right there; the weapp build needs the https
 *   domain registered in the WeChat console.
 * - WECHAT_SUBSCRIBE_TEMPLATES: up to 3 subscribe-message template ids, comma separated,
 *   as chosen for this mini-program in the WeChat console.
 * - TARO_APP_ID: the mini-program appid written to dist/weapp/project.config.json.
 */
const platform = process.env.TARO_ENV ?? 'weapp';
/** TARO_BLANK=1: the blank page the bench measures as Lighthouse's baseline (lighthouse-blank/). */
const blank = process.env.TARO_BLANK === '1';
const apiBase = process.env.API_BASE ?? (platform === 'h5' ? '/api/v1' : 'https://yizhan.example.com/api/v1');
/** @yizhan/shared is compiled from source; Taro only compiles src/ unless told. */
const sharedSrc = path.resolve(__dirname, '../../shared/src');
const subscribeTemplates = (process.env.WECHAT_SUBSCRIBE_TEMPLATES ?? '')
  .split(',')
  .map((id) => id.trim())
  .filter(Boolean)
  .slice(0, 3);

/**
 * The h5's chunks, for a phone's first visit and every visit after. Taro's own split
 * (`chunks: 'initial'`) leaves the pages' lazy chunks alone, so each page chunk carried
 * its own copy of everything it shared with the others — the Taro components and their
 * Stencil runtime, the request wrapper, the strings — and a phone parsed them again on
 * every page. Here:
 * - `framework`: the packages the app starts with (React, Taro's runtime and router) and
 *   those two or more pages share (the Taro components they use), in one chunk loaded
 *   with the app, content-hashed (cached for a year) and unchanged by a deploy that only
 *   touches our code;
 * - `common`: our own modules that two or more chunks share, in one chunk;
 * - a page's chunk keeps only what that page alone uses, and a lazy chunk used by one
 *   place stays lazy (the photo viewer, utils/previewImage.ts).
 */
type Chain = Parameters<NonNullable<IH5Config['webpackChain']>>[0];
function splitH5Chunks(chain: Chain) {
  const nodeModules = /[\\/]node_modules[\\/]/;
  chain.optimization.splitChunks({
    chunks: 'all',
    minSize: 0,
    cacheGroups: {
      default: false,
      defaultVendors: false,
      framework: { name: 'framework', test: nodeModules, chunks: 'initial', priority: 30, enforce: true },
      sharedPackages: { name: 'framework', test: nodeModules, minChunks: 2, priority: 20, enforce: true },
      common: { name: 'common', minChunks: 2, priority: 10, enforce: true, reuseExistingChunk: true },
    },
  });
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'yizhan-miniapp',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: blank ? 'lighthouse-blank' : 'src',
    outputRoot: blank ? 'dist/lighthouse-blank' : `dist/${platform}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
      SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(subscribeTemplates),
    },
    alias: {
      // Source, not dist: the package's dist is CommonJS and webpack should tree-shake the ESM source.
      '@yizhan/shared': path.join(sharedSrc, 'index.ts'),
      '@': path.resolve(__dirname, '../src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSrc] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      compile: { include: [sharedSrc] },
      publicPath: '/h5/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      webpackChain(chain) {
        splitH5Chunks(chain);
        // The blank baseline page stays as Taro makes it.
        if (!blank)
          chain
            .plugin('preload-first-page')
            .use(PreloadFirstPage, [{ publicPath: '/h5/', sourceRoot: path.resolve(__dirname, '../src'), firstPage: 'pages/home/index' }]);
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        // The root font size follows the screen's short side, up to this: on a desktop
        // browser the h5 reads at a phone's size instead of twice that.
        pxtransform: { enable: true, config: { maxRootSize: 24 } },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
