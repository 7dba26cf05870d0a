import { DataSource, SelectQueryBuilder } from 'typeorm';
import { OPEN_STATUSES, TICKET_STATUSES, TicketStatus } from '@yizhan/shared';
import { communityScope, isTechnicianOnly } from '../../common/access/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { dbKind } from '../../database/sql';
import type { TicketFilters, TicketKeyset } from './ticket-filters';
import { Ticket } from './ticket.entity';

/**
 * Newest/oldest lists as index walks that stop after a page, whatever the page's depth.
 *
 * `community_id = ? AND id < ? ORDER BY id DESC LIMIT 21` looks like one range on the
 * (community_id, id) index, but MariaDB (10.6–11.x) often answers it as an equality
 * lookup on that index (type `ref`) and filters `id < ?` row by row, reading every newer
 * entry of the community first — with 200,000 tickets in one community page 500 read
 * 10,000 rows for its 21 (npm run bench -- --scale single); on some data it walks the
 * primary key instead. So the walk names its index (FORCE INDEX, with which the keyset
 * bound is a range on the index's last column) and covers exactly the equality prefix of
 * that index: one walk per community × status when the filter lists several, each
 * returning at most a page of ids, merged here. The page's rows are then read by id.
 */

/** Which index a list walks, and the equality values of its leading columns, one set per walk. */
export interface WalkPlan {
  /** Index columns, the keyset column `id` last. */
  columns: string[];
  /** One entry per walk: the values of `columns` but the last. */
  walks: unknown[][];
}

/** Above this many walks (many communities × statuses) the list is one statement as before. */
const MAX_WALKS = 64;

const DONE_STATUSES = TICKET_STATUSES.filter((s) => !(OPEN_STATUSES as readonly string[]).includes(s));

function statusesOf(query: TicketFilters): readonly TicketStatus[] | null {
  if (query.status) return [query.status];
  if (query.stage === 'open') return OPEN_STATUSES;
  if (query.stage === 'done') return DONE_STATUSES;
  return null;
}

const cross = (a: unknown[], b: readonly unknown[]) => a.flatMap((x) => b.map((y) => [x, y]));

/** The walks for a list's filters (the caller's scope included), or null when the plain statement is as good. */
export function walkPlan(auth: AuthContext, query: TicketFilters): WalkPlan | null {
  const statuses = statusesOf(query);
  let plan: WalkPlan | null;
  if (auth.kind === 'resident') {
    plan = { columns: ['resident_id', 'id'], walks: [[auth.residentId]] };
  } else {
    const me = auth.staffId;
    const owner = query.ownerId ?? (query.mine === 'owner' ? me : undefined);
    const assignee = query.assigneeId ?? (query.mine === 'assignee' ? me : undefined);
    const scope = communityScope(auth);
    const communities = query.communityId ? [query.communityId] : scope === 'all' ? null : [...new Set(scope)];
    if (owner !== undefined) plan = { columns: ['owner_id', 'status', 'id'], walks: cross([owner], statuses ?? TICKET_STATUSES) };
    else if (assignee !== undefined) plan = { columns: ['assignee_id', 'status', 'id'], walks: cross([assignee], statuses ?? TICKET_STATUSES) };
    else if (isTechnicianOnly(auth) || !communities?.length) plan = null;
    else if (statuses) plan = { columns: ['community_id', 'status', 'id'], walks: cross(communities, statuses) };
    else plan = { columns: ['community_id', 'id'], walks: communities.map((c) => [c]) };
  }
  return plan && plan.walks.length <= MAX_WALKS ? plan : null;
}

/** The tickets index on exactly these columns (TypeORM names it from them). */
function indexName(dataSource: DataSource, columns: string[]): string {
  const index = dataSource.getMetadata(Ticket).indices.find((i) => i.columns.map((c) => c.databaseName).join() === columns.join());
  if (!index?.name) throw new Error(`no tickets index on (${columns.join(', ')})`);
  return index.name;
}

/** Stands for each walk's value of an index column in the one built statement. */
const slot = (k: number) => `\u0000walk-${k}`;

/**
 * The ids of one page (or export batch), newest or oldest first, walked as `plan` says
 * over `filtered()` (filterTickets' builder), after `after` when given. One statement:
 * a UNION ALL of the walks, each ordered and limited on its forced index.
 */
export async function walkIds(
  dataSource: DataSource,
  filtered: () => SelectQueryBuilder<Ticket>,
  plan: WalkPlan,
  sort: 'newest' | 'oldest',
  after: TicketKeyset | null,
  take: number,
): Promise<string[]> {
  const desc = sort === 'newest';
  const qb = filtered();
  const prefix = plan.columns.slice(0, -1);
  prefix.forEach((column, k) => qb.andWhere(`t.${column} = :walk${k}`, { [`walk${k}`]: slot(k) }));
  if (after) qb.andWhere(desc ? 't.id < :afterId' : 't.id > :afterId', { afterId: after.id });
  const [built, parameters] = qb
    .select('t.id', 'id')
    .orderBy('t.id', desc ? 'DESC' : 'ASC')
    .limit(take)
    .getQueryAndParameters();
  let sql = built;
  if (dbKind(dataSource) === 'mariadb') {
    const from = 'FROM `tickets` `t`';
    if (!sql.includes(from)) throw new Error('ticket walk: unexpected statement shape');
    sql = sql.replace(from, `${from} FORCE INDEX (\`${indexName(dataSource, plan.columns)}\`)`);
  }
  const bind = (walk: unknown[]) =>
    parameters.map((p) => {
      const k = prefix.findIndex((_, i) => p === slot(i));
      return k < 0 ? p : walk[k];
    });
  const rows: { id: string | number }[] =
    plan.walks.length === 1
      ? await dataSource.query(sql, bind(plan.walks[0]!))
      : await dataSource.query(
          plan.walks.map((_, n) => `SELECT * FROM (${sql}) w${n}`).join(' UNION ALL '),
          plan.walks.flatMap((walk) => bind(walk)),
        );
  const ids = [...new Set(rows.map((r) => BigInt(r.id)))];
  ids.sort((a, b) => (a === b ? 0 : a < b === desc ? 1 : -1));
  return ids.slice(0, take).map(String);
}
