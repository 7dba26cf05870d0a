import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      port: 10086,
      // The API is the NestJS server; proxy it so the h5 dev build talks same-origin.
      proxy: {
        '/api': { target: process.env.DEV_API_TARGET ?? 'http://localhost:3000', changeOrigin: true },
      },
    },
  },
} satisfies UserConfigExport<'webpack5'>;
