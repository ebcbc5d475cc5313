import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreatePreventivePlanInput,
  ListPreventivePlansQuery,
  Page,
  PreventivePlanResponse,
  UpdatePreventivePlanInput,
} from '@jv/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { NotFound, StaleVersion, ValidationFailed } from '../../common/errors';
import { afterCursor, toPage } from '../../common/keyset';
import { updateVersioned } from '../../common/optimistic';
import { findReferenced } from '../../common/references';
import { SqlParams, whereSql } from '../../common/sql';
import { AuditService } from '../audit/audit.service';

interface PlanRow {
  id: string;
  model_id: string;
  model_designation: string;
  name: string;
  interval_days: number | null;
  interval_efc: string | null;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT p.id, p.model_id, sm.designation AS model_designation, p.name,
                       p.interval_days, p.interval_efc, p.active, p.version, p.created_at, p.updated_at
                  FROM preventive_plans p JOIN system_models sm ON sm.id = p.model_id`;

const toResponse = (r: PlanRow): PreventivePlanResponse => ({
  id: r.id,
  modelId: r.model_id,
  modelDesignation: r.model_designation,
  name: r.name,
  intervalDays: r.interval_days,
  intervalEfc: r.interval_efc === null ? null : Number(r.interval_efc),
  active: r.active,
  version: r.version,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const COLUMNS: Record<string, string> = {
  modelId: 'model_id',
  name: 'name',
  intervalDays: 'interval_days',
  intervalEfc: 'interval_efc',
  active: 'active',
};

/** Preventive maintenance plans per system model (every N days and/or every N EFC). */
@Injectable()
export class PreventivePlansService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(q: ListPreventivePlansQuery): Promise<Page<PreventivePlanResponse>> {
    const p = new SqlParams();
    const where: string[] = [];
    if (q.modelId) where.push(`p.model_id = ${p.add(q.modelId)}::uuid`);
    if (q.active) where.push(`p.active = ${p.add(q.active === 'true')}`);
    const after = afterCursor(p, 'p.name', 'p.id', q.cursor);
    if (after) where.push(after);
    const rows: PlanRow[] = await this.db.query(
      `${SELECT} ${whereSql(where)} ORDER BY p.name, p.id LIMIT ${p.add(q.limit + 1)}`,
      p.values,
    );
    return toPage(rows.map(toResponse), q.limit, (x) => [x.name, x.id]);
  }

  async get(id: string, m: EntityManager = this.db.manager): Promise<PreventivePlanResponse> {
    const [row]: PlanRow[] = await m.query(`${SELECT} WHERE p.id = $1`, [id]);
    if (!row) throw new NotFound('Preventive plan');
    return toResponse(row);
  }

  create(input: CreatePreventivePlanInput): Promise<PreventivePlanResponse> {
    return this.db.transaction(async (m) => {
      await this.checkModel(m, input.modelId);
      const [{ id }] = await m.query(
        `INSERT INTO preventive_plans (model_id, name, interval_days, interval_efc, active)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [input.modelId, input.name, input.intervalDays, input.intervalEfc, input.active ?? true],
      );
      const after = await this.get(id, m);
      await this.audit.record({ action: 'create', entityType: 'preventive_plan', entityId: id, after }, m);
      return after;
    });
  }

  update(id: string, { version, ...patch }: UpdatePreventivePlanInput): Promise<PreventivePlanResponse> {
    return this.db.transaction(async (m) => {
      const before = await this.get(id, m);
      if (before.version !== version) throw new StaleVersion(before.version);
      const changed = (Object.keys(patch) as Array<keyof typeof patch>).filter(
        (k) => patch[k] !== undefined && patch[k] !== before[k],
      );
      if (changed.length === 0) return before;
      const next = { ...before, ...patch };
      if (next.intervalDays == null && next.intervalEfc == null) {
        throw new ValidationFailed([{ path: 'intervalDays', code: 'interval_required' }]);
      }
      if (changed.includes('modelId')) await this.checkModel(m, next.modelId);
      const set = Object.fromEntries(changed.map((k) => [COLUMNS[k], patch[k]]));
      await updateVersioned(m, 'preventive_plans', id, version, set, 'Preventive plan');
      const after = await this.get(id, m);
      const keys = [...changed, 'version' as const];
      const pick = (o: PreventivePlanResponse) => Object.fromEntries(keys.map((k) => [k, o[k]]));
      await this.audit.record(
        { action: 'update', entityType: 'preventive_plan', entityId: id, before: pick(before), after: pick(after) },
        m,
      );
      return after;
    });
  }

  private async checkModel(m: EntityManager, modelId: string): Promise<void> {
    const found = await findReferenced(m, 'system_models', [modelId]);
    if (!found.has(modelId)) throw new ValidationFailed([{ path: 'modelId', code: 'not_found' }]);
  }
}
