import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateUnitInput, ListUnitsQuery, Page, UnitResponse, UpdateUnitInput } from '@jv/contracts';
import { changedFields } from '@jv/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { NotFound, StaleVersion } from '../../common/errors';
import { afterCursor, toPage } from '../../common/keyset';
import { updateVersioned } from '../../common/optimistic';
import { columnsOf, pick } from '../../common/patch';
import { withConstraintErrors } from '../../common/pg-errors';
import { containsPattern, SqlParams, whereSql } from '../../common/sql';
import { AuditService } from '../audit/audit.service';

interface UnitRow {
  id: string;
  code: string;
  name: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT u.id, u.code, u.name, u.version, u.created_at, u.updated_at FROM units u`;
const COLUMNS = { code: 'code', name: 'name' } as const;

const toResponse = (r: UnitRow): UnitResponse => ({
  id: r.id,
  code: r.code,
  name: r.name,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** Military units that operate systems and send personnel to training, listed by code. */
@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(q: ListUnitsQuery): Promise<Page<UnitResponse>> {
    const p = new SqlParams();
    const where: string[] = [];
    if (q.q) {
      const s = p.add(containsPattern(q.q));
      where.push(`(u.code ILIKE ${s} OR u.name ILIKE ${s})`);
    }
    const after = afterCursor(p, 'u.code', 'u.id', q.cursor);
    if (after) where.push(after);
    const rows: UnitRow[] = await this.db.query(
      `${SELECT} ${whereSql(where)} ORDER BY u.code, u.id LIMIT ${p.add(q.limit + 1)}`,
      p.values,
    );
    return toPage(rows.map(toResponse), q.limit, (x) => [x.code, x.id]);
  }

  async get(id: string, m: EntityManager = this.db.manager): Promise<UnitResponse> {
    const [row]: UnitRow[] = await m.query(`${SELECT} WHERE u.id = $1`, [id]);
    if (!row) throw new NotFound('Unit');
    return toResponse(row);
  }

  create(input: CreateUnitInput): Promise<UnitResponse> {
    return withConstraintErrors(() =>
      this.db.transaction(async (m) => {
        const [{ id }] = await m.query(`INSERT INTO units (code, name) VALUES ($1, $2) RETURNING id`, [
          input.code,
          input.name,
        ]);
        const after = await this.get(id, m);
        await this.audit.record({ action: 'create', entityType: 'unit', entityId: id, after }, m);
        return after;
      }),
    );
  }

  update(id: string, { version, ...patch }: UpdateUnitInput): Promise<UnitResponse> {
    return withConstraintErrors(() =>
      this.db.transaction(async (m) => {
        const before = await this.get(id, m);
        if (before.version !== version) throw new StaleVersion(before.version);
        const changed = changedFields(before, patch);
        if (changed.length === 0) return before;
        await updateVersioned(m, 'units', id, version, columnsOf(patch, changed, COLUMNS), 'Unit');
        const after = await this.get(id, m);
        const keys = [...changed, 'version' as const];
        await this.audit.record(
          { action: 'update', entityType: 'unit', entityId: id, before: pick(before, keys), after: pick(after, keys) },
          m,
        );
        return after;
      }),
    );
  }
}
