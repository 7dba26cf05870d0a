import Taro from '@tarojs/taro';
import { SUBSCRIBE_RESULTS, type SubscribeResult } from '@yizhan/shared';
import { isWeapp, subscribeTemplateIds } from '../config';
import { postSubscriptions } from './notices';

/**
 * Ask for one-time subscribe-message grants and tell the server what the resident
 * chose (each accept is one send credit, WECHAT.md). WeChat only shows the dialog when
 * called from a tap, so call this first thing in the tap handler. Never fails the
 * caller: a refused or broken subscription must not stop a repair request.
 */
export async function askForSubscriptions(): Promise<void> {
  if (!isWeapp() || subscribeTemplateIds.length === 0) return;
  let answer: Record<string, unknown>;
  try {
    answer = (await Taro.requestSubscribeMessage({
      tmplIds: subscribeTemplateIds,
    } as Parameters<typeof Taro.requestSubscribeMessage>[0])) as unknown as Record<string, unknown>;
  } catch {
    return;
  }
  const results: Record<string, SubscribeResult> = {};
  for (const id of subscribeTemplateIds) {
    const value = answer[id];
    if (typeof value === 'string' && (SUBSCRIBE_RESULTS as readonly string[]).includes(value)) {
      results[id] = value as SubscribeResult;
    }
  }
  if (Object.keys(results).length > 0) await postSubscriptions(results);
}
