import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CreateFacilityInput,
  facilityCapacityIssues,
  type FacilityResponse,
  type ListFacilitiesQuery,
  type Page,
  type UpdateFacilityInput,
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

interface FacilityRow {
  id: string;
  code: string;
  name: string;
  kind: FacilityResponse['kind'];
  oblast: FacilityResponse['oblast'];
  joint_venture_id: string | null;
  joint_venture_name: string | null;
  repair_bays: number;
  training_seats: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The JV's name comes from the same query (a left join), never one query per row. */
const SELECT = `SELECT f.id, f.code, f.name, f.kind, f.oblast, f.joint_venture_id, jv.name AS joint_venture_name,
                       f.repair_bays, f.training_seats, f.version, f.created_at, f.updated_at
                  FROM facilities f LEFT JOIN joint_ventures jv ON jv.id = f.joint_venture_id`;
const COLUMNS = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  oblast: 'oblast',
  jointVentureId: 'joint_venture_id',
  repairBays: 'repair_bays',
  trainingSeats: 'training_seats',
} as const;

const toResponse = (r: FacilityRow): FacilityResponse => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  oblast: r.oblast,
  jointVentureId: r.joint_venture_id,
  repairBays: r.repair_bays,
  trainingSeats: r.training_seats,
  jointVentureName: r.joint_venture_name,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** JV facilities in Ukraine (workshops, plants, training bases, depots), listed by code. */
@Injectable()
export class FacilitiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(q: ListFacilitiesQuery): Promise<Page<FacilityResponse>> {
    const p = new SqlParams();
    const where: string[] = [];
    if (q.q) {
      const s = p.add(containsPattern(q.q));
      where.push(`(f.code ILIKE ${s} OR f.name ILIKE ${s})`);
    }
    if (q.kind) where.push(`f.kind = ${p.add(q.kind)}`);
    if (q.jointVentureId) where.push(`f.joint_venture_id = ${p.add(q.jointVentureId)}`);
    const after = afterCursor(p, 'f.code', 'f.id', q.cursor);
    if (after) where.push(after);
    const rows: FacilityRow[] = await this.db.query(
      `${SELECT} ${whereSql(where)} ORDER BY f.code, f.id LIMIT ${p.add(q.limit + 1)}`,
      p.values,
    );
    return toPage(rows.map(toResponse), q.limit, (x) => [x.code, x.id]);
  }

  async get(id: string, m: EntityManager = this.db.manager): Promise<FacilityResponse> {
    const [row]: FacilityRow[] = await m.query(`${SELECT} WHERE f.id = $1`, [id]);
    if (!row) throw new NotFound('Facility');
    return toResponse(row);
  }

  create(input: CreateFacilityInput): Promise<FacilityResponse> {
    return withConstraintErrors(() =>
      this.db.transaction(async (m) => {
        await this.checkJointVenture(m, input.jointVentureId);
        const [{ id }] = await m.query(
          `INSERT INTO facilities (code, name, kind, oblast, joint_venture_id, repair_bays, training_seats)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            input.code,
            input.name,
            input.kind,
            input.oblast,
            input.jointVentureId,
            input.repairBays,
            input.trainingSeats,
          ],
        );
        const after = await this.get(id, m);
        await this.audit.record({ action: 'create', entityType: 'facility', entityId: id, after }, m);
        return after;
      }),
    );
  }

  update(id: string, { version, ...patch }: UpdateFacilityInput): Promise<FacilityResponse> {
    return withConstraintErrors(() =>
      this.db.transaction(async (m) => {
        const before = await this.get(id, m);
        if (before.version !== version) throw new StaleVersion(before.version);
        const changed = changedFields(before, patch);
        if (changed.length === 0) return before;
        const capacity = facilityCapacityIssues({ ...before, ...patch });
        if (capacity.length) throw new ValidationFailed(capacity);
        if (changed.includes('jointVentureId')) await this.checkJointVenture(m, patch.jointVentureId ?? null);
        await updateVersioned(m, 'facilities', id, version, columnsOf(patch, changed, COLUMNS), 'Facility');
        const after = await this.get(id, m);
        const keys = [
          ...changed,
          'version' as const,
          ...(changed.includes('jointVentureId') ? ['jointVentureName' as const] : []),
        ];
        await this.audit.record(
          {
            action: 'update',
            entityType: 'facility',
            entityId: id,
            before: pick(before, keys),
            after: pick(after, keys),
          },
          m,
        );
        return after;
      }),
    );
  }

  private async checkJointVenture(m: EntityManager, jointVentureId: string | null): Promise<void> {
    if (!jointVentureId) return;
    const found = await findReferenced(m, 'joint_ventures', [jointVentureId]);
    if (!found.has(jointVentureId)) throw new ValidationFailed([{ path: 'jointVentureId', code: 'not_found' }]);
  }
}
