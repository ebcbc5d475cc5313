import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateSystemModelInput,
  ListSystemModelsQuery,
  Page,
  SystemModelResponse,
  UpdateSystemModelInput,
} from '@jv/contracts';
import { changedFields } from '@jv/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { NotFound, StaleVersion, ValidationFailed } from '../../common/errors';
import { afterCursor, toPage } from '../../common/keyset';
import { updateVersioned } from '../../common/optimistic';
import { columnsOf, pick } from '../../common/patch';
import { withConstraintErrors } from '../../common/pg-errors';
import { findReferenced } from '../../common/references';
import { containsPattern, SqlParams, whereSql } from '../../common/sql';
import { AuditService } from '../audit/audit.service';

interface SystemModelRow {
  id: string;
  designation: string;
  kind: SystemModelResponse['kind'];
  caliber_mm: number;
  origin_partner_id: string;
  origin_partner_code: string;
  barrel_life_efc: number;
  barrel_lead_days: number | null;
  crew_size: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The origin partner's code comes from the same query (a join), never one query per row. */
const SELECT = `SELECT sm.id, sm.designation, sm.kind, sm.caliber_mm,
                       sm.origin_partner_id, op.code AS origin_partner_code, sm.barrel_life_efc,
                       sm.barrel_lead_days, sm.crew_size, sm.version, sm.created_at, sm.updated_at
                  FROM system_models sm JOIN partners op ON op.id = sm.origin_partner_id`;
const COLUMNS = {
  designation: 'designation',
  kind: 'kind',
  caliberMm: 'caliber_mm',
  originPartnerId: 'origin_partner_id',
  barrelLifeEfc: 'barrel_life_efc',
  barrelLeadDays: 'barrel_lead_days',
  crewSize: 'crew_size',
} as const;

const toResponse = (r: SystemModelRow): SystemModelResponse => ({
  id: r.id,
  designation: r.designation,
  kind: r.kind,
  caliberMm: r.caliber_mm,
  originPartnerId: r.origin_partner_id,
  barrelLifeEfc: r.barrel_life_efc,
  barrelLeadDays: r.barrel_lead_days,
  crewSize: r.crew_size,
  originPartnerCode: r.origin_partner_code,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/**
 * Artillery system models (designation, kind, caliber, origin partner, barrel life and the lead time of
 * automatic barrel requests), listed by designation.
 */
@Injectable()
export class SystemModelsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(q: ListSystemModelsQuery): Promise<Page<SystemModelResponse>> {
    const p = new SqlParams();
    const where: string[] = [];
    if (q.q) where.push(`sm.designation ILIKE ${p.add(containsPattern(q.q))}`);
    if (q.kind) where.push(`sm.kind = ${p.add(q.kind)}`);
    if (q.originPartnerId) where.push(`sm.origin_partner_id = ${p.add(q.originPartnerId)}`);
    const after = afterCursor(p, 'sm.designation', 'sm.id', q.cursor);
    if (after) where.push(after);
    const rows: SystemModelRow[] = await this.db.query(
      `${SELECT} ${whereSql(where)} ORDER BY sm.designation, sm.id LIMIT ${p.add(q.limit + 1)}`,
      p.values,
    );
    return toPage(rows.map(toResponse), q.limit, (x) => [x.designation, x.id]);
  }

  async get(id: string, m: EntityManager = this.db.manager): Promise<SystemModelResponse> {
    const [row]: SystemModelRow[] = await m.query(`${SELECT} WHERE sm.id = $1`, [id]);
    if (!row) throw new NotFound('System model');
    return toResponse(row);
  }

  create(input: CreateSystemModelInput): Promise<SystemModelResponse> {
    return withConstraintErrors(() =>
      this.db.transaction(async (m) => {
        await this.checkOrigin(m, input.originPartnerId);
        const [{ id }] = await m.query(
          `INSERT INTO system_models (designation, kind, caliber_mm, origin_partner_id, barrel_life_efc,
                                      barrel_lead_days, crew_size)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            input.designation,
            input.kind,
            input.caliberMm,
            input.originPartnerId,
            input.barrelLifeEfc,
            input.barrelLeadDays ?? null,
            input.crewSize ?? null,
          ],
        );
        const after = await this.get(id, m);
        await this.audit.record({ action: 'create', entityType: 'system_model', entityId: id, after }, m);
        return after;
      }),
    );
  }

  update(id: string, { version, ...patch }: UpdateSystemModelInput): Promise<SystemModelResponse> {
    return withConstraintErrors(
      () =>
        this.db.transaction(async (m) => {
          const before = await this.get(id, m);
          if (before.version !== version) throw new StaleVersion(before.version);
          const changed = changedFields(before, patch);
          if (changed.length === 0) return before;
          if (changed.includes('originPartnerId')) await this.checkOrigin(m, patch.originPartnerId as string);
          await updateVersioned(m, 'system_models', id, version, columnsOf(patch, changed, COLUMNS), 'System model');
          const after = await this.get(id, m);
          const keys = [
            ...changed,
            'version' as const,
            ...(changed.includes('originPartnerId') ? ['originPartnerCode' as const] : []),
          ];
          await this.audit.record(
            {
              action: 'update',
              entityType: 'system_model',
              entityId: id,
              before: pick(before, keys),
              after: pick(after, keys),
            },
            m,
          );
          return after;
        }),
      { origin_partner_id: 'originPartnerId' },
    );
  }

  private async checkOrigin(m: EntityManager, partnerId: string): Promise<void> {
    const found = await findReferenced(m, 'partners', [partnerId]);
    if (!found.has(partnerId)) throw new ValidationFailed([{ path: 'originPartnerId', code: 'not_found' }]);
  }
}
