import { describe, expect, it } from 'vitest';
import { ticket } from '../test/helpers';
import { currentDeadline, deadlineLevel, deadlineRowClass } from './deadline';

const now = new Date('2026-11-23T08:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
const d = (over: Partial<ReturnType<typeof ticket>['deadlines']>) => ({ respondBy: null, onsiteBy: null, resolveBy: null, confirmBy: null, revisitBy: null, ...over });

describe('deadline highlighting', () => {
  it('a new ticket races the response limit; under an hour left is "near"', () => {
    const t = ticket({ status: 'submitted', deadlines: d({ respondBy: at(30) }) });
    expect(currentDeadline(t)?.clock).toBe('respond');
    expect(deadlineLevel(t, now)).toBe('near');
    expect(deadlineRowClass(t, now)).toBe('row-near');
  });

  it('past the deadline is overdue even before the scanner marks it', () => {
    const t = ticket({ status: 'in_progress', deadlines: d({ resolveBy: at(-5) }) });
    expect(deadlineRowClass(t, now)).toBe('row-overdue');
  });

  it('a paused ticket is not counted down, but a breach already recorded stays red', () => {
    expect(deadlineLevel(ticket({ status: 'in_progress', onHold: true, deadlines: d({ resolveBy: at(-5) }) }), now)).toBe('ok');
    expect(deadlineLevel(ticket({ status: 'in_progress', onHold: true, overdue: ['onsite'], deadlines: d({ resolveBy: at(300) }) }), now)).toBe('overdue');
  });

  it('after resolution the confirmation and then the return-visit limits apply', () => {
    expect(currentDeadline(ticket({ status: 'resolved', deadlines: d({ confirmBy: at(100), revisitBy: at(50) }) }))?.clock).toBe('confirm');
    expect(currentDeadline(ticket({ status: 'closed', deadlines: d({ revisitBy: at(50) }) }))?.clock).toBe('revisit');
    expect(currentDeadline(ticket({ status: 'cancelled' }))).toBeNull();
  });
});
