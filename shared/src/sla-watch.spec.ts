import { CLOCK_BIT, clockOf, milestonesOf, nextDueAt, queueDueAt, watchedClocks, type WatchedTicket } from './sla-watch';

const MIN = 60_000;
const created = new Date('2026-11-23T01:00:00Z');
const at = (minutes: number) => new Date(created.getTime() + minutes * MIN);
const SETTINGS = { warnLeadSec: 30 * 60, escalateAfterSec: 60 * 60 };

/** A repair submitted at `created`: respond in 2 h, on site in 24 h, resolved in 72 h. */
function ticket(over: Partial<WatchedTicket> = {}): WatchedTicket {
  return {
    respondBy: at(120),
    onsiteBy: at(24 * 60),
    resolveBy: at(72 * 60),
    confirmBy: null,
    revisitBy: null,
    ...milestonesOf({}),
    heldAt: null,
    slaWarned: 0,
    slaBreached: 0,
    escalationLevel: 0,
    escalatedAt: null,
    ...over,
  };
}

describe('watchedClocks', () => {
  it('lists the running clocks with deadlines, in clock order', () => {
    expect(watchedClocks(ticket()).map((c) => c.clock)).toEqual(['respond', 'onsite', 'resolve']);
    expect(watchedClocks(ticket({ respondedAt: at(10) })).map((c) => c.clock)).toEqual(['onsite', 'resolve']);
  });
  it('watches nothing while the ticket is on hold', () => {
    expect(watchedClocks(ticket({ heldAt: at(5) }))).toEqual([]);
  });
  it('skips a clock without a deadline (a complaint has no on-site limit)', () => {
    expect(watchedClocks(ticket({ onsiteBy: null })).map((c) => c.clock)).toEqual(['respond', 'resolve']);
  });
});

describe('nextDueAt', () => {
  it('is the warning before the first deadline', () => {
    expect(nextDueAt(ticket(), SETTINGS)).toEqual(at(90));
  });
  it('after the warning, the deadline itself', () => {
    expect(nextDueAt(ticket({ slaWarned: CLOCK_BIT.respond }), SETTINGS)).toEqual(at(120));
  });
  it('a recorded breach is not due again; the next clock is', () => {
    const t = ticket({ slaWarned: CLOCK_BIT.respond, slaBreached: CLOCK_BIT.respond });
    expect(nextDueAt(t, SETTINGS)).toEqual(at(24 * 60 - 30));
  });
  it('the second escalation level falls due escalateAfterSec after the first', () => {
    const t = ticket({ slaBreached: CLOCK_BIT.respond, escalationLevel: 1, escalatedAt: at(121), onsiteBy: null, resolveBy: null });
    expect(nextDueAt(t, SETTINGS)).toEqual(at(181));
  });
  it('confirmation is never warned (it auto-closes)', () => {
    const t = ticket({ respondedAt: at(1), onsiteAt: at(2), resolvedAt: at(3), confirmBy: at(3 + 72 * 60), revisitBy: null });
    expect(nextDueAt(t, SETTINGS)).toEqual(at(3 + 72 * 60));
  });
  it('nothing is due without a running clock, or with a warn lead of 0 only the deadline', () => {
    expect(nextDueAt(ticket({ cancelledAt: at(5) }), SETTINGS)).toBeNull();
    expect(nextDueAt(ticket(), { ...SETTINGS, warnLeadSec: 0 })).toEqual(at(120));
  });
});

describe('clockOf: the one clock a screen shows', () => {
  const lead = SETTINGS.warnLeadSec;
  it('a new ticket races the response limit: ok, then warning within the lead, then breached', () => {
    expect(clockOf(ticket(), at(10), lead)).toEqual({ name: 'respond', dueAt: at(120), warnAt: at(90), state: 'ok' });
    expect(clockOf(ticket(), at(90), lead)?.state).toBe('warning');
    expect(clockOf(ticket(), at(121), lead)?.state).toBe('breached');
  });
  it('meeting the deadline exactly is still inside it', () => {
    expect(clockOf(ticket(), at(120), lead)?.state).toBe('warning');
  });
  it('once accepted, the on-site limit; once started, the resolution limit', () => {
    expect(clockOf(ticket({ respondedAt: at(5) }), at(10), lead)?.name).toBe('onsite');
    expect(clockOf(ticket({ respondedAt: at(5), onsiteAt: at(60) }), at(70), lead)?.name).toBe('resolve');
  });
  it('after resolution the confirmation and then the return-visit limits apply', () => {
    const resolved = ticket({ respondedAt: at(5), onsiteAt: at(60), resolvedAt: at(70), confirmBy: at(70 + 72 * 60), revisitBy: at(70 + 24 * 60) });
    expect(clockOf(resolved, at(80), lead)?.name).toBe('confirm');
    expect(clockOf({ ...resolved, closedAt: at(100) }, at(110), lead)?.name).toBe('revisit');
    expect(clockOf({ ...resolved, closedAt: at(100), revisitedAt: at(200) }, at(210), lead)).toBeNull();
    expect(clockOf(ticket({ cancelledAt: at(3) }), at(10), lead)).toBeNull();
  });
  it('a breach the scanner recorded stays breached even if the deadline moved', () => {
    expect(clockOf(ticket({ slaBreached: CLOCK_BIT.respond, respondBy: at(500) }), at(10), lead)?.state).toBe('breached');
  });
  it('on hold the clock is paused, however long the hold; a deadline missed before the hold stays breached', () => {
    expect(clockOf(ticket({ heldAt: at(60) }), at(600), lead)?.state).toBe('paused');
    expect(clockOf(ticket({ heldAt: at(130) }), at(600), lead)?.state).toBe('breached');
  });
});

describe('queueDueAt', () => {
  it('is the deadline of the clock being raced: respond, then on site, then resolve, then confirm', () => {
    expect(queueDueAt(ticket())).toEqual(at(120));
    expect(queueDueAt(ticket({ respondedAt: at(10) }))).toEqual(at(24 * 60));
    expect(queueDueAt(ticket({ respondedAt: at(10), onsiteAt: at(60) }))).toEqual(at(72 * 60));
    expect(queueDueAt(ticket({ respondedAt: at(10), onsiteAt: at(60), resolvedAt: at(90), confirmBy: at(90 + 72 * 60), revisitBy: at(90 + 48 * 60) }))).toEqual(
      at(90 + 72 * 60),
    );
  });

  it('an urgent request 12 minutes from its response limit sorts before a normal one with hours left', () => {
    const urgent = ticket({ respondBy: at(12), onsiteBy: at(30), resolveBy: at(24 * 60) });
    const normal = ticket({ respondBy: at(8 * 60) });
    const breached = ticket({ respondBy: at(-5) });
    const order = [normal, urgent, breached].sort((a, b) => queueDueAt(a)!.getTime() - queueDueAt(b)!.getTime());
    expect(order).toEqual([breached, urgent, normal]);
  });

  it('keeps the deadline while on hold, and is null once nothing runs', () => {
    expect(queueDueAt(ticket({ heldAt: at(5) }))).toEqual(at(120));
    expect(queueDueAt(ticket({ cancelledAt: at(5) }))).toBeNull();
  });
});
