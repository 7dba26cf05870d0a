import { cleanup } from '@testing-library/react';
import { api } from './fake-api';
import { taroTest } from './stubs/taro';

// Build-time constants that config/index.ts defines for real builds.
(globalThis as Record<string, unknown>).SUBSCRIBE_TEMPLATE_IDS = ['tmpl-progress', 'tmpl-done'];

beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  api.reset();
  taroTest.reset();
});

afterEach(() => {
  cleanup();
});
