import type { TicketDetail } from './api';
import { TICKET_ACTIONS, TICKET_STATUSES, type TicketAction, type TicketStatus } from './enums';
import {
  TRANSITIONS,
  allowedActions,
  refusalToApiError,
  ticketStateOf,
  transition,
  type Actor,
  type TicketState,
  type TransitionResult,
} from './state-machine';

// ---- Cast ----
const resident: Actor = { kind: 'resident', id: 'r1' };
const otherResident: Actor = { kind: 'resident', id: 'r2' };
const owner: Actor = { kind: 'staff', id: 's-owner', roles: ['agent'] };
const technician: Actor = { kind: 'staff', id: 's-tech', roles: ['technician'] };
const otherTechnician: Actor = { kind: 'staff', id: 's-tech2', roles: ['technician'] };
const otherAgent: Actor = { kind: 'staff', id: 's-agent2', roles: ['agent'] };
const supervisor: Actor = { kind: 'staff', id: 's-sup', roles: ['supervisor'] };
const admin: Actor = { kind: 'staff', id: 's-admin', roles: ['admin'] };
const system: Actor = { kind: 'system' };

const ACTORS = { resident, otherResident, owner, technician, otherTechnician, otherAgent, supervisor, admin, system };
type ActorName = keyof typeof ACTORS;

function ticket(status: TicketStatus, overrides: Partial<TicketState> = {}): TicketState {
  return {
    status,
    ownerId: 's-owner',
    assigneeId: 's-tech',
    residentId: 'r1',
    onHold: false,
    rated: false,
    quotePending: false,
    paymentDue: false,
    ...overrides,
  };
}

function refusal(result: TransitionResult) {
  if (result.allowed) throw new Error(`expected a refusal, got allowed → ${result.to}`);
  return result;
}

const OPEN: TicketStatus[] = ['submitted', 'accepted', 'dispatched', 'in_progress'];
const WORKING: TicketStatus[] = ['accepted', 'dispatched', 'in_progress'];
const same = (statuses: TicketStatus[]) => Object.fromEntries(statuses.map((s) => [s, 'same'])) as Record<string, 'same'>;
const to = (statuses: TicketStatus[], target: TicketStatus) => Object.fromEntries(statuses.map((s) => [s, target])) as Record<string, TicketStatus>;

/**
 * The life cycle written out again from the brief, independently of TRANSITIONS:
 * for the right person and a ticket whose other conditions hold, the statuses the
 * action is legal from and where it leads. Every other status must be refused with
 * INVALID_TRANSITION.
 */
const LEGAL: { action: TicketAction; actor: ActorName; ticket?: Partial<TicketState>; from: Record<string, TicketStatus | 'same'> }[] = [
  { action: 'claim', actor: 'otherAgent', ticket: { ownerId: null }, from: same(OPEN) },
  { action: 'claim', actor: 'supervisor', ticket: { ownerId: null }, from: same(OPEN) },
  { action: 'accept', actor: 'owner', from: { submitted: 'accepted' } },
  { action: 'dispatch', actor: 'owner', from: to(['accepted', 'dispatched'], 'dispatched') },
  { action: 'reschedule', actor: 'technician', from: same(['dispatched', 'in_progress']) },
  { action: 'reschedule', actor: 'owner', from: same(['dispatched', 'in_progress']) },
  { action: 'start', actor: 'technician', from: { dispatched: 'in_progress' } },
  { action: 'hold', actor: 'owner', from: same(WORKING) },
  { action: 'hold', actor: 'technician', from: same(WORKING) },
  { action: 'resume', actor: 'owner', ticket: { onHold: true }, from: same(WORKING) },
  { action: 'resume', actor: 'technician', ticket: { onHold: true }, from: same(WORKING) },
  { action: 'resolve', actor: 'owner', from: to(WORKING, 'resolved') },
  { action: 'resolve', actor: 'technician', from: to(WORKING, 'resolved') },
  // An incident's resolution resolves its linked requests from any open state.
  { action: 'resolve', actor: 'system', from: to(OPEN, 'resolved') },
  { action: 'confirm', actor: 'resident', from: { resolved: 'closed' } },
  { action: 'verify', actor: 'owner', from: { resolved: 'closed' } },
  { action: 'auto_confirm', actor: 'system', from: { resolved: 'closed' } },
  { action: 'reopen', actor: 'resident', from: to(['resolved', 'closed'], 'accepted') },
  { action: 'reopen', actor: 'owner', from: to(['resolved', 'closed'], 'accepted') },
  { action: 'revisit', actor: 'owner', from: { closed: 'revisited' } },
  { action: 'cancel', actor: 'resident', from: to(['submitted', 'accepted'], 'cancelled') },
  { action: 'cancel', actor: 'owner', from: to(OPEN, 'cancelled') },
  { action: 'cancel', actor: 'supervisor', from: to(OPEN, 'cancelled') },
  {
    action: 'transfer',
    actor: 'supervisor',
    from: same(TICKET_STATUSES.filter((s) => s !== 'cancelled' && s !== 'revisited')),
  },
  { action: 'comment', actor: 'resident', from: same([...TICKET_STATUSES]) },
  { action: 'comment', actor: 'otherAgent', from: same([...TICKET_STATUSES]) },
  { action: 'comment', actor: 'otherTechnician', from: same([...TICKET_STATUSES]) },
  { action: 'rate', actor: 'resident', from: same(['resolved', 'closed', 'revisited']) },
  { action: 'urge', actor: 'resident', from: same(OPEN) },
  { action: 'merge', actor: 'owner', from: to(OPEN, 'cancelled') },
  { action: 'merge', actor: 'supervisor', from: to(OPEN, 'cancelled') },
  { action: 'quote', actor: 'owner', from: same(WORKING) },
  { action: 'quote', actor: 'technician', from: same(WORKING) },
  { action: 'approve_quote', actor: 'resident', ticket: { quotePending: true }, from: same(OPEN) },
  { action: 'decline_quote', actor: 'resident', ticket: { quotePending: true }, from: same(OPEN) },
  { action: 'pay', actor: 'resident', ticket: { paymentDue: true }, from: same(TICKET_STATUSES.filter((s) => s !== 'cancelled')) },
  { action: 'record_payment', actor: 'owner', ticket: { paymentDue: true }, from: same(TICKET_STATUSES.filter((s) => s !== 'cancelled')) },
  { action: 'record_payment', actor: 'technician', ticket: { paymentDue: true }, from: same(TICKET_STATUSES.filter((s) => s !== 'cancelled')) },
  { action: 'waive', actor: 'supervisor', ticket: { paymentDue: true }, from: same(TICKET_STATUSES.filter((s) => s !== 'cancelled')) },
  // Complaints: a complaint ticket (with its formal reply given where resolution needs it).
  { action: 'grade', actor: 'owner', ticket: { complaint: { formallyReplied: false } }, from: same(OPEN) },
  { action: 'grade', actor: 'supervisor', ticket: { complaint: { formallyReplied: false } }, from: same(OPEN) },
  { action: 'judge', actor: 'owner', ticket: { complaint: { formallyReplied: false } }, from: same(WORKING) },
  { action: 'investigate', actor: 'owner', ticket: { complaint: { formallyReplied: false } }, from: same(WORKING) },
  { action: 'formal_reply', actor: 'owner', ticket: { complaint: { formallyReplied: false } }, from: same(WORKING) },
  { action: 'resolve', actor: 'owner', ticket: { complaint: { formallyReplied: true } }, from: to(WORKING, 'resolved') },
];

describe('transition: every action × status for the right person', () => {
  it('the matrix below names every action', () => {
    expect(new Set(LEGAL.map((row) => row.action))).toEqual(new Set(TICKET_ACTIONS));
  });

  const rows = LEGAL.flatMap((row) => TICKET_STATUSES.map((status) => ({ ...row, status })));

  it.each(rows)('$action by $actor from $status', ({ action, actor, ticket: overrides, from, status }) => {
    const result = transition(ticket(status, overrides), action, ACTORS[actor]);
    const target = from[status];
    if (target === undefined) {
      const r = refusal(result);
      expect(r.code).toBe('INVALID_TRANSITION');
      expect(r.conflict).toBeUndefined();
    } else {
      expect(result).toEqual({ allowed: true, to: target === 'same' ? status : target });
    }
  });
});

/**
 * Actors who could never do the action, whatever the state: always FORBIDDEN, even
 * where the state would be wrong as well (the role check comes first).
 */
const NEVER: Record<ActorName, TicketAction[]> = {
  resident: [
    'claim',
    'accept',
    'dispatch',
    'reschedule',
    'start',
    'hold',
    'resume',
    'resolve',
    'verify',
    'auto_confirm',
    'revisit',
    'transfer',
    'merge',
    'quote',
    'record_payment',
    'waive',
  ],
  otherResident: [
    'claim',
    'accept',
    'dispatch',
    'reschedule',
    'start',
    'hold',
    'resume',
    'resolve',
    'verify',
    'auto_confirm',
    'revisit',
    'transfer',
    'merge',
    'quote',
    'record_payment',
    'waive',
  ],
  owner: ['confirm', 'auto_confirm', 'rate', 'urge', 'transfer', 'approve_quote', 'decline_quote', 'pay', 'waive'],
  technician: ['claim', 'confirm', 'auto_confirm', 'rate', 'urge', 'transfer', 'approve_quote', 'decline_quote', 'pay', 'waive'],
  otherTechnician: ['claim', 'confirm', 'auto_confirm', 'rate', 'urge', 'transfer', 'approve_quote', 'decline_quote', 'pay', 'waive'],
  otherAgent: ['confirm', 'auto_confirm', 'rate', 'urge', 'transfer', 'approve_quote', 'decline_quote', 'pay', 'waive'],
  supervisor: ['confirm', 'auto_confirm', 'rate', 'urge', 'approve_quote', 'decline_quote', 'pay'],
  admin: ['claim', 'confirm', 'auto_confirm', 'rate', 'urge', 'transfer', 'approve_quote', 'decline_quote', 'pay', 'waive'],
  system: TICKET_ACTIONS.filter((a) => a !== 'auto_confirm' && a !== 'resolve'),
};

describe('transition: actors who could never do it are refused with FORBIDDEN in every status', () => {
  const rows = (Object.keys(NEVER) as ActorName[]).flatMap((actor) =>
    NEVER[actor].flatMap((action) => TICKET_STATUSES.map((status) => ({ actor, action, status }))),
  );
  it.each(rows)('$action by $actor from $status', ({ actor, action, status }) => {
    // Owned and ownerless alike: neither may turn a FORBIDDEN into something else.
    for (const ownerId of ['s-owner', null]) {
      const r = refusal(transition(ticket(status, { ownerId }), action, ACTORS[actor]));
      expect(r.code).toBe('FORBIDDEN');
      expect(r.reason).toMatch(/^只有.+可以/);
    }
  });
});

describe('transition: the person checks', () => {
  it.each<[TicketAction, TicketStatus, ActorName, string]>([
    ['accept', 'submitted', 'otherAgent', '只有首接人可以受理'],
    ['accept', 'submitted', 'technician', '只有首接人可以受理'],
    ['accept', 'submitted', 'supervisor', '只有首接人可以受理'],
    ['dispatch', 'accepted', 'supervisor', '只有首接人可以派工'],
    ['dispatch', 'accepted', 'technician', '只有首接人可以派工'],
    ['start', 'dispatched', 'otherTechnician', '只有被派工人员可以开始处理'],
    ['start', 'dispatched', 'owner', '只有被派工人员可以开始处理'],
    ['hold', 'in_progress', 'otherTechnician', '只有首接人或被派工人员可以挂起'],
    ['resolve', 'in_progress', 'otherAgent', '只有首接人或被派工人员可以办结'],
    ['confirm', 'resolved', 'otherResident', '只有业主本人可以确认完成'],
    ['verify', 'resolved', 'technician', '只有首接人可以核实完成'],
    ['reopen', 'closed', 'otherResident', '只有业主本人或首接人可以重新打开'],
    ['reopen', 'closed', 'technician', '只有业主本人或首接人可以重新打开'],
    ['revisit', 'closed', 'supervisor', '只有首接人可以回访'],
    ['cancel', 'submitted', 'otherResident', '只有业主本人、首接人或客服主管可以取消'],
    ['cancel', 'submitted', 'technician', '只有业主本人、首接人或客服主管可以取消'],
    ['cancel', 'in_progress', 'otherAgent', '只有首接人或客服主管可以取消'],
    ['comment', 'closed', 'otherResident', '只有业主本人或物业工作人员可以留言'],
    ['rate', 'closed', 'otherResident', '只有业主本人可以评价'],
    ['urge', 'dispatched', 'otherResident', '只有业主本人可以催办'],
  ])('%s from %s by %s → FORBIDDEN "%s"', (action, status, actor, reason) => {
    expect(transition(ticket(status), action, ACTORS[actor])).toEqual({ allowed: false, code: 'FORBIDDEN', reason });
  });

  it('a resident of a staff-created request without a resident account cannot confirm it; the owner verifies', () => {
    const t = ticket('resolved', { residentId: null });
    expect(refusal(transition(t, 'confirm', resident)).code).toBe('FORBIDDEN');
    expect(transition(t, 'verify', owner)).toEqual({ allowed: true, to: 'closed' });
  });

  it('nobody is the assignee before dispatch', () => {
    const t = ticket('dispatched', { assigneeId: null });
    expect(refusal(transition(t, 'start', technician)).code).toBe('FORBIDDEN');
  });

  it('any role can own a ticket (a staff-created request is owned by its creator)', () => {
    expect(transition(ticket('submitted', { ownerId: 's-admin' }), 'accept', admin)).toEqual({ allowed: true, to: 'accepted' });
    expect(transition(ticket('submitted', { ownerId: 's-tech' }), 'accept', technician)).toEqual({ allowed: true, to: 'accepted' });
  });

  it('the same id in another kind is not the same person', () => {
    const t = ticket('resolved', { residentId: 's-owner' });
    expect(refusal(transition(t, 'confirm', owner)).code).toBe('FORBIDDEN');
    expect(refusal(transition(ticket('submitted', { ownerId: 'r1' }), 'accept', resident)).code).toBe('FORBIDDEN');
  });

  it('a resident asking to cancel after dispatch is told the state, not that they are the wrong person', () => {
    const r = refusal(transition(ticket('dispatched'), 'cancel', resident));
    expect(r.code).toBe('INVALID_TRANSITION');
    expect(r.reason).toBe('工单当前为「已派工」，不能取消；已派工的工单如需取消，请联系物业客服');
    // …and so is a stranger: the state is checked before the person.
    expect(refusal(transition(ticket('dispatched'), 'cancel', otherResident)).code).toBe('INVALID_TRANSITION');
  });

  it('names the current state in INVALID_TRANSITION', () => {
    expect(refusal(transition(ticket('dispatched'), 'accept', owner)).reason).toBe('工单当前为「已派工」，不能受理');
    expect(refusal(transition(ticket('closed'), 'resolve', technician)).reason).toBe('工单当前为「已完成」，不能办结');
    expect(refusal(transition(ticket('cancelled'), 'transfer', supervisor)).reason).toBe('工单当前为「已取消」，不能转交');
  });
});

describe('transition: on hold', () => {
  it.each<[TicketAction, TicketStatus, ActorName]>([
    ['dispatch', 'accepted', 'owner'],
    ['dispatch', 'dispatched', 'owner'],
    ['start', 'dispatched', 'technician'],
    ['resolve', 'accepted', 'owner'],
    ['resolve', 'in_progress', 'technician'],
  ])('%s from %s by %s is refused until the clock is resumed', (action, status, actor) => {
    expect(transition(ticket(status, { onHold: true }), action, ACTORS[actor])).toEqual({
      allowed: false,
      code: 'INVALID_TRANSITION',
      reason: '工单已挂起，请先恢复计时',
    });
  });

  it('cannot be held twice, nor resumed when running', () => {
    expect(refusal(transition(ticket('in_progress', { onHold: true }), 'hold', technician)).reason).toBe('工单已挂起，不能重复挂起');
    expect(refusal(transition(ticket('in_progress'), 'resume', technician)).reason).toBe('工单未挂起，无需恢复计时');
  });

  it('a status without clocks to pause names the status rather than the hold', () => {
    expect(refusal(transition(ticket('submitted'), 'hold', owner)).reason).toBe('工单当前为「待受理」，不能挂起');
    expect(refusal(transition(ticket('resolved'), 'resume', owner)).reason).toBe('工单当前为「待确认」，不能恢复计时');
  });

  it.each<[TicketAction, ActorName, TicketStatus]>([
    ['cancel', 'owner', 'cancelled'],
    ['cancel', 'supervisor', 'cancelled'],
    ['transfer', 'supervisor', 'in_progress'],
    ['comment', 'resident', 'in_progress'],
    ['urge', 'resident', 'in_progress'],
  ])('%s by %s still works while on hold', (action, actor, target) => {
    expect(transition(ticket('in_progress', { onHold: true }), action, ACTORS[actor])).toEqual({ allowed: true, to: target });
  });
});

describe('transition: rating', () => {
  it('is refused once rated, with 409 and a kind message', () => {
    const r = refusal(transition(ticket('closed', { rated: true }), 'rate', resident));
    expect(r).toEqual({ allowed: false, code: 'INVALID_TRANSITION', reason: '您已评价过该工单', conflict: 'ALREADY_RATED' });
    expect(refusalToApiError(r)).toEqual({ statusCode: 409, code: 'ALREADY_RATED', message: '您已评价过该工单' });
  });

  it('is not possible before resolution', () => {
    expect(refusal(transition(ticket('in_progress'), 'rate', resident)).reason).toBe('工单当前为「处理中」，不能评价');
  });
});

describe('transition: paid services', () => {
  it('a pending quote blocks start and resolve with 409 QUOTE_PENDING', () => {
    for (const [status, action] of [
      ['dispatched', 'start'],
      ['in_progress', 'resolve'],
    ] as const) {
      const r = refusal(transition(ticket(status, { quotePending: true }), action, technician));
      expect(r.conflict).toBe('QUOTE_PENDING');
      expect(refusalToApiError(r)).toMatchObject({ statusCode: 409, code: 'QUOTE_PENDING' });
    }
  });

  it('closing while unpaid is refused with 409 PAYMENT_DUE, for the resident, the owner and the scheduler', () => {
    for (const [action, actor] of [
      ['confirm', resident],
      ['verify', ACTORS.owner],
      ['auto_confirm', { kind: 'system' }],
    ] as const) {
      const r = refusal(transition(ticket('resolved', { paymentDue: true }), action, actor));
      expect(r.conflict).toBe('PAYMENT_DUE');
      expect(refusalToApiError(r)).toMatchObject({ statusCode: 409, code: 'PAYMENT_DUE' });
    }
  });

  it('the wrong state still answers INVALID_TRANSITION, not the settlement', () => {
    expect(refusal(transition(ticket('submitted', { quotePending: true }), 'resolve', ACTORS.owner)).code).toBe('INVALID_TRANSITION');
    expect(refusal(transition(ticket('dispatched'), 'approve_quote', resident)).reason).toBe('没有待确认的报价');
  });
});

describe('transition: claim', () => {
  it('of an owned ticket is a conflict the server answers with 409 ALREADY_OWNED', () => {
    const r = refusal(transition(ticket('submitted'), 'claim', otherAgent));
    expect(r).toEqual({ allowed: false, code: 'INVALID_TRANSITION', reason: '该工单已有首接人', conflict: 'ALREADY_OWNED' });
    expect(refusalToApiError(r)).toEqual({ statusCode: 409, code: 'ALREADY_OWNED', message: '该工单已有首接人' });
  });

  it('of a finished ticket names the state, not the owner', () => {
    const r = refusal(transition(ticket('closed'), 'claim', otherAgent));
    expect(r.reason).toBe('工单当前为「已完成」，不能认领');
    expect(r.conflict).toBeUndefined();
  });

  it('is for agents and supervisors only', () => {
    const r = refusal(transition(ticket('submitted', { ownerId: null }), 'claim', technician));
    expect(r).toEqual({ allowed: false, code: 'FORBIDDEN', reason: '只有客服专员或客服主管可以认领' });
    expect(refusalToApiError(r)).toEqual({ statusCode: 403, code: 'FORBIDDEN', message: '只有客服专员或客服主管可以认领' });
  });

  it('leaves the status alone', () => {
    expect(transition(ticket('dispatched', { ownerId: null }), 'claim', otherAgent)).toEqual({ allowed: true, to: 'dispatched' });
  });

  it('an agent acting on a pooled ticket is told to claim it first', () => {
    const pooled = ticket('submitted', { ownerId: null });
    expect(transition(pooled, 'accept', otherAgent)).toEqual({
      allowed: false,
      code: 'FORBIDDEN',
      reason: '该工单还没有首接人，请先认领后再受理',
    });
    // A technician cannot claim, so the hint would be wrong for them.
    expect(refusal(transition(pooled, 'accept', technician)).reason).toBe('只有首接人可以受理');
  });
});

describe('allowedActions', () => {
  it.each<[string, TicketState, ActorName, TicketAction[]]>([
    ['owner, new request', ticket('submitted'), 'owner', ['accept', 'cancel', 'comment', 'merge']],
    ['resident, new request', ticket('submitted'), 'resident', ['cancel', 'comment', 'urge']],
    ['another resident', ticket('submitted'), 'otherResident', []],
    ['agent, pooled request', ticket('submitted', { ownerId: null }), 'otherAgent', ['claim', 'comment']],
    ['owner, accepted', ticket('accepted'), 'owner', ['dispatch', 'hold', 'resolve', 'cancel', 'comment', 'merge', 'quote']],
    ['assigned technician, dispatched', ticket('dispatched'), 'technician', ['reschedule', 'start', 'hold', 'resolve', 'comment', 'quote']],
    ['assigned technician, quote pending', ticket('dispatched', { quotePending: true }), 'technician', ['reschedule', 'hold', 'comment', 'quote']],
    ['resident, quote pending', ticket('dispatched', { quotePending: true }), 'resident', ['comment', 'urge', 'approve_quote', 'decline_quote']],
    ['resident, resolved and unpaid', ticket('resolved', { paymentDue: true }), 'resident', ['reopen', 'comment', 'rate', 'pay']],
    ['supervisor, resolved and unpaid', ticket('resolved', { paymentDue: true }), 'supervisor', ['transfer', 'comment', 'record_payment', 'waive']],
    ['other technician, dispatched', ticket('dispatched'), 'otherTechnician', ['comment']],
    ['owner, on hold', ticket('dispatched', { onHold: true }), 'owner', ['resume', 'cancel', 'comment', 'merge', 'quote']],
    ['supervisor, in progress', ticket('in_progress'), 'supervisor', ['cancel', 'transfer', 'comment', 'merge']],
    ['resident, resolved', ticket('resolved'), 'resident', ['confirm', 'reopen', 'comment', 'rate']],
    ['owner, resolved', ticket('resolved'), 'owner', ['verify', 'reopen', 'comment']],
    ['system, resolved', ticket('resolved'), 'system', ['auto_confirm']],
    ['owner, closed', ticket('closed'), 'owner', ['reopen', 'revisit', 'comment']],
    ['resident, revisited and rated', ticket('revisited', { rated: true }), 'resident', ['comment']],
    ['supervisor, cancelled', ticket('cancelled'), 'supervisor', ['comment']],
  ])('%s', (_, t, actor, expected) => {
    expect(allowedActions(t, ACTORS[actor])).toEqual(expected);
  });
});

describe('ticketStateOf', () => {
  const detail: Pick<TicketDetail, 'status' | 'owner' | 'assignee' | 'residentId' | 'onHold' | 'rating'> = {
    status: 'resolved',
    owner: { id: 's-owner', name: '王芳' },
    assignee: { id: 's-tech', name: '李强' },
    residentId: 'r1',
    onHold: false,
    rating: { attitude: 5, timeliness: 4, quality: 5, comment: null, tags: [], reply: null },
  };

  it('reads the ids and the rating off a ticket detail', () => {
    expect(ticketStateOf(detail)).toEqual({
      status: 'resolved',
      ownerId: 's-owner',
      assigneeId: 's-tech',
      residentId: 'r1',
      onHold: false,
      rated: true,
      quotePending: false,
      paymentDue: false,
      complaint: null,
    });
    expect(ticketStateOf({ ...detail, quotePending: true, dueFen: 1200 })).toMatchObject({ quotePending: true, paymentDue: true });
  });

  it('an unowned, unassigned, unrated ticket', () => {
    expect(ticketStateOf({ ...detail, owner: null, assignee: null, rating: null, onHold: true })).toMatchObject({
      ownerId: null,
      assigneeId: null,
      rated: false,
      onHold: true,
    });
  });
});

describe('transition: complaints', () => {
  const complaint = (status: TicketStatus, formallyReplied = false, extra: Partial<TicketState> = {}) =>
    ticket(status, { complaint: { formallyReplied }, ...extra });

  it('refuses to resolve a complaint before its formal reply: 409 FORMAL_REPLY_REQUIRED, for the owner and the technician alike', () => {
    for (const actor of [owner, technician]) {
      const r = refusal(transition(complaint('accepted'), 'resolve', actor));
      expect(r).toMatchObject({ code: 'INVALID_TRANSITION', conflict: 'FORMAL_REPLY_REQUIRED' });
      expect(r.reason).toContain('正式答复');
      expect(refusalToApiError(r)).toMatchObject({ statusCode: 409, code: 'FORMAL_REPLY_REQUIRED' });
    }
    // A stranger learns the state first, like every other action (409, not 403, and the same conflict).
    expect(refusal(transition(complaint('accepted'), 'resolve', otherAgent))).toMatchObject({ conflict: 'FORMAL_REPLY_REQUIRED' });
    // Other types, and an incident's resolution, need no formal reply.
    expect(transition(ticket('accepted'), 'resolve', owner)).toEqual({ allowed: true, to: 'resolved' });
    expect(transition(complaint('accepted'), 'resolve', system)).toEqual({ allowed: true, to: 'resolved' });
  });

  it('offers the complaint actions on complaints only, to the owner (the level to a supervisor too)', () => {
    const r = refusal(transition(ticket('accepted'), 'formal_reply', owner));
    expect(r).toMatchObject({ code: 'INVALID_TRANSITION', reason: '只有投诉工单可以正式答复' });
    expect(refusal(transition(complaint('accepted'), 'judge', otherAgent))).toMatchObject({ code: 'FORBIDDEN', reason: '只有首接人可以认定' });
    expect(refusal(transition(complaint('accepted'), 'formal_reply', supervisor))).toMatchObject({ code: 'FORBIDDEN' });
    expect(transition(complaint('submitted'), 'grade', supervisor)).toEqual({ allowed: true, to: 'submitted' });
    expect(refusal(transition(complaint('accepted', false, { onHold: true }), 'formal_reply', owner))).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: '工单已挂起，请先恢复计时',
    });
    expect(allowedActions(complaint('accepted'), owner)).toEqual([
      'dispatch',
      'hold',
      'cancel',
      'comment',
      'merge',
      'grade',
      'judge',
      'investigate',
      'formal_reply',
    ]);
    expect(allowedActions(complaint('accepted', true), owner)).toContain('resolve');
  });

  it('reads a complaint from the detail: a formal reply given or not; list items and other types carry none', () => {
    const base = { status: 'accepted' as const, owner: { id: 's-owner' }, assignee: null, residentId: 'r1', onHold: false, rating: null };
    expect(ticketStateOf({ ...base, complaint: { formalReply: null } }).complaint).toEqual({ formallyReplied: false });
    expect(ticketStateOf({ ...base, complaint: { formalReply: { result: '…' } } }).complaint).toEqual({ formallyReplied: true });
    expect(ticketStateOf(base).complaint).toBeNull();
  });
});

describe('TRANSITIONS (the data)', () => {
  it('every action has a rule and every rule names real statuses and someone who may act', () => {
    for (const action of TICKET_ACTIONS) expect(TRANSITIONS.some((r) => r.action === action)).toBe(true);
    for (const rule of TRANSITIONS) {
      expect(rule.from.length).toBeGreaterThan(0);
      expect(rule.by.length).toBeGreaterThan(0);
      for (const s of rule.from) expect(TICKET_STATUSES).toContain(s);
      if (rule.to !== 'same') expect(TICKET_STATUSES).toContain(rule.to);
    }
  });

  it('nothing leaves cancelled or revisited except a comment', () => {
    for (const status of ['cancelled', 'revisited'] as const) {
      const moving = TRANSITIONS.filter((r) => r.from.includes(status) && r.to !== 'same');
      expect(moving).toEqual([]);
    }
  });
});
