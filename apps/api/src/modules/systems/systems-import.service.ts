import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser, SystemImportResult } from '@jv/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { withConstraintErrors } from '../../common/pg-errors';
import { AuditService } from '../audit/audit.service';
import {
  duplicatesInFile,
  type ImportRefs,
  type ImportRow,
  type ImportRowError,
  parseSystemsCsv,
  referencedKeys,
  sortErrors,
  validateRecord,
} from './systems-import.rules';
import { registerSystems } from './system-status';
import { SYSTEM_CONSTRAINT_FIELDS } from './systems.service';

/** Rows per INSERT statement (10 parameters each, well under PostgreSQL's 65 535). */
export const IMPORT_BATCH = 1000;
/** At most this many errors are reported (the counts still cover every row). */
export const MAX_REPORTED_ERRORS = 1000;

type Manager = Pick<EntityManager, 'query'>;

interface Checked {
  rows: ImportRow[];
  totalRows: number;
  validRows: number;
  errors: ImportRowError[];
}

/**
 * CSV import of systems. A dry run checks every row and writes nothing; a real import checks the same
 * way and then writes all rows in one transaction, or none when any row is bad.
 */
@Injectable()
export class SystemsImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async import(csv: string, dryRun: boolean, user: Pick<CurrentUser, 'id'>): Promise<SystemImportResult> {
    if (dryRun) return result(true, await this.check(this.db.manager, csv), 0);
    return withConstraintErrors(
      () =>
        this.db.transaction(async (m) => {
          const checked = await this.check(m, csv);
          if (checked.errors.length > 0) return result(false, checked, 0);
          const ids: string[] = [];
          // each batch: one multi-row INSERT and its status history rows (null → status, "imported")
          for (let i = 0; i < checked.rows.length; i += IMPORT_BATCH) {
            ids.push(
              ...(await registerSystems(m, checked.rows.slice(i, i + IMPORT_BATCH), {
                reason: 'imported',
                actorId: user.id,
              })),
            );
          }
          if (ids.length > 0) {
            const rows = checked.rows;
            await this.audit.record(
              {
                action: 'create',
                entityType: 'system_import',
                entityId: null,
                after: {
                  count: ids.length,
                  firstSerial: rows[0].serialNumber,
                  lastSerial: rows[rows.length - 1].serialNumber,
                },
              },
              m,
            );
          }
          return result(false, checked, ids.length);
        }),
      SYSTEM_CONSTRAINT_FIELDS,
    );
  }

  /** Every check, for every row: fields, references, duplicates within the file and against the database. */
  private async check(m: Manager, csv: string): Promise<Checked> {
    const parsed = parseSystemsCsv(csv ?? '');
    const refs = await loadRefs(m, referencedKeys(parsed.records));
    const errors = [...parsed.errors];
    const rows: ImportRow[] = [];
    for (const record of parsed.records) {
      const { row, errors: rowErrors } = validateRecord(record, refs);
      errors.push(...rowErrors);
      if (row) rows.push(row);
    }
    errors.push(...duplicatesInFile(rows));
    errors.push(...(await duplicatesInDatabase(m, rows)));
    const bad = new Set(errors.map((e) => e.line));
    return {
      rows,
      totalRows: parsed.records.length,
      validRows: parsed.records.filter((r) => !bad.has(r.line)).length,
      errors: sortErrors(errors),
    };
  }
}

function result(dryRun: boolean, c: Checked, imported: number): SystemImportResult {
  return {
    dryRun,
    totalRows: c.totalRows,
    validRows: c.validRows,
    imported,
    errors: c.errors.slice(0, MAX_REPORTED_ERRORS),
  };
}

/** The file's references, one query per kind, matched as `refKey` does (trimmed, case-insensitive). */
async function loadRefs(m: Manager, keys: Record<keyof ImportRefs, string[]>): Promise<ImportRefs> {
  const lookup = async (table: string, column: string, values: string[]) => {
    if (values.length === 0) return new Map<string, string>();
    const rows: Array<{ k: string; id: string }> = await m.query(
      `SELECT lower(trim(${column})) AS k, id FROM ${table} WHERE lower(trim(${column})) = ANY($1::text[])`,
      [values],
    );
    return new Map(rows.map((r) => [r.k, r.id]));
  };
  return {
    models: await lookup('system_models', 'designation', keys.models),
    partners: await lookup('partners', 'code', keys.partners),
    units: await lookup('units', 'code', keys.units),
    facilities: await lookup('facilities', 'code', keys.facilities),
  };
}

/** Rows whose serial number already exists for the model, from one query. */
async function duplicatesInDatabase(m: Manager, rows: ImportRow[]): Promise<ImportRowError[]> {
  if (rows.length === 0) return [];
  const found: Array<{ model_id: string; serial_number: string }> = await m.query(
    `SELECT s.model_id, s.serial_number FROM systems s
       JOIN unnest($1::uuid[], $2::text[]) AS x(model_id, serial_number)
         ON x.model_id = s.model_id AND x.serial_number = s.serial_number`,
    [rows.map((r) => r.modelId), rows.map((r) => r.serialNumber)],
  );
  const taken = new Set(found.map((f) => `${f.model_id}\u0000${f.serial_number}`));
  return rows
    .filter((r) => taken.has(`${r.modelId}\u0000${r.serialNumber}`))
    .map((r) => ({
      line: r.line,
      column: 'serial_number',
      code: 'serial_registered' as const,
      params: { serial: r.serialNumber },
      message: `Serial number ${r.serialNumber} is already registered for this model`,
    }));
}
