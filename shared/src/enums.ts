/**
 * The vocabulary of Yizhan. Every value here is stored in the database and sent over
 * the wire, so renaming one is a migration and an API change.
 */

/** 报修, 投诉, 上门服务, 咨询/建议 (answered with feedback, no visit). */
export const TICKET_TYPES = ['repair', 'complaint', 'home_service', 'enquiry'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

/**
 * Life-cycle states (DESIGN.md §2). "On hold" is not a state: it is a pause of the
 * clocks on top of accepted / dispatched / in_progress (`heldAt` on the ticket), so
 * resuming returns to exactly where the work was.
 */
export const TICKET_STATUSES = ['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'closed', 'revisited', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** States in which the request still needs work from staff. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['submitted', 'accepted', 'dispatched', 'in_progress'];

export const PRIORITIES = ['normal', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CHANNELS = ['miniapp', 'phone', 'walk_in', 'patrol', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STAFF_ROLES = ['agent', 'technician', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ACTOR_KINDS = ['resident', 'staff', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** What a caller can ask the state machine to do to a ticket. */
export const TICKET_ACTIONS = [
  'claim',
  'accept',
  'dispatch',
  /** The assignee or the owner moves the agreed visit time (with a reason; the resident is told). */
  'reschedule',
  'start',
  'hold',
  'resume',
  'resolve',
  'confirm',
  'auto_confirm',
  'verify',
  'reopen',
  'revisit',
  'cancel',
  'transfer',
  'comment',
  'rate',
  'urge',
  /** The owner or a supervisor folds a duplicate into another open request (its resident follows that one). */
  'merge',
  /** The owner or the technician sends the fee lines (报价); above what the resident accepted, it waits for their approval. */
  'quote',
  'approve_quote',
  'decline_quote',
  /** The resident pays what is due (WeChat Pay). */
  'pay',
  /** Staff record an offline payment (cash, the property's QR code). */
  'record_payment',
  /** A supervisor waives what is due (免收), with a reason. */
  'waive',
  // Complaints only (投诉处理): the level (一般/重大), the owner's finding (有效/无效), an
  // investigation task for another department or person, and the formal reply (结果 + 整改措施).
  'grade',
  'judge',
  'investigate',
  'formal_reply',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** Timeline event types. Actions produce the event of the same meaning; the rest are system events. */
export const TICKET_EVENT_TYPES = [
  'created',
  'routed',
  'pooled',
  'claimed',
  'accepted',
  'dispatched',
  'started',
  'held',
  'resumed',
  'resolved',
  'confirmed',
  'auto_confirmed',
  'verified',
  'reopened',
  'revisited',
  'cancelled',
  'transferred',
  'commented',
  'rated',
  'urged',
  'overdue',
  'escalated',
  'flagged',
  // Linked by the server to a declared incident (停水停电 …) in the request's area and category.
  'incident_linked',
  // 我也遇到 and merging: on the duplicate, "merged into X" (its resident is told); on the
  // request kept, a resident who joined, a duplicate folded in, the priority raised by the
  // number of followers and a follower's rating (staff-only entries).
  'merged',
  'duplicate_merged',
  'followed',
  'priority_raised',
  'follower_rated',
  // Paid services (docs/payments.md): a quote, the resident's decision, payments, refunds, a waiver.
  'quoted',
  'quote_approved',
  'quote_declined',
  'paid',
  'refunded',
  'payment_waived',
  // Complaints: level set or changed, the owner's finding, an investigation task given and its
  // result (all staff-only), and the formal reply to the resident (public).
  'graded',
  'judged',
  'investigation_assigned',
  'investigation_reported',
  'formally_replied',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/**
 * Who may read a timeline entry. `public` entries are shown to the resident with their
 * resident-facing text (`publicNote`, never the staff's `note`); `internal` entries
 * (内部备注, SLA breaches and escalations) are staff-only and never
 * appear in anything a resident receives: detail, list, inbox, subscribe message, export.
 */
export const EVENT_VISIBILITIES = ['public', 'internal'] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];

/**
 * Events about the staff's own work, never shown to the resident who filed the request:
 * breaches and escalations; who else follows it (a resident joining, a duplicate folded in,
 * the priority their number raised, a follower's rating); and a complaint's grading, finding
 * and investigation (the resident hears the outcome in the formal reply).
 */
export const STAFF_ONLY_EVENT_TYPES: readonly TicketEventType[] = [
  'overdue',
  'escalated',
  'followed',
  'duplicate_merged',
  'priority_raised',
  'follower_rated',
  'graded',
  'judged',
  'investigation_assigned',
  'investigation_reported',
];
/**
 * A complaint's level (投诉等级), set at intake or by the owner: 重大 runs against its own,
 * shorter time limits (the handbook: 重大问题 48 小时内处理完毕).
 */
export const COMPLAINT_LEVELS = ['general', 'major'] as const;
export type ComplaintLevel = (typeof COMPLAINT_LEVELS)[number];

/** The owner's finding after investigation (有效投诉 / 无效投诉). */
export const COMPLAINT_VALIDITIES = ['valid', 'invalid'] as const;
export type ComplaintValidity = (typeof COMPLAINT_VALIDITIES)[number];

/**
 * The complaint category about a person's conduct: like a complaint naming a staff member,
 * it goes to a supervisor, never to the staff member concerned.
 */
export const ATTITUDE_CATEGORY = '服务态度';

/** Departments an investigation task can be given to (or a named staff member). */
export const DEPARTMENTS = ['客服部', '工程部', '秩序部', '保洁部', '绿化部', '财务部'] as const;

/** The five time limits of DESIGN.md §2. */
export const SLA_CLOCKS = ['respond', 'onsite', 'resolve', 'confirm', 'revisit'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

export const ROOM_BINDING_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RoomBindingStatus = (typeof ROOM_BINDING_STATUSES)[number];

/** What `wx.requestSubscribeMessage` answers per template. */
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number];

/**
 * Resident-facing notice kinds (DESIGN.md §3): the status changes, and what the resident
 * waits on — a staff public reply (`replied`), a pause with its resident-facing reason
 * (`held`) and its end (`resumed`), a visit time set or changed (`appointment`), the
 * reminder the evening before a visit (`reminder`) and the apology for a broken time
 * limit (`delayed`); and incidents in the resident's area (`incident`, `incident_resolved`,
 * `incident_linked`).
 */
export const NOTICE_KINDS = [
  'accepted',
  'dispatched',
  'resolved',
  'reopened',
  'closed',
  'cancelled',
  'replied',
  'held',
  'resumed',
  'appointment',
  'reminder',
  'delayed',
  // Incidents (停水停电 …): declared or changed in the resident's area, over, or a request of theirs is linked to one.
  'incident',
  'incident_resolved',
  'incident_linked',
  // The resident's request was merged into another one about the same problem (they follow that one now).
  'merged',
  // Paid services: a quote waits for the resident's approval; a refund reached them.
  'quoted',
  'refunded',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * An incident's state, derived from its times: `planned` before it starts (an outage
 * announced ahead of time), `active` from its start until it is resolved, `resolved` after.
 */
export const INCIDENT_STATUSES = ['planned', 'active', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Event names on the staff event stream (GET /staff/events, server-sent events). */
export const STAFF_EVENT_TYPES = [
  'ticket.routed',
  'ticket.urgent',
  'ticket.dispatched',
  'ticket.urged',
  'ticket.transferred',
  'ticket.flagged',
  'ticket.pooled',
  'ticket.reopened',
  'ticket.rated_low',
  'ticket.resolved',
  'ticket.followed_up',
  'ticket.investigation',
  'ticket.investigated',
  'sla.warning',
  'sla.overdue',
  'sla.escalated',
] as const;
export type StaffEventType = (typeof STAFF_EVENT_TYPES)[number];

/**
 * Quick tags of a rating (评价标签). "问题未解决" is not one of them: in the app it is the way
 * back to the owner (reopen), offered only while the request can still be reopened.
 */
export const RATING_TAGS = ['准时', '态度好', '干净整洁', '专业细致', '沟通清楚', '收费合理'] as const;
export type RatingTag = (typeof RATING_TAGS)[number];
export const NOT_SOLVED_TAG = '问题未解决';

/**
 * Where a request is (DESIGN.md "Where the problem is"): a room, a whole building, a unit's
 * common area (楼道、电梯厅), a zone, or a named public spot of the community (1号门岗 …).
 * Everything but `room` is a public area, open to 我也遇到.
 */
export const LOCATION_KINDS = ['room', 'building', 'unit', 'zone', 'place'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];
export const PUBLIC_LOCATION_KINDS: readonly LocationKind[] = ['building', 'unit', 'zone', 'place'];

/** How a resident came to follow a request: 我也遇到 in the app, or staff merged their duplicate into it. */
export const FOLLOW_VIAS = ['me_too', 'merge'] as const;
export type FollowVia = (typeof FOLLOW_VIAS)[number];

/** When a resident would like a repair visit (期望上门时间), chosen on the repair form. */
export const PREFERRED_VISITS = ['尽快', '今天', '明天上午', '明天下午', '明天晚上', '工作日晚上', '周末'] as const;
export type PreferredVisit = (typeof PREFERRED_VISITS)[number];

/** Ticket number prefixes: BX 报修, TS 投诉, FW 上门服务, ZX 咨询/建议. */
export const TICKET_NO_PREFIX: Record<TicketType, string> = {
  repair: 'BX',
  complaint: 'TS',
  home_service: 'FW',
  enquiry: 'ZX',
};

/** Categories offered by the front ends (free text is still accepted by the server). */
export const TICKET_CATEGORIES: Record<TicketType, readonly string[]> = {
  repair: ['水电', '门窗', '电梯', '公共设施', '燃气', '管道疏通', '其他'],
  complaint: ['服务态度', '环境卫生', '噪音', '收费', '安全秩序', '停车', '其他'],
  home_service: ['家电清洗', '保洁', '开锁换锁', '家具安装', '其他'],
  enquiry: ['物业咨询', '收费咨询', '装修咨询', '意见建议', '其他'],
};

/**
 * What a technician can be dispatched for: the repair and in-home categories they may
 * handle. A managed list, so dispatch can match a request's category to the skills.
 */
export const STAFF_SKILLS = ['水电', '管道疏通', '燃气', '门窗', '电梯', '公共设施', '家电清洗', '保洁', '开锁换锁', '家具安装'] as const;
export type StaffSkill = (typeof STAFF_SKILLS)[number];

/** Fee lines of a paid service (金额以分计): the catalogue price, materials from the price list, extra labour, a discount. */
export const FEE_LINE_KINDS = ['service', 'material', 'labour', 'discount'] as const;
export type FeeLineKind = (typeof FEE_LINE_KINDS)[number];

/** A quote waits for the resident (`pending`), was approved (or needed no approval) or declined, or a newer one replaced it. */
export const QUOTE_STATUSES = ['pending', 'approved', 'declined', 'superseded'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** How a payment was made: WeChat Pay (JSAPI in the mini-program), cash, or the property's own QR code. */
export const PAYMENT_METHODS = ['wechat', 'cash', 'qr'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** `pending`: a WeChat Pay order waiting to be paid; `closed`: it expired or was replaced unpaid. */
export const PAYMENT_STATUSES = ['pending', 'paid', 'closed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const REFUND_STATUSES = ['processing', 'success', 'closed', 'abnormal'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** Chinese labels, one place for every front end. */
export const LABELS = {
  type: { repair: '报修', complaint: '投诉', home_service: '上门服务', enquiry: '咨询建议' } satisfies Record<TicketType, string>,
  status: {
    submitted: '待受理',
    accepted: '已受理',
    dispatched: '已派工',
    in_progress: '处理中',
    resolved: '待确认',
    closed: '已完成',
    revisited: '已回访',
    cancelled: '已取消',
  } satisfies Record<TicketStatus, string>,
  priority: { normal: '普通', urgent: '紧急' } satisfies Record<Priority, string>,
  channel: { miniapp: '小程序', phone: '电话', walk_in: '来访', patrol: '巡查', other: '其他' } satisfies Record<Channel, string>,
  role: { agent: '客服专员', technician: '维修技师', supervisor: '客服主管', admin: '系统管理员' } satisfies Record<StaffRole, string>,
  /** Verbs for buttons and for the state machine's refusals ("不能受理", "只有首接人可以派工"). */
  action: {
    claim: '认领',
    accept: '受理',
    dispatch: '派工',
    reschedule: '改约',
    start: '开始处理',
    hold: '挂起',
    resume: '恢复计时',
    resolve: '办结',
    confirm: '确认完成',
    auto_confirm: '自动确认',
    verify: '核实完成',
    reopen: '重新打开',
    revisit: '回访',
    cancel: '取消',
    transfer: '转交',
    comment: '留言',
    rate: '评价',
    urge: '催办',
    merge: '合并',
    quote: '报价',
    approve_quote: '同意报价',
    decline_quote: '不同意报价',
    pay: '支付',
    record_payment: '登记线下收款',
    waive: '免收费用',
    grade: '定级',
    judge: '认定',
    investigate: '交办调查',
    formal_reply: '正式答复',
  } satisfies Record<TicketAction, string>,
  locationKind: { room: '房屋', building: '楼栋', unit: '单元公共区域', zone: '区域', place: '公共场所' } satisfies Record<LocationKind, string>,
  followVia: { me_too: '我也遇到', merge: '合并' } satisfies Record<FollowVia, string>,
  feeLineKind: { service: '服务费', material: '材料费', labour: '人工费', discount: '优惠' } satisfies Record<FeeLineKind, string>,
  quoteStatus: { pending: '待确认', approved: '已同意', declined: '未同意', superseded: '已更新' } satisfies Record<QuoteStatus, string>,
  paymentMethod: { wechat: '微信支付', cash: '现金', qr: '物业收款码' } satisfies Record<PaymentMethod, string>,
  paymentStatus: { pending: '待支付', paid: '已支付', closed: '已关闭' } satisfies Record<PaymentStatus, string>,
  refundStatus: { processing: '退款中', success: '已退款', closed: '退款关闭', abnormal: '退款异常' } satisfies Record<RefundStatus, string>,
  complaintLevel: { general: '一般', major: '重大' } satisfies Record<ComplaintLevel, string>,
  complaintValidity: { valid: '有效投诉', invalid: '无效投诉' } satisfies Record<ComplaintValidity, string>,
  clock: {
    respond: '受理时限',
    onsite: '上门时限',
    resolve: '办结时限',
    confirm: '确认时限',
    revisit: '回访时限',
  } satisfies Record<SlaClock, string>,
  incidentStatus: { planned: '计划中', active: '进行中', resolved: '已恢复' } satisfies Record<IncidentStatus, string>,
  bindingStatus: { pending: '待审核', approved: '已通过', rejected: '未通过' } satisfies Record<RoomBindingStatus, string>,
} as const;
