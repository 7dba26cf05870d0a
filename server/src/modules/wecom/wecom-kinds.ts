import { fromLocalDateTime, localDateTime } from '@yizhan/shared';

/** Kinds that always go, through quiet hours, and cannot be turned off. */
export const URGENT_WECOM_KINDS: readonly string[] = ['urgent', 'sla_overdue', 'escalated'];

/** What each staff notice kind is called on the 通知设置 screen (every kind the product writes). */
export const WECOM_KIND_LABELS: Record<string, string> = {
  routed: '新工单分派给我',
  pooled: '工单池有新工单待认领',
  urgent: '紧急工单',
  dispatched: '派工给我',
  urged: '业主催单',
  transferred: '工单转交给我',
  flagged: '内容待人工复核',
  reopened: '业主反馈问题未解决',
  rated_low: '业主差评（任一项 ≤ 2 分）',
  resolved: '师傅已处理完成，待我跟进',
  investigation: '投诉调查任务交给我',
  investigated: '投诉调查结果已反馈',
  sla_warning: '时限即将到期',
  sla_overdue: '工单已超时',
  escalated: '超时升级',
};

/** Minutes after Asia/Shanghai midnight. */
export function localMinutes(at: Date): number {
  const l = localDateTime(at);
  return l.hour * 60 + l.minute;
}

/**
 * When the quiet hours [start, end) that hold `at` end, or null when `at` is outside
 * them (or there are none). start > end spans midnight (22:00–07:00).
 */
export function quietUntil(at: Date, start: number | null, end: number | null): Date | null {
  if (start === null || end === null || start === end) return null;
  const m = localMinutes(at);
  const inside = start < end ? m >= start && m < end : m >= start || m < end;
  if (!inside) return null;
  // The end falls today (local) when we are before it, else tomorrow.
  const day = m < end ? at : new Date(at.getTime() + 86400_000);
  const l = localDateTime(day);
  return fromLocalDateTime({ year: l.year, month: l.month, day: l.day, hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
}

export const hhmm = (minutes: number | null): string | null =>
  minutes === null ? null : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function parseHhmm(value: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** What a final WeCom error means for the person who reads it on the staff page, and what to do. */
const REASONS: Record<number, string> = {
  81013: '该成员不在应用的可见范围内，或已离开企业：请在企业微信管理后台把他加入应用的可见范围，或更正账号',
  82001: '企业微信中找不到该成员：请核对账号（userid）',
  40003: '企业微信账号（userid）无效：请核对账号',
  40031: '企业微信账号（userid）无效：请核对账号',
  60111: '企业微信通讯录中没有这个账号：请核对账号',
  60020: '服务器的 IP 不在应用的“企业可信IP”中：请管理员在企业微信管理后台添加',
  48002: '应用没有发送消息的权限：请在企业微信管理后台检查应用设置',
  60011: '应用没有该成员的权限：请在企业微信管理后台检查应用的可见范围',
  40056: '应用的 AgentId 配置有误：请检查 WECOM_AGENT_ID',
};

/** The Chinese explanation of a recorded failure ("… errcode 81013: …"), or null. */
export function wecomFailureReason(lastError: string | null): string | null {
  if (!lastError) return null;
  const code = /errcode (-?\d+)/.exec(lastError)?.[1];
  if (code && REASONS[Number(code)]) return `${REASONS[Number(code)]}（${code}）`;
  return lastError.startsWith('多次重试失败') ? '企业微信长时间无法送达，已放弃这些消息' : '企业微信拒绝了这条消息';
}
