import type { EntityManager } from 'typeorm';
import { RoutingService } from './routing.service';

/** A manager whose only query is the open-request count per agent (the load comparison). */
function managerWithLoads(loads: Record<string, number>) {
  const calls: unknown[][] = [];
  const manager = {
    query: async (_sql: string, params: unknown[]) => {
      calls.push(params);
      return Object.entries(loads).map(([ownerId, n]) => ({ ownerId, n: String(n) }));
    },
  } as unknown as EntityManager;
  return { manager, calls };
}

describe('RoutingService.chooseAmong (the agents onDutySql found)', () => {
  const routing = new RoutingService();

  it('takes the zone agent before the community-wide (night) shift, without counting when there is one', async () => {
    const { manager, calls } = managerWithLoads({});
    const onDuty = JSON.stringify([
      { id: 4, name: '夜班', zone: 0 },
      { id: 1, name: '王芳', zone: 1 },
    ]);
    expect(await routing.chooseAmong(manager, onDuty)).toEqual({ ownerId: '1', ownerName: '王芳', basis: 'zone_shift' });
    expect(calls).toHaveLength(0);
  });

  it('falls back to the community shift, and to the pool when nobody is on duty (NULL on MariaDB, [] on SQLite)', async () => {
    const { manager } = managerWithLoads({});
    expect(await routing.chooseAmong(manager, [{ id: '7', name: '夜班', zone: 0 }])).toEqual({ ownerId: '7', ownerName: '夜班', basis: 'community_shift' });
    expect(await routing.chooseAmong(manager, null)).toEqual({ ownerId: null, ownerName: null, basis: 'pool' });
    expect(await routing.chooseAmong(manager, '[]')).toEqual({ ownerId: null, ownerName: null, basis: 'pool' });
  });

  it('among several, the fewest open requests, lowest id on a tie; an agent on two overlapping shifts counts once', async () => {
    const { manager, calls } = managerWithLoads({ '10': 3, '9': 1, '12': 1 });
    const onDuty = [
      { id: 10, name: 'A', zone: 1 },
      { id: 12, name: 'C', zone: 1 },
      { id: 9, name: 'B', zone: 1 },
      { id: 12, name: 'C', zone: 1 },
    ];
    expect(await routing.chooseAmong(manager, onDuty)).toEqual({ ownerId: '9', ownerName: 'B', basis: 'zone_shift' });
    expect(calls[0]!.slice(0, 3)).toEqual(['9', '10', '12']);
  });

  it('an agent with no open request has none to count against them', async () => {
    const { manager } = managerWithLoads({ '2': 5 });
    const onDuty = [
      { id: 2, name: 'A', zone: 1 },
      { id: 3, name: 'B', zone: 1 },
    ];
    expect(await routing.chooseAmong(manager, onDuty)).toEqual({ ownerId: '3', ownerName: 'B', basis: 'zone_shift' });
  });
});
