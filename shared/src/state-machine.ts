/**
 * The ticket life cycle of DESIGN.md §2, as data plus pure functions.
 *
 * The server is the only one that applies a transition (it is authoritative); the
 * front ends call `allowedActions` only to decide which buttons to show. Everything
 * the state machine cannot see is the server's job: which community the caller may
 * see, throttling of `urge`, who may read a comment, setting/clearing `heldAt`,
 * `ownerId` and `assigneeId`, and the side effects (events, notices, deadlines).
 *
 * Server notes that are not visible in the table:
 * - `claim`, `hold`, `resume`, `transfer`, `comment`, `rate` and `urge` leave the status
 *   as it is (`to: 'same'`); their effect is on other columns.
 * - A claim lost to a concurrent claim is refused with `conflict: 'ALREADY_OWNED'`
 *   (map it with `refusalToApiError` → 409 ALREADY_OWNED). The check here is only the
 *   fast path: the server must still make the claim atomic
 *   (`UPDATE … SET owner_id = ? WHERE id = ? AND owner_id IS NULL`, one row or lost).
 * - An unsatisfied return visit: the owner may `revisit` a closed ticket; when the
 *   answer is "unsatisfied" the server records the revisit event and then applies
 *   `reopen` instead of moving to `revisited` — both are allowed to the owner from
 *   `closed`, so check `transition(t, 'revisit', …)` and use the `reopen` target
 *   (`accepted`). Nothing special is exported for it.
 */
import type { ApiError, Id } from './api';
import { LABELS, OPEN_STATUSES, TICKET_ACTIONS, TICKET_STATUSES, type StaffRole, type TicketAction, type TicketStatus } from './enums';

export interface TicketState {
  status: TicketStatus;
  ownerId: Id | null;
  assigneeId: Id | null;
  residentId: Id | null;
  onHold: boolean;
  rated: boolean;
  /** A quote above what the resident accepted waits for their approval (paid services, docs/payments.md). */
  quotePending: boolean;
  /** Something approved is still unpaid (and not waived by a supervisor). */
  paymentDue: boolean;
  /**
   * A complaint's own state (投诉处理): set for complaints, null or left out otherwise —
   * and where it is not known (a list row), the complaint-only actions are not offered.
   */
  complaint?: { formallyReplied: boolean } | null;
}

export type Actor = { kind: 'resident'; id: Id } | { kind: 'staff'; id: Id; roles: StaffRole[] } | { kind: 'system' };

/** Refusals with an API error code of their own (409), rather than INVALID_TRANSITION. */
export type RefusalConflict = 'ALREADY_OWNED' | 'ALREADY_RATED' | 'QUOTE_PENDING' | 'PAYMENT_DUE' | 'FORMAL_REPLY_REQUIRED';

export type TransitionResult =
  | { allowed: true; to: TicketStatus }
  | {
      allowed: false;
      code: 'INVALID_TRANSITION' | 'FORBIDDEN';
      reason: string;
      /**
       * Set when the refusal has its own API error code: claim of an owned ticket → 409
       * ALREADY_OWNED, a second rating → 409 ALREADY_RATED; work past a quote the resident
       * has not approved → 409 QUOTE_PENDING; closing while something is unpaid → 409 PAYMENT_DUE;
       * resolving a complaint before its formal reply → 409 FORMAL_REPLY_REQUIRED.
       */
      conflict?: RefusalConflict;
    };

export type TransitionRefusal = Extract<TransitionResult, { allowed: false }>;

/**
 * Who a rule lets act.
 * - `resident`: the resident whose id is the ticket's `residentId`.
 * - `owner` / `assignee`: the staff member (any role) whose id is the ticket's `ownerId` / `assigneeId`.
 * - `agent` / `supervisor`: any staff member holding that role (community scoping is the server's job).
 * - `staff`: any staff member.
 * - `system`: the scheduler (auto-confirm).
 */
export type Party = 'resident' | 'owner' | 'assignee' | 'agent' | 'supervisor' | 'staff' | 'system';

export interface TransitionRule {
  action: TicketAction;
  /** Statuses the action may start from. */
  from: readonly TicketStatus[];
  /** Target status; `'same'` leaves the status unchanged. */
  to: TicketStatus | 'same';
  /** Any one of these parties may do it. */
  by: readonly Party[];
  /** `'forbidden'`: refused while the clocks are paused; `'required'`: only while paused. */
  hold?: 'forbidden' | 'required';
  /** Only while nobody owns the ticket (claim from the community pool). */
  requiresNoOwner?: true;
  /** Only once per ticket (rating). */
  requiresNotRated?: true;
  /** Complaints only (`TicketState.complaint` set). */
  complaintOnly?: true;
  /** Never on a complaint (a quote: nothing of a complaint is charged for). */
  notForComplaints?: true;
  /** A complaint only after its formal reply to the resident (结果 + 整改措施); other types are not affected. */
  requiresFormalReply?: true;
  /** Appended to the "wrong state" refusal, to tell the caller what to do instead. */
  hint?: string;
  /**
   * Paid services: `no_pending_quote` — refused while a quote waits for the resident;
   * `settled` — refused while something is due; `quote_pending` / `payment_due` — only then.
   */
  settlement?: 'no_pending_quote' | 'settled' | 'quote_pending' | 'payment_due';
}

export const PARTY_LABELS: Record<Party, string> = {
  resident: '业主本人',
  owner: '首接人',
  assignee: '被派工人员',
  agent: '客服专员',
  supervisor: '客服主管',
  staff: '物业工作人员',
  system: '系统',
};

/** accepted / dispatched / in_progress: someone is working on it, so the clocks can be paused. */
const WORKING: readonly TicketStatus[] = ['accepted', 'dispatched', 'in_progress'];
const AFTER_RESOLUTION: readonly TicketStatus[] = ['resolved', 'closed', 'revisited'];
const NOT_CANCELLED: readonly TicketStatus[] = TICKET_STATUSES.filter((s) => s !== 'cancelled');
const NOT_FINISHED_FOR_OWNER: readonly TicketStatus[] = TICKET_STATUSES.filter((s) => s !== 'cancelled' && s !== 'revisited');

/**
 * The life cycle. An action may have several rules (cancel: the resident before
 * dispatch, the owner or a supervisor until resolution); any matching rule allows it.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  { action: 'claim', from: OPEN_STATUSES, to: 'same', by: ['agent', 'supervisor'], requiresNoOwner: true },
  { action: 'accept', from: ['submitted'], to: 'accepted', by: ['owner'] },
  // From `dispatched` too: re-dispatching to another technician keeps the ticket dispatched.
  { action: 'dispatch', from: ['accepted', 'dispatched'], to: 'dispatched', by: ['owner'], hold: 'forbidden' },
  // A new visit time agreed with the resident: the timeline records it as a dispatch with the new time.
  { action: 'reschedule', from: ['dispatched', 'in_progress'], to: 'same', by: ['owner', 'assignee'], hold: 'forbidden' },
  // A paid repair starts only once its quote is approved (不得擅自提高收费标准).
  { action: 'start', from: ['dispatched'], to: 'in_progress', by: ['assignee'], hold: 'forbidden', settlement: 'no_pending_quote' },
  { action: 'hold', from: WORKING, to: 'same', by: ['owner', 'assignee'], hold: 'forbidden' },
  { action: 'resume', from: WORKING, to: 'same', by: ['owner', 'assignee'], hold: 'required' },
  // From `accepted` too: the owner may handle a request directly without dispatching it.
  // A complaint ends with the formal reply to the resident: without one it cannot be resolved.
  { action: 'resolve', from: WORKING, to: 'resolved', by: ['owner', 'assignee'], hold: 'forbidden', settlement: 'no_pending_quote', requiresFormalReply: true },
  // An incident's resolution (停水停电 恢复) resolves the requests linked to it, from any open
  // state and whoever owns them; the resident still confirms (or it auto-confirms after the
  // confirm limit), and can reopen it if the problem is still there.
  { action: 'resolve', from: OPEN_STATUSES, to: 'resolved', by: ['system'] },
  // A paid request closes only once paid (or waived by a supervisor).
  { action: 'confirm', from: ['resolved'], to: 'closed', by: ['resident'], settlement: 'settled' },
  { action: 'verify', from: ['resolved'], to: 'closed', by: ['owner'], settlement: 'settled' },
  { action: 'auto_confirm', from: ['resolved'], to: 'closed', by: ['system'], settlement: 'settled' },
  // Back to the same owner (first-contact rule); the server decides whether the assignee stays.
  { action: 'reopen', from: ['resolved', 'closed'], to: 'accepted', by: ['resident', 'owner'] },
  { action: 'revisit', from: ['closed'], to: 'revisited', by: ['owner'] },
  {
    action: 'cancel',
    from: ['submitted', 'accepted'],
    to: 'cancelled',
    by: ['resident'],
    hint: '已派工的工单如需取消，请联系物业客服',
  },
  { action: 'cancel', from: OPEN_STATUSES, to: 'cancelled', by: ['owner', 'supervisor'] },
  // Ownership matters until the return visit is done, so a closed ticket can still be transferred.
  { action: 'transfer', from: NOT_FINISHED_FOR_OWNER, to: 'same', by: ['supervisor'] },
  { action: 'comment', from: TICKET_STATUSES, to: 'same', by: ['resident', 'staff'] },
  { action: 'rate', from: AFTER_RESOLUTION, to: 'same', by: ['resident'], requiresNotRated: true },
  { action: 'urge', from: OPEN_STATUSES, to: 'same', by: ['resident'] },
  // A duplicate of another open request ends here; its resident follows the one kept (the server checks that one).
  { action: 'merge', from: OPEN_STATUSES, to: 'cancelled', by: ['owner', 'supervisor'] },
  // Paid services (docs/payments.md). A quote is sent while the work is in hand, before resolution.
  { action: 'quote', from: WORKING, to: 'same', by: ['owner', 'assignee'], notForComplaints: true },
  { action: 'approve_quote', from: OPEN_STATUSES, to: 'same', by: ['resident'], settlement: 'quote_pending' },
  { action: 'decline_quote', from: OPEN_STATUSES, to: 'same', by: ['resident'], settlement: 'quote_pending' },
  { action: 'pay', from: NOT_CANCELLED, to: 'same', by: ['resident'], settlement: 'payment_due' },
  { action: 'record_payment', from: NOT_CANCELLED, to: 'same', by: ['owner', 'assignee', 'supervisor'], settlement: 'payment_due' },
  { action: 'waive', from: NOT_CANCELLED, to: 'same', by: ['supervisor'], settlement: 'payment_due' },
  // Complaints (投诉处理). The level can be set by the owner or a supervisor while the
  // complaint is open; the finding (有效/无效), investigation tasks and the formal reply
  // are the owner's, while someone is working on it. The owner stays the owner throughout.
  { action: 'grade', from: OPEN_STATUSES, to: 'same', by: ['owner', 'supervisor'], complaintOnly: true },
  { action: 'judge', from: WORKING, to: 'same', by: ['owner'], complaintOnly: true },
  { action: 'investigate', from: WORKING, to: 'same', by: ['owner'], complaintOnly: true },
  { action: 'formal_reply', from: WORKING, to: 'same', by: ['owner'], hold: 'forbidden', complaintOnly: true },
];

const RULES_BY_ACTION: ReadonlyMap<TicketAction, readonly TransitionRule[]> = new Map(
  TICKET_ACTIONS.map((action) => [action, TRANSITIONS.filter((rule) => rule.action === action)]),
);

function hasRole(actor: Actor, role: StaffRole): boolean {
  return actor.kind === 'staff' && actor.roles.includes(role);
}

/** Could this actor be this party on *some* ticket? Decided by kind and role only. */
function couldBe(party: Party, actor: Actor): boolean {
  switch (party) {
    case 'resident':
      return actor.kind === 'resident';
    case 'owner':
    case 'assignee':
    case 'staff':
      // Any role can own a ticket: a staff-created request is owned by its creator (DESIGN §2 rule 1).
      return actor.kind === 'staff';
    case 'agent':
    case 'supervisor':
      return hasRole(actor, party);
    case 'system':
      return actor.kind === 'system';
  }
}

/** Is this actor this party on this ticket? */
function is(party: Party, actor: Actor, ticket: TicketState): boolean {
  switch (party) {
    case 'resident':
      return actor.kind === 'resident' && ticket.residentId !== null && actor.id === ticket.residentId;
    case 'owner':
      return actor.kind === 'staff' && ticket.ownerId !== null && actor.id === ticket.ownerId;
    case 'assignee':
      return actor.kind === 'staff' && ticket.assigneeId !== null && actor.id === ticket.assigneeId;
    default:
      return couldBe(party, actor);
  }
}

type StateRefusal = { reason: string; statusMatched: boolean; conflict?: RefusalConflict };

/** Why the ticket's state does not allow this rule, or null when it does. */
function stateRefusal(rule: TransitionRule, ticket: TicketState): StateRefusal | null {
  const verb = LABELS.action[rule.action];
  if (rule.complaintOnly && !ticket.complaint) {
    return { reason: `只有投诉工单可以${verb}`, statusMatched: false };
  }
  if (rule.notForComplaints && ticket.complaint) {
    return { reason: `投诉工单不能${verb}`, statusMatched: false };
  }
  if (!rule.from.includes(ticket.status)) {
    const base = `工单当前为「${LABELS.status[ticket.status]}」，不能${verb}`;
    return { reason: rule.hint ? `${base}；${rule.hint}` : base, statusMatched: false };
  }
  if (rule.requiresNoOwner && ticket.ownerId !== null) {
    return { reason: '该工单已有首接人', statusMatched: true, conflict: 'ALREADY_OWNED' };
  }
  if (rule.hold === 'forbidden' && ticket.onHold) {
    const reason = rule.action === 'hold' ? '工单已挂起，不能重复挂起' : '工单已挂起，请先恢复计时';
    return { reason, statusMatched: true };
  }
  if (rule.hold === 'required' && !ticket.onHold) {
    return { reason: '工单未挂起，无需恢复计时', statusMatched: true };
  }
  if (rule.requiresNotRated && ticket.rated) {
    return { reason: '您已评价过该工单', statusMatched: true, conflict: 'ALREADY_RATED' };
  }
  switch (rule.settlement) {
    case 'no_pending_quote':
      if (ticket.quotePending) return { reason: `报价还在等业主确认，业主同意后才能${verb}`, statusMatched: true, conflict: 'QUOTE_PENDING' };
      break;
    case 'settled':
      if (ticket.paymentDue) return { reason: `费用尚未结清，支付（或主管登记免收）后才能${verb}`, statusMatched: true, conflict: 'PAYMENT_DUE' };
      break;
    case 'quote_pending':
      if (!ticket.quotePending) return { reason: '没有待确认的报价', statusMatched: true };
      break;
    case 'payment_due':
      if (!ticket.paymentDue) return { reason: '没有待支付的费用', statusMatched: true };
      break;
  }
  if (rule.requiresFormalReply && ticket.complaint && !ticket.complaint.formallyReplied) {
    return { reason: '投诉须先向业主正式答复（处理结果和整改措施），才能办结', statusMatched: true, conflict: 'FORMAL_REPLY_REQUIRED' };
  }
  return null;
}

/** "首接人" / "首接人或被派工人员" / "业主本人、首接人或客服主管". */
function partyList(rules: readonly TransitionRule[]): string {
  const parties = [...new Set(rules.flatMap((rule) => rule.by))];
  // The system (an incident's resolution) is no alternative a refused person could turn to.
  const people = parties.length > 1 ? parties.filter((party) => party !== 'system') : parties;
  const labels = people.map((party) => PARTY_LABELS[party]);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join('、')}或${labels[labels.length - 1]}`;
}

function forbidden(ticket: TicketState, actor: Actor, action: TicketAction, rules: readonly TransitionRule[]): TransitionRefusal {
  const ownerNeeded = rules.some((rule) => rule.by.includes('owner'));
  const canClaim = transition(ticket, 'claim', actor).allowed;
  if (ownerNeeded && canClaim) {
    // Nobody owns the pooled ticket yet: tell the agent what to do rather than who may do it.
    return { allowed: false, code: 'FORBIDDEN', reason: `该工单还没有首接人，请先认领后再${LABELS.action[action]}` };
  }
  return { allowed: false, code: 'FORBIDDEN', reason: `只有${partyList(rules)}可以${LABELS.action[action]}` };
}

/**
 * May `actor` do `action` to `ticket`, and where does it lead?
 *
 * Order of checks (the error the caller sees follows it):
 * 1. The actor could never do this action, in any state, because of who they are
 *    (a resident dispatching, a technician without the agent role claiming, the system
 *    commenting) → FORBIDDEN (403). Checked first so that a caller learns nothing
 *    about a ticket's state from an action that is never theirs.
 * 2. The ticket's state does not allow it for the kind of actor they are (status,
 *    on hold, already owned, already rated) → INVALID_TRANSITION (409), naming the
 *    current state. Checked before the person so that the owner and a stranger get
 *    the same answer about a ticket that has moved on.
 * 3. The state allows it, but the actor is not the required person (not the owner,
 *    not the assigned technician, not the resident who filed it) → FORBIDDEN (403).
 */
export function transition(ticket: TicketState, action: TicketAction, actor: Actor): TransitionResult {
  const rules = RULES_BY_ACTION.get(action) ?? [];

  const forThisKindOfActor = rules.filter((rule) => rule.by.some((party) => couldBe(party, actor)));
  if (forThisKindOfActor.length === 0) {
    return { allowed: false, code: 'FORBIDDEN', reason: `只有${partyList(rules)}可以${LABELS.action[action]}` };
  }

  const refusals = forThisKindOfActor.map((rule) => stateRefusal(rule, ticket));
  const openRules = forThisKindOfActor.filter((_, i) => refusals[i] === null);
  if (openRules.length === 0) {
    // Prefer the specific refusal ("已挂起", "已有首接人") over the generic "wrong status" one.
    const refusal = refusals.find((r) => r?.statusMatched) ?? refusals[0];
    return {
      allowed: false,
      code: 'INVALID_TRANSITION',
      reason: refusal?.reason ?? `工单当前为「${LABELS.status[ticket.status]}」，不能${LABELS.action[action]}`,
      ...(refusal?.conflict ? { conflict: refusal.conflict } : {}),
    };
  }

  const rule = openRules.find((r) => r.by.some((party) => is(party, actor, ticket)));
  if (!rule) {
    // Name everyone the current state would allow, not only the caller's kind.
    return forbidden(
      ticket,
      actor,
      action,
      rules.filter((r) => stateRefusal(r, ticket) === null),
    );
  }
  return { allowed: true, to: rule.to === 'same' ? ticket.status : rule.to };
}

/** Every action `actor` may do now, in TICKET_ACTIONS order (for showing buttons). */
export function allowedActions(ticket: TicketState, actor: Actor): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => transition(ticket, action, actor).allowed);
}

/** The state machine's view of a ticket as the API returns it (TicketDetail). */
export function ticketStateOf(detail: {
  status: TicketStatus;
  owner: { id: Id } | null;
  assignee: { id: Id } | null;
  residentId: Id | null;
  onHold: boolean;
  rating: unknown;
  quotePending?: boolean;
  dueFen?: number;
  /** A complaint's detail (TicketDetail.complaint); left out by list items. */
  complaint?: { formalReply: unknown } | null;
}): TicketState {
  return {
    status: detail.status,
    ownerId: detail.owner?.id ?? null,
    assigneeId: detail.assignee?.id ?? null,
    residentId: detail.residentId,
    onHold: detail.onHold,
    rated: detail.rating !== null && detail.rating !== undefined,
    quotePending: detail.quotePending ?? false,
    paymentDue: (detail.dueFen ?? 0) > 0,
    complaint: detail.complaint ? { formallyReplied: detail.complaint.formalReply !== null && detail.complaint.formalReply !== undefined } : null,
  };
}

/**
 * The API error for a refusal: 409 ALREADY_OWNED for a lost claim, 409 QUOTE_PENDING /
 * PAYMENT_DUE for work past an unapproved quote / closing unpaid, 409 FORMAL_REPLY_REQUIRED
 * for a complaint resolved before its formal reply, 409
 * INVALID_TRANSITION for a wrong state, 403 FORBIDDEN for a wrong caller.
 */
export function refusalToApiError(refusal: TransitionRefusal): ApiError {
  if (refusal.conflict) return { statusCode: 409, code: refusal.conflict, message: refusal.reason };
  return { statusCode: refusal.code === 'FORBIDDEN' ? 403 : 409, code: refusal.code, message: refusal.reason };
}
