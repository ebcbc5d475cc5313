import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CurrentUser,
  PlanVsActual,
  PlanVsActualQuery,
  PutSupplyPlanInput,
  SupplyPlanResponse,
} from '@jv/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { type FieldErrorInput, NotFound, StaleVersion, ValidationFailed } from '../../common/errors';
import { updateVersioned } from '../../common/optimistic';
import { withConstraintErrors } from '../../common/pg-errors';
import { AuditService } from '../audit/audit.service';

type Actor = Pick<CurrentUser, 'id' | 'role' | 'partnerId'>;
type Manager = Pick<EntityManager, 'query'>;
type PlanLine = SupplyPlanResponse['lines'][number];

/** At most this many months in one plan-vs-actual answer. */
export const PLAN_VS_ACTUAL_MAX_MONTHS = 36;

/** `2026-03` → `2026-03-01` (plans are stored on the first day of their month). */
export const firstDay = (month: string) => `${month}-01`;

/** Months from `from` to `to` inclusive (both YYYY-MM); negative when `to` comes first. */
export const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

interface PlanRow {
  id: string;
  version: number;
  updated_at: Date;
}

interface LineRow {
  component_id: string | null;
  system_model_id: string | null;
  label: string;
  quantity: number;
}

interface PlanVsActualRow {
  month: string;
  component_id: string | null;
  system_model_id: string | null;
  label: string | null;
  planned: number | null;
  delivered: number | null;
  fulfilment: number | null;
  month_planned: number;
  month_delivered: number;
  month_fulfilment: number | null;
}

/** Components first (by part number), then system models (by designation). */
const LINES_SQL = `SELECT l.component_id, l.system_model_id, coalesce(c.part_number, sm.designation) AS label,
       l.quantity
  FROM supply_plan_lines l
  LEFT JOIN components c ON c.id = l.component_id
  LEFT JOIN system_models sm ON sm.id = l.system_model_id
 WHERE l.plan_id = $1
 ORDER BY l.component_id IS NULL, label, l.id`;

/**
 * Plan vs actual for partner $1 over the months $2 .. $3 (first days), in one statement: every month
 * of the period (generate_series), each plan line of the month with what arrived in that month —
 * for a component, the deliveries received on requests approved with this partner as supplier; for a
 * system model, the systems this partner donated with `delivered_on` in the month — and the month's
 * totals (window sums over its lines). Deliveries and systems are aggregated per month and component
 * or model first (one pass over the period), then joined to the plan lines.
 */
const PLAN_VS_ACTUAL_SQL = `
WITH months AS (
  SELECT g::date AS month FROM generate_series($2::date, $3::date, interval '1 month') AS g
),
period AS (SELECT $2::date AS first_day, ($3::date + interval '1 month')::date AS end_day),
plan_lines AS (
  SELECT p.month, l.id, l.component_id, l.system_model_id, l.quantity
    FROM supply_plans p JOIN supply_plan_lines l ON l.plan_id = p.id
   WHERE p.partner_id = $1 AND p.month >= $2::date AND p.month <= $3::date
),
component_actual AS (
  SELECT date_trunc('month', d.received_on)::date AS month, r.component_id, sum(d.quantity)::int AS delivered
    FROM deliveries d
    JOIN component_requests r ON r.id = d.request_id
    CROSS JOIN period
   WHERE r.supplier_partner_id = $1 AND d.received_on >= period.first_day AND d.received_on < period.end_day
   GROUP BY 1, 2
),
model_actual AS (
  SELECT date_trunc('month', s.delivered_on)::date AS month, s.model_id, count(*)::int AS delivered
    FROM systems s CROSS JOIN period
   WHERE s.donor_partner_id = $1 AND s.delivered_on >= period.first_day AND s.delivered_on < period.end_day
   GROUP BY 1, 2
),
line_figures AS (
  SELECT mo.month, l.id AS line_id, l.component_id, l.system_model_id,
         coalesce(c.part_number, sm.designation) AS label, l.quantity AS planned,
         coalesce(ca.delivered, ma.delivered, CASE WHEN l.id IS NOT NULL THEN 0 END) AS delivered
    FROM months mo
    LEFT JOIN plan_lines l ON l.month = mo.month
    LEFT JOIN components c ON c.id = l.component_id
    LEFT JOIN system_models sm ON sm.id = l.system_model_id
    LEFT JOIN component_actual ca ON ca.month = mo.month AND ca.component_id = l.component_id
    LEFT JOIN model_actual ma ON ma.month = mo.month AND ma.model_id = l.system_model_id
),
with_totals AS (
  SELECT f.*,
         coalesce(sum(f.planned) OVER w, 0)::int AS month_planned,
         coalesce(sum(f.delivered) OVER w, 0)::int AS month_delivered
    FROM line_figures f
  WINDOW w AS (PARTITION BY f.month)
)
SELECT to_char(t.month, 'YYYY-MM') AS month, t.component_id, t.system_model_id, t.label, t.planned, t.delivered,
       CASE WHEN t.planned > 0 THEN round(100.0 * t.delivered / t.planned, 1)::float8 END AS fulfilment,
       t.month_planned, t.month_delivered,
       CASE WHEN t.month_planned > 0 THEN round(100.0 * t.month_delivered / t.month_planned, 1)::float8 END
         AS month_fulfilment
  FROM with_totals t
 ORDER BY t.month, t.component_id IS NULL, t.label, t.line_id`;

const toLine = (r: LineRow): PlanLine => ({
  componentId: r.component_id,
  systemModelId: r.system_model_id,
  label: r.label,
  quantity: r.quantity,
});

/**
 * Monthly supply plans per partner country (what it plans to deliver: components and systems of a
 * model) and plan vs actual. Partner users read only their own country's; another country is 404,
 * like a missing one.
 */
@Injectable()
export class SupplyPlansService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** The month's plan; version 0 and no lines when there is none yet. */
  async get(partnerId: string, month: string, user: Actor, m: Manager = this.db.manager): Promise<SupplyPlanResponse> {
    const partnerCode = await this.visiblePartner(m, partnerId, user);
    const [plan]: PlanRow[] = await m.query(
      `SELECT id, version, updated_at FROM supply_plans WHERE partner_id = $1 AND month = $2::date`,
      [partnerId, firstDay(month)],
    );
    const lines: LineRow[] = plan ? await m.query(LINES_SQL, [plan.id]) : [];
    return {
      partnerId,
      partnerCode,
      month,
      version: plan?.version ?? 0,
      lines: lines.map(toLine),
      updatedAt: plan ? plan.updated_at.toISOString() : null,
    };
  }

  /**
   * Replaces the month's lines in one transaction with its audit row. `version` 0 creates the plan (a
   * plan created meanwhile by someone else is 409 STALE_VERSION), otherwise it must be the plan's
   * current version. Every line's component or model must exist, and none may be listed twice.
   */
  put(partnerId: string, month: string, input: PutSupplyPlanInput, user: Actor): Promise<SupplyPlanResponse> {
    const lines = input.lines.map((l) => ({
      componentId: l.componentId ?? null,
      systemModelId: l.systemModelId ?? null,
      quantity: l.quantity,
    }));
    return withConstraintErrors(() =>
      this.db.transaction(async (m) => {
        await this.visiblePartner(m, partnerId, user);
        await this.checkLines(m, lines);
        const before = await this.get(partnerId, month, user, m);
        let planId: string;
        if (input.version === 0) {
          const [created]: Array<{ id: string }> = await m.query(
            `INSERT INTO supply_plans (partner_id, month, updated_by) VALUES ($1, $2::date, $3)
             ON CONFLICT (partner_id, month) DO NOTHING RETURNING id`,
            [partnerId, firstDay(month), user.id],
          );
          // a plan exists (or another request created it meanwhile): the caller's version 0 is stale
          if (!created) throw new StaleVersion(await this.currentVersion(m, partnerId, month));
          planId = created.id;
        } else {
          const [plan]: Array<{ id: string }> = await m.query(
            `SELECT id FROM supply_plans WHERE partner_id = $1 AND month = $2::date`,
            [partnerId, firstDay(month)],
          );
          if (!plan) throw new StaleVersion();
          await updateVersioned(m, 'supply_plans', plan.id, input.version, { updated_by: user.id }, 'Supply plan');
          planId = plan.id;
        }
        await m.query(`DELETE FROM supply_plan_lines WHERE plan_id = $1`, [planId]);
        if (lines.length > 0) {
          await m.query(
            `INSERT INTO supply_plan_lines (plan_id, component_id, system_model_id, quantity)
             SELECT $1, x.component_id, x.system_model_id, x.quantity
               FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS x(component_id, system_model_id, quantity)`,
            [planId, lines.map((l) => l.componentId), lines.map((l) => l.systemModelId), lines.map((l) => l.quantity)],
          );
        }
        const after = await this.get(partnerId, month, user, m);
        const snapshot = (p: SupplyPlanResponse) => ({
          partnerId: p.partnerId,
          month: p.month,
          version: p.version,
          lines: p.lines,
        });
        await this.audit.record(
          {
            action: input.version === 0 ? 'create' : 'update',
            entityType: 'supply_plan',
            entityId: planId,
            before: input.version === 0 ? undefined : snapshot(before),
            after: snapshot(after),
          },
          m,
        );
        return after;
      }),
    );
  }

  /** Planned and delivered per month and plan line, with month totals (see PLAN_VS_ACTUAL_SQL). */
  async planVsActual(q: PlanVsActualQuery, user: Actor): Promise<PlanVsActual> {
    const months = monthsBetween(q.from, q.to);
    if (months < 1) throw new ValidationFailed([{ path: 'from', code: 'period_reversed' }]);
    if (months > PLAN_VS_ACTUAL_MAX_MONTHS)
      throw new ValidationFailed(
        [{ path: 'to', code: 'period_too_long' }],
        `The period is at most ${PLAN_VS_ACTUAL_MAX_MONTHS} months`,
      );
    await this.visiblePartner(this.db.manager, q.partnerId, user);
    const rows: PlanVsActualRow[] = await this.db.query(PLAN_VS_ACTUAL_SQL, [
      q.partnerId,
      firstDay(q.from),
      firstDay(q.to),
    ]);
    const out: PlanVsActual['months'] = [];
    for (const r of rows) {
      let month = out[out.length - 1];
      if (month?.month !== r.month) {
        month = {
          month: r.month,
          lines: [],
          planned: r.month_planned,
          delivered: r.month_delivered,
          fulfilmentPercent: r.month_fulfilment,
        };
        out.push(month);
      }
      if (r.planned === null) continue; // a month without plan lines
      month.lines.push({
        componentId: r.component_id,
        systemModelId: r.system_model_id,
        label: r.label as string,
        planned: r.planned,
        delivered: r.delivered ?? 0,
        fulfilmentPercent: r.fulfilment,
      });
    }
    return { partnerId: q.partnerId, from: q.from, to: q.to, months: out };
  }

  /** The partner's code; 404 when it does not exist or is not the partner user's own country. */
  private async visiblePartner(m: Manager, partnerId: string, user: Actor): Promise<string> {
    if (user.role === 'partner' && user.partnerId !== partnerId) throw new NotFound('Partner');
    const [row]: Array<{ code: string }> = await m.query(`SELECT code FROM partners WHERE id = $1`, [partnerId]);
    if (!row) throw new NotFound('Partner');
    return row.code;
  }

  private async currentVersion(m: Manager, partnerId: string, month: string): Promise<number | undefined> {
    const [row]: Array<{ version: number }> = await m.query(
      `SELECT version FROM supply_plans WHERE partner_id = $1 AND month = $2::date`,
      [partnerId, firstDay(month)],
    );
    return row?.version;
  }

  /** Every component and model must exist (one query each), and none may be listed twice. */
  private async checkLines(
    m: Manager,
    lines: Array<{ componentId: string | null; systemModelId: string | null }>,
  ): Promise<void> {
    const ids = (k: 'componentId' | 'systemModelId') => [
      ...new Set(lines.map((l) => l[k]).filter((v): v is string => v !== null)),
    ];
    const found = async (table: 'components' | 'system_models', list: string[]) =>
      new Set(
        list.length
          ? (await m.query(`SELECT id::text AS id FROM ${table} WHERE id = ANY($1::uuid[])`, [list])).map(
              (r: { id: string }) => r.id,
            )
          : [],
      );
    const components = await found('components', ids('componentId'));
    const models = await found('system_models', ids('systemModelId'));
    const errors: FieldErrorInput[] = [];
    const seen = new Set<string>();
    lines.forEach((l, i) => {
      const [key, id, known] = l.componentId
        ? (['componentId', l.componentId, components] as const)
        : (['systemModelId', l.systemModelId as string, models] as const);
      const path = `lines.${i}.${key}`;
      if (!known.has(id)) errors.push({ path, code: 'not_found' });
      else if (seen.has(`${key}:${id}`)) errors.push({ path, code: 'listed_twice' });
      seen.add(`${key}:${id}`);
    });
    if (errors.length) throw new ValidationFailed(errors);
  }
}
