import { STORAGE_KEYS } from '../src/utils/storage';
import { taroTest } from './stubs/taro';

/** A resident who agreed to the privacy guideline before: the app may log in silently. */
export function returningResident(): void {
  taroTest.storage.set(STORAGE_KEYS.privacyAgreed, true);
}

export const ME = {
  id: 'r1',
  phoneMasked: '138****8000',
  rooms: [{ roomId: 'room-1', communityId: 'c1', label: 'A1区 3栋 2单元 1201', status: 'approved' as const }],
};
