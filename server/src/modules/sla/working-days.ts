import { isWorkday } from 'chinese-days';
import { addWorkingDays } from '@yizhan/shared';

/** China's official calendar: public holidays off, make-up working days (调休) on. */
export const chinaWorkingDay = (isoDate: string): boolean => isWorkday(isoDate);

export interface ResolvePolicy {
  resolveWithinSec: number;
  /** When set, the resolve limit is this many working days (the seeds' "7 个工作日内反馈结果"). */
  resolveWorkingDays: number | null;
}

/** When a resolution started at `from` is due under the policy, in Asia/Shanghai working days or in seconds. */
export function resolveDeadline(policy: ResolvePolicy, from: Date): Date {
  return policy.resolveWorkingDays
    ? addWorkingDays(from, policy.resolveWorkingDays, chinaWorkingDay)
    : new Date(from.getTime() + policy.resolveWithinSec * 1000);
}
