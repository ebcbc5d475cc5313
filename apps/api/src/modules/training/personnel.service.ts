import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreatePersonInput,
  ListPersonnelQuery,
  ListQualificationsQuery,
  Page,
  PersonResponse,
  QualificationResponse,
  SystemImportResult,
  UpdatePersonInput,
} from '@jv/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { NotFound, StaleVersion, ValidationFailed } from '../../common/errors';
import { afterCursor, toPage } from '../../common/keyset';
import { updateVersioned } from '../../common/optimistic';
import { pick } from '../../common/patch';
import { withConstraintErrors } from '../../common/pg-errors';
import { containsPattern, SqlParams, whereSql } from '../../common/sql';
import { AuditService } from '../audit/audit.service';
import {
  type ImportRowError,
  listedTwice,
  parsePersonnelCsv,
  type PersonnelImportRow,
  refKey,
  sortErrors,
  validatePersonRecord,
} from './personnel-import.rules';
import { PERSON_SELECT, type PersonRow, type QualificationRow, toPerson, toQualification } from './training.rules';

/** At most this many errors are reported (the counts still cover every row). */
const MAX_REPORTED_ERRORS = 1000;
/** Rows per INSERT statement of the import. */
const IMPORT_BATCH = 1000;

const COLUMNS = { serviceNumber: 'service_number', fullName: 'full_name', rank: 'rank', unitId: 'unit_id' } as const;
type PersonField = keyof typeof COLUMNS;
const CONSTRAINT_FIELDS = { service_number: 'serviceNumber', unit_id: 'unitId' };

type Manager = Pick<EntityManager, 'query'>;

/**
 * Personnel (personal data: the routes are for admin and training users only, by the permission table),
 * their CSV import and their qualifications.
 */
@Injectable()
export class PersonnelService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** By full name (keyset on (full_name, id)); q finds the name or the service number. */
  async list(q: ListPersonnelQuery): Promise<Page<PersonResponse>> {
    const p = new SqlParams();
    const where: string[] = [];
    if (q.unitId) where.push(`p.unit_id = ${p.add(q.unitId)}::uuid`);
    if (q.q) {
      const s = p.add(containsPattern(q.q));
      where.push(`(p.full_name ILIKE ${s} OR p.service_number ILIKE ${s})`);
    }
    const after = afterCursor(p, 'p.full_name', 'p.id', q.cursor);
    if (after) where.push(after);
    const rows: PersonRow[] = await this.db.query(
      `${PERSON_SELECT} ${whereSql(where)} ORDER BY p.full_name, p.id LIMIT ${p.add(q.limit + 1)}`,
      p.values,
    );
    return toPage(rows.map(toPerson), q.limit, (x) => [x.fullName, x.id]);
  }

  async get(id: string, m: Manager = this.db.manager): Promise<PersonResponse> {
    const [row]: PersonRow[] = await m.query(`${PERSON_SELECT} WHERE p.id = $1`, [id]);
    if (!row) throw new NotFound('Person');
    return toPerson(row);
  }

  create(input: CreatePersonInput): Promise<PersonResponse> {
    return withConstraintErrors(
      () =>
        this.db.transaction(async (m) => {
          const unitId = input.unitId ?? null;
          await this.checkUnit(m, unitId);
          const [{ id }]: Array<{ id: string }> = await m.query(
            `INSERT INTO personnel (service_number, full_name, rank, unit_id) VALUES ($1, $2, $3, $4) RETURNING id`,
            [input.serviceNumber, input.fullName, input.rank, unitId],
          );
          const after = await this.get(id, m);
          await this.audit.record({ action: 'create', entityType: 'person', entityId: id, after }, m);
          return after;
        }),
      CONSTRAINT_FIELDS,
    );
  }

  update(id: string, { version, ...patch }: UpdatePersonInput): Promise<PersonResponse> {
    return withConstraintErrors(
      () =>
        this.db.transaction(async (m) => {
          const before = await this.get(id, m);
          if (before.version !== version) throw new StaleVersion(before.version);
          const changed = (Object.keys(COLUMNS) as PersonField[]).filter(
            (k) => patch[k] !== undefined && patch[k] !== before[k],
          );
          if (changed.length === 0) return before;
          if (changed.includes('unitId')) await this.checkUnit(m, patch.unitId ?? null);
          const set = Object.fromEntries(changed.map((k) => [COLUMNS[k], patch[k]]));
          await updateVersioned(m, 'personnel', id, version, set, 'Person');
          const after = await this.get(id, m);
          const keys = [...changed, 'version' as const];
          await this.audit.record(
            {
              action: 'update',
              entityType: 'person',
              entityId: id,
              before: pick(before, keys),
              after: pick(after, keys),
            },
            m,
          );
          return after;
        }),
      CONSTRAINT_FIELDS,
    );
  }

  /**
   * CSV import. A dry run checks every row and writes nothing; a real import checks the same way and then
   * writes every row in one transaction, or none when any row is bad.
   */
  async import(csv: string, dryRun: boolean): Promise<SystemImportResult> {
    if (dryRun) return importResult(true, await this.check(this.db.manager, csv), 0);
    return withConstraintErrors(
      () =>
        this.db.transaction(async (m) => {
          const checked = await this.check(m, csv);
          if (checked.errors.length > 0) return importResult(false, checked, 0);
          let imported = 0;
          for (let i = 0; i < checked.rows.length; i += IMPORT_BATCH) {
            const batch = checked.rows.slice(i, i + IMPORT_BATCH);
            const ids: Array<{ id: string }> = await m.query(
              `INSERT INTO personnel (service_number, full_name, rank, unit_id)
               SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[]) RETURNING id`,
              [
                batch.map((r) => r.serviceNumber),
                batch.map((r) => r.fullName),
                batch.map((r) => r.rank),
                batch.map((r) => r.unitId),
              ],
            );
            imported += ids.length;
          }
          if (imported > 0) {
            const rows = checked.rows;
            await this.audit.record(
              {
                action: 'create',
                entityType: 'personnel_import',
                entityId: null,
                after: {
                  count: imported,
                  firstServiceNumber: rows[0].serviceNumber,
                  lastServiceNumber: rows[rows.length - 1].serviceNumber,
                },
              },
              m,
            );
          }
          return importResult(false, checked, imported);
        }),
      CONSTRAINT_FIELDS,
    );
  }

  /** Qualifications by grant date (keyset on (granted_on, id)); names here: the route is admin and training only. */
  async qualifications(q: ListQualificationsQuery): Promise<Page<QualificationResponse>> {
    const p = new SqlParams();
    const where: string[] = [];
    if (q.personId) where.push(`q.person_id = ${p.add(q.personId)}::uuid`);
    if (q.systemModelId) where.push(`q.system_model_id = ${p.add(q.systemModelId)}::uuid`);
    if (q.kind) where.push(`q.kind = ${p.add(q.kind)}`);
    const after = afterCursor(p, 'q.granted_on::text', 'q.id', q.cursor);
    if (after) where.push(after);
    const rows: QualificationRow[] = await this.db.query(
      `SELECT q.id, q.person_id, p.full_name, p.service_number, q.system_model_id, sm.designation AS model_designation,
              q.kind, q.granted_on::text AS granted_on, q.cohort_id, c.code AS cohort_code
         FROM qualifications q
         JOIN personnel p ON p.id = q.person_id
         JOIN system_models sm ON sm.id = q.system_model_id
         JOIN cohorts c ON c.id = q.cohort_id
         ${whereSql(where)}
        ORDER BY q.granted_on::text, q.id LIMIT ${p.add(q.limit + 1)}`,
      p.values,
    );
    return toPage(rows.map(toQualification), q.limit, (x) => [x.grantedOn, x.id]);
  }

  private async checkUnit(m: Manager, unitId: string | null): Promise<void> {
    if (!unitId) return;
    const [unit] = await m.query(`SELECT id FROM units WHERE id = $1`, [unitId]);
    if (!unit) throw new ValidationFailed([{ path: 'unitId', code: 'not_found' }]);
  }

  /** Every check, for every row: fields, unit, repeats within the file and numbers already registered. */
  private async check(m: Manager, csv: string): Promise<Checked> {
    const parsed = parsePersonnelCsv(csv ?? '');
    const codes = [
      ...new Set(
        parsed.records
          .map((r) => r.values.unit)
          .filter(Boolean)
          .map(refKey),
      ),
    ];
    const units = new Map<string, string>();
    if (codes.length) {
      const found: Array<{ k: string; id: string }> = await m.query(
        `SELECT lower(trim(code)) AS k, id FROM units WHERE lower(trim(code)) = ANY($1::text[])`,
        [codes],
      );
      for (const f of found) units.set(f.k, f.id);
    }
    const errors = [...parsed.errors];
    const rows: PersonnelImportRow[] = [];
    for (const record of parsed.records) {
      const { row, errors: rowErrors } = validatePersonRecord(record, units);
      errors.push(...rowErrors);
      if (row) rows.push(row);
    }
    errors.push(...listedTwice(rows));
    if (rows.length) {
      const taken: Array<{ service_number: string }> = await m.query(
        `SELECT service_number FROM personnel WHERE service_number = ANY($1::text[])`,
        [rows.map((r) => r.serviceNumber)],
      );
      const known = new Set(taken.map((t) => t.service_number));
      for (const r of rows)
        if (known.has(r.serviceNumber))
          errors.push({
            line: r.line,
            column: 'service_number',
            code: 'duplicate',
            params: { value: r.serviceNumber },
            message: `Service number ${r.serviceNumber} is already registered`,
          });
    }
    const bad = new Set(errors.map((e) => e.line));
    return {
      rows,
      totalRows: parsed.records.length,
      validRows: parsed.records.filter((r) => !bad.has(r.line)).length,
      errors: sortErrors(errors),
    };
  }
}

interface Checked {
  rows: PersonnelImportRow[];
  totalRows: number;
  validRows: number;
  errors: ImportRowError[];
}

const importResult = (dryRun: boolean, c: Checked, imported: number): SystemImportResult => ({
  dryRun,
  totalRows: c.totalRows,
  validRows: c.validRows,
  imported,
  errors: c.errors.slice(0, MAX_REPORTED_ERRORS),
});
