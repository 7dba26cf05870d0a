import type { DataSource } from 'typeorm';

/**
 * Whether a staff token issued at `accessVersion` still speaks for its account: the
 * account is active and nothing it may do has changed since (staff.access_version,
 * raised by deactivation and by new roles, communities or password). One primary-key read.
 */
export async function staffAccessIsCurrent(dataSource: DataSource, staffId: string, accessVersion: number): Promise<boolean> {
  const [row] = await dataSource.query('SELECT active, access_version AS accessVersion FROM staff WHERE id = ?', [staffId]);
  return Boolean(row) && Boolean(Number(row.active)) && Number(row.accessVersion) === accessVersion;
}
