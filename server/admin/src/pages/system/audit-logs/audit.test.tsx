import { describe, expect, it } from 'vitest';
import { dayjs, shanghaiDayStartIso } from '../../../time';
import { actionLabel, detailLines, targetText } from './index';

describe('audit log, as a person reads it', () => {
  it('names actions in Chinese, and targets by what they are called', () => {
    expect(actionLabel('ticket.reveal_phone')).toBe('查看完整电话');
    expect(actionLabel('ticket.transfer')).toBe('转交工单');
    expect(actionLabel('something.new')).toBe('something.new');
    expect(targetText({ targetType: 'ticket', targetId: '33', targetLabel: 'BX20261123-0007' })).toBe('工单 BX20261123-0007');
    expect(targetText({ targetType: 'resident', targetId: '9', targetLabel: null })).toBe('业主（已删除或已匿名）');
  });

  it('shows the readable part of a detail and leaves ids out', () => {
    expect(detailLines({ from: '12', to: '14', reason: '涉及 B2 区' })).toEqual(['原因：涉及 B2 区']);
    expect(detailLines({ username: 'shifu_li', roles: ['technician', 'agent'], communityIds: ['1'] })).toEqual(['账号：shifu_li', '角色：维修技师、客服专员']);
    expect(detailLines({ familyId: 'abc' })).toEqual([]);
    expect(detailLines(null)).toEqual([]);
  });

  it('takes the picked calendar day as a Shanghai day, whatever the device time zone', () => {
    // A picker on a device at UTC−8 shows 2026-12-07 as local midnight, which is 2026-12-07 08:00 UTC.
    const picked = dayjs.tz('2026-12-07 00:00', 'America/Los_Angeles');
    expect(shanghaiDayStartIso(picked)).toBe('2026-12-06T16:00:00.000Z');
    expect(shanghaiDayStartIso(dayjs.tz('2026-12-07 23:30', 'UTC'))).toBe('2026-12-06T16:00:00.000Z');
  });
});
