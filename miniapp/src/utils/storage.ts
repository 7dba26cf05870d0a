import Taro from '@tarojs/taro';

/**
 * Everything the app keeps on the device, by key. Tokens and ids live here (the
 * "cache"); screen state lives in the pages.
 */
export const STORAGE_KEYS = {
  session: 'yz.session',
  demoName: 'yz.demoName',
  loggedOut: 'yz.loggedOut',
  privacyAgreed: 'yz.privacyAgreed',
  currentRoom: 'yz.currentRoom',
  draft: (name: string) => `yz.draft.${name}`,
} as const;

export function readStorage<T>(key: string): T | null {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined | null;
    return value === '' || value === undefined || value === null ? null : value;
  } catch {
    return null;
  }
}

export function writeStorage(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Storage full or unavailable: the app still works, it just forgets on restart.
  }
}

export function removeStorage(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Nothing to do: a key that cannot be removed is as good as gone for us.
  }
}
