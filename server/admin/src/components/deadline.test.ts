import type { TicketClock } from '@yizhan/shared';
import { describe, expect, it } from 'vitest';
import { ticket } from '../test/helpers';
import { deadlineLevel, deadlineRowClass } from './deadline';

const now = new Date('2026-11-23T08:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
/** The clock as the server sends it (warn lead 30 minutes). */
const clock = (name: TicketClock['name'], dueInMin: number, state: TicketClock['state']): TicketClock => ({
  name,
  dueAt: at(dueInMin),
  warnAt: at(dueInMin - 30),
  state,
});

describe('deadline highlighting follows the clock the server sends', () => {
  it('inside the warn lead is "near"; comfortably inside the limit is plain', () => {
    const t = ticket({ status: 'submitted', clock: clock('respond', 20, 'warning') });
    expect(deadlineLevel(t, now)).toBe('near');
    expect(deadlineRowClass(t, now)).toBe('row-near');
    expect(deadlineLevel(ticket({ clock: clock('respond', 120, 'ok') }), now)).toBe('ok');
  });

  it('moves on with the time: past warnAt turns near, past dueAt overdue, without a reload', () => {
    const t = ticket({ clock: clock('resolve', 40, 'ok') });
    expect(deadlineLevel(t, new Date(now.getTime() + 15 * 60_000))).toBe('near');
    expect(deadlineRowClass(t, new Date(now.getTime() + 41 * 60_000))).toBe('row-overdue');
  });

  it('a breached clock is overdue', () => {
    expect(deadlineRowClass(ticket({ status: 'in_progress', clock: clock('resolve', -5, 'breached') }), now)).toBe('row-overdue');
  });

  it('a paused ticket is not counted down, but a breach already recorded stays red', () => {
    expect(deadlineLevel(ticket({ status: 'in_progress', onHold: true, clock: clock('resolve', -5, 'paused') }), now)).toBe('ok');
    expect(deadlineLevel(ticket({ status: 'in_progress', onHold: true, overdue: ['onsite'], clock: clock('resolve', 300, 'paused') }), now)).toBe('overdue');
  });

  it('with no clock running there is nothing to show, unless a breach was recorded', () => {
    expect(deadlineLevel(ticket({ status: 'cancelled', clock: null }), now)).toBeNull();
    expect(deadlineLevel(ticket({ status: 'revisited', clock: null, overdue: ['revisit'] }), now)).toBe('overdue');
  });
});
