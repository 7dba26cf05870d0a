import type { SlaPolicy } from '@yizhan/shared';
import { describe, expect, it } from 'vitest';
import { rowsFor } from './index';

describe('the SLA page rows', () => {
  it('has a row per complaint level (一般 / 重大) and priority, with the built-in limits until a community sets its own', () => {
    const rows = rowsFor([]);
    const complaints = rows.filter((r) => r.type === 'complaint');
    expect(complaints.map((r) => `${r.level}/${r.priority}`)).toEqual(['general/normal', 'general/urgent', 'major/normal', 'major/urgent']);
    expect(complaints[2]!.durations).toMatchObject({ respond: 2 * 3600, resolve: 48 * 3600, onsite: null });
    expect(rows.filter((r) => r.type === 'repair').map((r) => r.level)).toEqual(['general', 'general']);
  });

  it('reads a community’s own 重大 policy into its row only, leaving 一般’s working-day limit alone', () => {
    const own: SlaPolicy = {
      id: 'p1',
      communityId: 'c1',
      type: 'complaint',
      priority: 'normal',
      level: 'major',
      isDefault: false,
      respondWithinSec: 3600,
      onsiteWithinSec: null,
      resolveWithinSec: 24 * 3600,
      resolveWorkingDays: null,
      confirmWithinSec: 259200,
      revisitWithinSec: 86400,
    };
    const general: SlaPolicy = {
      ...own,
      id: null,
      level: 'general',
      isDefault: true,
      respondWithinSec: 86400,
      resolveWithinSec: 7 * 86400,
      resolveWorkingDays: 7,
    };
    const rows = rowsFor([general, own]);
    const major = rows.find((r) => r.key === 'complaint:major:normal')!;
    expect(major.policy?.id).toBe('p1');
    expect(major.durations.resolve).toBe(24 * 3600);
    const usual = rows.find((r) => r.key === 'complaint:general:normal')!;
    expect(usual.policy).toBeNull();
    expect(usual.resolveWorkingDays).toBe(7);
  });
});
