import type { StaffRole, TicketSummary } from '@yizhan/shared';
import { LABELS, localDateTime } from '@yizhan/shared';

/**
 * The staff side's words and orderings, kept in its subpackage so the residents' main
 * package does not carry them. Domain labels come from LABELS (@yizhan/shared), as on the
 * admin pages.
 */
export const sz = {
  title: '员工工作台',
  login: {
    title: '物业员工登录',
    intro: '首次使用请输入工作账号和密码，登录后本微信即与账号绑定，之后打开即可直接进入。',
    username: '工作账号',
    password: '密码',
    demoName: '演示微信身份',
    demoHint: '浏览器演示版：填一个名字代表您的微信（同名即同一微信）',
    submit: '登录并绑定微信',
    required: '请填写账号和密码',
    signingIn: '登录中…',
    residentLink: '我是业主，返回业主端',
  },
  home: {
    greeting: (name: string) => `${name}，您好`,
    signOut: '退出',
    signOutConfirm: '退出后再次进入需输入密码。确定退出吗？',
    tabs: { visits: '今日上门', others: '其他工单', pool: '待领取', mine: '我的工单', escalated: '已超时', atRisk: '即将超时' },
    todayEmpty: '今天没有预约上门的工单',
    othersEmpty: '没有其他待办工单',
    poolEmpty: '工单池是空的，暂无待领取工单',
    mineEmpty: '您名下没有待处理的工单',
    escalatedEmpty: '没有超时工单',
    atRiskEmpty: '没有即将超时的工单',
    claim: '领取',
    claimed: '已领取，您是首接人',
    noRole: '您的账号没有可在小程序处理的角色',
  },
  queue: {
    waiting: (n: number) => `${n} 项操作等待网络，恢复后自动发送`,
    sendNow: '立即重试',
    refused: (no: string, message: string) => `${no} 的操作未能完成：${message}`,
    dismiss: '知道了',
    saved: '已保存，联网后自动发送',
  },
  ticket: {
    address: '地址',
    phone: '业主电话',
    call: '拨打',
    noPhone: '未留电话',
    appointment: '预约上门',
    noAppointment: '未约定',
    reschedule: '改约',
    newTime: '新的上门时间',
    reason: '原因（业主会收到通知）',
    reasonRequired: '请填写原因',
    timeRequired: '请选择日期和时间',
    deadline: '时限',
    description: '问题描述',
    owner: '首接人',
    assignee: '处理人',
    photos: '业主照片',
    timeline: '处理记录',
    start: '到场签到',
    beforePhotos: '维修前照片',
    beforePhotoNote: '维修前照片',
    sendBefore: '维修前照片',
    resolve: '办结',
    resolveNote: '处理结果',
    afterPhotos: '维修后照片',
    fee: '收费（元，可不填）',
    feeInvalid: '请填写正确的金额',
    resolveNoteRequired: '请填写处理结果',
    accept: '受理',
    dispatch: '派工',
    technician: '选择技师',
    technicianRequired: '请选择技师',
    load: (n: number) => `在办 ${n} 单`,
    noSkills: '未登记技能',
    visitTime: '上门时间（可不填）',
    dispatchNote: '派工说明（可不填）',
    hold: '挂起',
    resume: '恢复计时',
    holdReason: '挂起原因',
    resumeReason: '恢复说明',
    reply: '回复业主',
    replyPlaceholder: '业主会在工单进度中看到这条回复',
    replyRequired: '请填写回复内容',
    transfer: '转交',
    transferTo: '转交给',
    transferReason: '转交原因（仅员工可见）',
    done: (what: string) => `${what}：已完成`,
    confirm: '提交',
    cancel: '取消',
    overdue: '已超时',
    onHold: '已挂起',
    urgent: '紧急',
  },
  /** Timeline lines, in staff words (the resident's app says them its own way). */
  events: {
    created: '提交工单',
    routed: '分配首接人',
    pooled: '进入待领取池',
    claimed: '领取工单',
    accepted: '受理',
    dispatched: '派工 / 约定上门',
    started: '到场签到',
    held: '挂起',
    resumed: '恢复计时',
    resolved: '办结',
    confirmed: '业主确认完成',
    auto_confirmed: '超时自动确认',
    verified: '首接人核实完成',
    reopened: '重新处理',
    revisited: '回访',
    cancelled: '取消',
    transferred: '转交',
    commented: '留言',
    rated: '业主评价',
    urged: '业主催单',
    overdue: '超时',
    escalated: '已上报',
    flagged: '内容待复核',
  } as Record<string, string>,
} as const;

export const roleLabel = (roles: StaffRole[]) => roles.map((r) => LABELS.role[r]).join(' · ');

/** The deadline that matters next for an open request, with its clock's name. */
export function nextDeadline(t: Pick<TicketSummary, 'status' | 'deadlines'>): { label: string; at: string } | null {
  const { respondBy, onsiteBy, resolveBy } = t.deadlines;
  const pick = (clock: 'respond' | 'onsite' | 'resolve', at: string | null) => (at ? { label: LABELS.clock[clock], at } : null);
  switch (t.status) {
    case 'submitted':
      return pick('respond', respondBy) ?? pick('resolve', resolveBy);
    case 'accepted':
    case 'dispatched':
      return pick('onsite', onsiteBy) ?? pick('resolve', resolveBy);
    case 'in_progress':
      return pick('resolve', resolveBy);
    default:
      return null;
  }
}

/** The deadline being raced: the server's running clock (`clock`), else the status's own. */
const dueMs = (t: TicketSummary) => {
  if (t.clock) return Date.parse(t.clock.dueAt);
  const d = nextDeadline(t);
  return d ? Date.parse(d.at) : Number.POSITIVE_INFINITY;
};
const breached = (t: TicketSummary) => t.clock?.state === 'breached' || t.overdue.length > 0;
/** Most pressing first: breached, then by time left on the running clock (urgent is marked, not sorted). */
const pressingFirst = (a: TicketSummary, b: TicketSummary) => Number(breached(b)) - Number(breached(a)) || dueMs(a) - dueMs(b);
const urgentFirst = (a: TicketSummary, b: TicketSummary) => (a.priority === b.priority ? 0 : a.priority === 'urgent' ? -1 : 1);

const shanghaiDay = (at: number) => {
  const p = localDateTime(new Date(at));
  return `${p.year}-${p.month}-${p.day}`;
};

/**
 * The technician's day: today's visits (appointment on today's Shanghai date, urgent
 * first, then by appointment time) and the rest, most pressing first (breached, then by
 * time left on the running clock).
 */
export function technicianDay(items: TicketSummary[], now = Date.now()): { today: TicketSummary[]; others: TicketSummary[] } {
  const today = shanghaiDay(now);
  const isToday = (t: TicketSummary) => t.appointmentAt !== null && shanghaiDay(Date.parse(t.appointmentAt)) === today;
  return {
    today: items.filter(isToday).sort((a, b) => urgentFirst(a, b) || Date.parse(a.appointmentAt!) - Date.parse(b.appointmentAt!)),
    others: items.filter((t) => !isToday(t)).sort(pressingFirst),
  };
}

/** An agent's requests, most pressing first: breached, then by how little time is left. */
export function byUrgencyAndTimeLeft(items: TicketSummary[]): TicketSummary[] {
  return [...items].sort(pressingFirst);
}

/** "剩 1 小时 05 分 09 秒" / "超时 12 分 03 秒": a countdown to `at`, to the second. */
export function countdown(at: string, now: number): { text: string; late: boolean } {
  const diff = Date.parse(at) - now;
  const late = diff < 0;
  let s = Math.floor(Math.abs(diff) / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const body = d > 0 ? `${d} 天 ${h} 小时` : h > 0 ? `${h} 小时 ${pad(m)} 分 ${pad(s)} 秒` : `${m} 分 ${pad(s)} 秒`;
  return { text: `${late ? '超时' : '剩'} ${body}`, late };
}
