import type { CurrentUser } from '@jv/contracts';
import type { SqlParams } from './sql';

/*
 * Who sees and acts on which records: the facility / partner scope of a user, written once per kind
 * of record. Queries add these conditions to their WHERE (so a record out of scope answers 404, never
 * 403, and lists simply leave it out); no query spells the rule out itself.
 *
 * - systems: partner users read only their country's systems (a partner account without a country
 *   sees none); acting on a system (status change, usage report) workshop users only at their facilities.
 * - repair jobs: workshop users see their facilities' jobs, partner users the jobs on their country's systems.
 * - component requests: workshop users see the requests to their facilities, partner users the requests
 *   their country supplies.
 * - everyone else (admin, logistics, training, viewer): everything their role may read.
 */

export type ScopedUser = Pick<CurrentUser, 'role' | 'partnerId' | 'facilityIds'>;

const ALIAS = /^[a-z_][a-z0-9_]*$/;

function alias(name: string): string {
  // aliases come from code, never from a request; checked anyway since they go into the SQL text
  if (!ALIAS.test(name)) throw new Error(`scope: bad table alias ${name}`);
  return name;
}

export interface SystemScopeOptions {
  /** the alias of `systems` in the query (default `s`) */
  alias?: string;
  /** `read` (lists, reads) or `act` (status change, usage report: workshop users only at their facilities) */
  purpose?: 'read' | 'act';
}

/** The caller's scope on systems `alias`, as parameterised SQL conditions to AND (none: no restriction). */
export function systemScope(
  user: ScopedUser,
  p: SqlParams,
  { alias: s = 's', purpose = 'read' }: SystemScopeOptions = {},
): string[] {
  const a = alias(s);
  const out: string[] = [];
  if (user.role === 'partner')
    out.push(user.partnerId ? `${a}.donor_partner_id = ${p.add(user.partnerId)}::uuid` : 'false');
  if (purpose === 'act' && user.role === 'workshop')
    out.push(`${a}.facility_id = ANY(${p.add(user.facilityIds)}::uuid[])`);
  return out;
}

export interface RepairJobScopeOptions {
  /** the alias of `repair_jobs` in the query (default `j`) */
  job?: string;
  /**
   * the alias of the job's system when the query joins `systems` (the partner condition is then put on
   * it); without one the partner condition looks the system up itself
   */
  system?: string;
}

/** The caller's scope on repair jobs `job`, as parameterised SQL conditions to AND (none: no restriction). */
export function repairJobScope(
  user: ScopedUser,
  p: SqlParams,
  { job = 'j', system }: RepairJobScopeOptions = {},
): string[] {
  const j = alias(job);
  if (user.role === 'workshop') return [`${j}.facility_id = ANY(${p.add(user.facilityIds)}::uuid[])`];
  if (user.role === 'partner') {
    // jobs on the partner's systems: the systems' read scope, on the joined system or a lookup of it
    if (system) return systemScope(user, p, { alias: system, purpose: 'read' });
    const onSystem = systemScope(user, p, { alias: 'scope_s', purpose: 'read' });
    return [`EXISTS (SELECT 1 FROM systems scope_s WHERE scope_s.id = ${j}.system_id AND ${onSystem.join(' AND ')})`];
  }
  return [];
}

/** Whether the caller may act at a facility (open jobs there, list its technicians): workshop users only at theirs. */
export const worksAt = (user: Pick<CurrentUser, 'role' | 'facilityIds'>, facilityId: string): boolean =>
  user.role !== 'workshop' || user.facilityIds.includes(facilityId);

/**
 * The caller's scope on component requests `alias` (default `r`), as parameterised SQL conditions to AND
 * (none: no restriction): workshop users see the requests to their facilities, partner users the requests
 * their country supplies (a partner account without a country sees none).
 */
export function componentRequestScope(user: ScopedUser, p: SqlParams, requestAlias = 'r'): string[] {
  const r = alias(requestAlias);
  if (user.role === 'workshop') return [`${r}.facility_id = ANY(${p.add(user.facilityIds)}::uuid[])`];
  if (user.role === 'partner')
    return [user.partnerId ? `${r}.supplier_partner_id = ${p.add(user.partnerId)}::uuid` : 'false'];
  return [];
}
