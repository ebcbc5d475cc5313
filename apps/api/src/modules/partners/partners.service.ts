import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreatePartnerInput, ListPartnersQuery, Page, PartnerResponse, UpdatePartnerInput } from '@jv/contracts';
import { changedFields } from '@jv/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { NotFound, StaleVersion } from '../../common/errors';
import { afterCursor, toPage } from '../../common/keyset';
import { updateVersioned } from '../../common/optimistic';
import { columnsOf, pick } from '../../common/patch';
import { withConstraintErrors } from '../../common/pg-errors';
import { containsPattern, SqlParams, whereSql } from '../../common/sql';
import { AuditService } from '../audit/audit.service';

interface PartnerRow {
  id: string;
  code: string;
  name: string;
  role: PartnerResponse['role'];
  version: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT p.id, p.code, p.name, p.role, p.version, p.created_at, p.updated_at FROM partners p`;
const COLUMNS = { code: 'code', name: 'name', role: 'role' } as const;

const toResponse = (r: PartnerRow): PartnerResponse => ({
  id: r.id,
  code: r.code,
  name: r.name,
  role: r.role,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** Coalition partner countries (ISO 3166 alpha-2), listed by code. */
@Injectable()
export class PartnersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(q: ListPartnersQuery): Promise<Page<PartnerResponse>> {
    const p = new SqlParams();
    const where: string[] = [];
    if (q.q) {
      const s = p.add(containsPattern(q.q));
      where.push(`(p.code ILIKE ${s} OR p.name ILIKE ${s})`);
    }
    if (q.role) where.push(`p.role = ${p.add(q.role)}`);
    const after = afterCursor(p, 'p.code', 'p.id', q.cursor);
    if (after) where.push(after);
    const rows: PartnerRow[] = await this.db.query(
      `${SELECT} ${whereSql(where)} ORDER BY p.code, p.id LIMIT ${p.add(q.limit + 1)}`,
      p.values,
    );
    return toPage(rows.map(toResponse), q.limit, (x) => [x.code, x.id]);
  }

  async get(id: string, m: EntityManager = this.db.manager): Promise<PartnerResponse> {
    const [row]: PartnerRow[] = await m.query(`${SELECT} WHERE p.id = $1`, [id]);
    if (!row) throw new NotFound('Partner');
    return toResponse(row);
  }

  create(input: CreatePartnerInput): Promise<PartnerResponse> {
    return withConstraintErrors(() =>
      this.db.transaction(async (m) => {
        const [{ id }] = await m.query(`INSERT INTO partners (code, name, role) VALUES ($1, $2, $3) RETURNING id`, [
          input.code,
          input.name,
          input.role,
        ]);
        const after = await this.get(id, m);
        await this.audit.record({ action: 'create', entityType: 'partner', entityId: id, after }, m);
        return after;
      }),
    );
  }

  update(id: string, { version, ...patch }: UpdatePartnerInput): Promise<PartnerResponse> {
    return withConstraintErrors(() =>
      this.db.transaction(async (m) => {
        const before = await this.get(id, m);
        if (before.version !== version) throw new StaleVersion(before.version);
        const changed = changedFields(before, patch);
        if (changed.length === 0) return before;
        await updateVersioned(m, 'partners', id, version, columnsOf(patch, changed, COLUMNS), 'Partner');
        const after = await this.get(id, m);
        const keys = [...changed, 'version' as const];
        await this.audit.record(
          {
            action: 'update',
            entityType: 'partner',
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
}
