import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ComponentResponse,
  CreateComponentInput,
  ListComponentsQuery,
  Page,
  UpdateComponentInput,
} from '@jv/contracts';
import { changedFields } from '@jv/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { type FieldErrorInput, NotFound, StaleVersion, ValidationFailed } from '../../common/errors';
import { afterCursor, toPage } from '../../common/keyset';
import { updateVersioned } from '../../common/optimistic';
import { columnsOf, pick } from '../../common/patch';
import { withConstraintErrors } from '../../common/pg-errors';
import { findReferenced } from '../../common/references';
import { containsPattern, SqlParams, whereSql } from '../../common/sql';
import { AuditService } from '../audit/audit.service';

interface ComponentRow {
  id: string;
  part_number: string;
  name: string;
  category: ComponentResponse['category'];
  unit_of_issue: string;
  compatible_model_ids: string[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The compatible model ids come from the same query (a lateral array_agg), never one query per row. */
const SELECT = `SELECT c.id, c.part_number, c.name, c.category, c.unit_of_issue,
                       coalesce(cm.ids, '{}'::text[]) AS compatible_model_ids, c.version, c.created_at, c.updated_at
                  FROM components c
                  LEFT JOIN LATERAL (
                    SELECT array_agg(x.system_model_id::text ORDER BY sm.designation, sm.id) AS ids
                      FROM component_system_models x JOIN system_models sm ON sm.id = x.system_model_id
                     WHERE x.component_id = c.id) cm ON true`;
const COLUMNS = {
  partNumber: 'part_number',
  name: 'name',
  category: 'category',
  unitOfIssue: 'unit_of_issue',
} as const;

const toResponse = (r: ComponentRow): ComponentResponse => ({
  id: r.id,
  partNumber: r.part_number,
  name: r.name,
  category: r.category,
  unitOfIssue: r.unit_of_issue,
  compatibleModelIds: r.compatible_model_ids,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const sorted = (ids: readonly string[]) => [...ids].sort();

/** The component catalog (part number, category, unit of issue, compatible system models), listed by part number. */
@Injectable()
export class ComponentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(q: ListComponentsQuery): Promise<Page<ComponentResponse>> {
    const p = new SqlParams();
    const where: string[] = [];
    if (q.q) {
      const s = p.add(containsPattern(q.q));
      where.push(`(c.part_number ILIKE ${s} OR c.name ILIKE ${s})`);
    }
    if (q.category) where.push(`c.category = ${p.add(q.category)}`);
    if (q.modelId) {
      where.push(
        `EXISTS (SELECT 1 FROM component_system_models f
                  WHERE f.component_id = c.id AND f.system_model_id = ${p.add(q.modelId)})`,
      );
    }
    const after = afterCursor(p, 'c.part_number', 'c.id', q.cursor);
    if (after) where.push(after);
    const rows: ComponentRow[] = await this.db.query(
      `${SELECT} ${whereSql(where)} ORDER BY c.part_number, c.id LIMIT ${p.add(q.limit + 1)}`,
      p.values,
    );
    return toPage(rows.map(toResponse), q.limit, (x) => [x.partNumber, x.id]);
  }

  async get(id: string, m: EntityManager = this.db.manager): Promise<ComponentResponse> {
    const [row]: ComponentRow[] = await m.query(`${SELECT} WHERE c.id = $1`, [id]);
    if (!row) throw new NotFound('Component');
    return toResponse(row);
  }

  create(input: CreateComponentInput): Promise<ComponentResponse> {
    return withConstraintErrors(
      () =>
        this.db.transaction(async (m) => {
          await this.checkModels(m, input.compatibleModelIds);
          const [{ id }] = await m.query(
            `INSERT INTO components (part_number, name, category, unit_of_issue) VALUES ($1, $2, $3, $4) RETURNING id`,
            [input.partNumber, input.name, input.category, input.unitOfIssue],
          );
          await this.insertModels(m, id, input.compatibleModelIds);
          const after = await this.get(id, m);
          await this.audit.record({ action: 'create', entityType: 'component', entityId: id, after }, m);
          return after;
        }),
      { system_model_id: 'compatibleModelIds' },
    );
  }

  /** `compatibleModelIds`, when present, replaces the whole list (and bumps the component's version). */
  update(id: string, { version, compatibleModelIds, ...patch }: UpdateComponentInput): Promise<ComponentResponse> {
    return withConstraintErrors(
      () =>
        this.db.transaction(async (m) => {
          const before = await this.get(id, m);
          if (before.version !== version) throw new StaleVersion(before.version);
          const changed = changedFields(before, patch);
          if (changed.length === 0 && compatibleModelIds === undefined) return before;
          if (compatibleModelIds) await this.checkModels(m, compatibleModelIds);
          await updateVersioned(m, 'components', id, version, columnsOf(patch, changed, COLUMNS), 'Component');
          if (compatibleModelIds) {
            await m.query(`DELETE FROM component_system_models WHERE component_id = $1`, [id]);
            await this.insertModels(m, id, compatibleModelIds);
          }
          const after = await this.get(id, m);
          const keys = [...changed, 'version' as const];
          const auditBefore: Record<string, unknown> = pick(before, keys);
          const auditAfter: Record<string, unknown> = pick(after, keys);
          if (compatibleModelIds) {
            auditBefore['compatibleModelIds'] = sorted(before.compatibleModelIds);
            auditAfter['compatibleModelIds'] = sorted(after.compatibleModelIds);
          }
          await this.audit.record(
            { action: 'update', entityType: 'component', entityId: id, before: auditBefore, after: auditAfter },
            m,
          );
          return after;
        }),
      { system_model_id: 'compatibleModelIds' },
    );
  }

  private async checkModels(m: EntityManager, ids: readonly string[]): Promise<void> {
    const found = await findReferenced(m, 'system_models', ids);
    const errors: FieldErrorInput[] = [];
    ids.forEach((modelId, i) => {
      if (!found.has(modelId)) errors.push({ path: `compatibleModelIds.${i}`, code: 'not_found' });
    });
    if (errors.length) throw new ValidationFailed(errors);
  }

  private async insertModels(m: EntityManager, id: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await m.query(`INSERT INTO component_system_models (component_id, system_model_id) SELECT $1, unnest($2::uuid[])`, [
      id,
      ids,
    ]);
  }
}
