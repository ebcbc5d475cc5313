import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateJointVentureInput,
  JointVentureResponse,
  ListJointVenturesQuery,
  Page,
  UpdateJointVentureInput,
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

type JvPartner = JointVentureResponse['partners'][number];

interface JointVentureRow {
  id: string;
  name: string;
  ukrainian_company: string;
  scopes: JointVentureResponse['scopes'];
  established_on: string;
  partners: JvPartner[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

/**
 * The foreign partners of each JV come from the same query (a lateral json_agg), never one query per
 * row. `established_on` is formatted in SQL so the driver never turns a date into a local-time Date.
 */
const SELECT = `SELECT jv.id, jv.name, jv.ukrainian_company, jv.scopes,
                       to_char(jv.established_on, 'YYYY-MM-DD') AS established_on,
                       coalesce(jp.partners, '[]'::json) AS partners, jv.version, jv.created_at, jv.updated_at
                  FROM joint_ventures jv
                  LEFT JOIN LATERAL (
                    SELECT json_agg(json_build_object('partnerId', x.partner_id, 'companyName', x.company_name,
                                                      'partnerCode', pa.code, 'partnerName', pa.name)
                                    ORDER BY pa.code) AS partners
                      FROM joint_venture_partners x JOIN partners pa ON pa.id = x.partner_id
                     WHERE x.joint_venture_id = jv.id) jp ON true`;
const COLUMNS = {
  name: 'name',
  ukrainianCompany: 'ukrainian_company',
  scopes: 'scopes',
  establishedOn: 'established_on',
} as const;

const toResponse = (r: JointVentureRow): JointVentureResponse => ({
  id: r.id,
  name: r.name,
  ukrainianCompany: r.ukrainian_company,
  scopes: r.scopes,
  establishedOn: r.established_on,
  partners: r.partners.map((p) => ({
    partnerId: p.partnerId,
    companyName: p.companyName,
    partnerCode: p.partnerCode,
    partnerName: p.partnerName,
  })),
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const partnerLinks = (ps: ReadonlyArray<{ partnerId: string; companyName: string }>) =>
  ps.map((p) => ({ partnerId: p.partnerId, companyName: p.companyName }));

/** Joint ventures: a Ukrainian company with foreign partner companies; listed by name. */
@Injectable()
export class JointVenturesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(q: ListJointVenturesQuery): Promise<Page<JointVentureResponse>> {
    const p = new SqlParams();
    const where: string[] = [];
    if (q.q) {
      const s = p.add(containsPattern(q.q));
      where.push(`(jv.name ILIKE ${s} OR jv.ukrainian_company ILIKE ${s})`);
    }
    if (q.partnerId) {
      where.push(
        `EXISTS (SELECT 1 FROM joint_venture_partners f
                  WHERE f.joint_venture_id = jv.id AND f.partner_id = ${p.add(q.partnerId)})`,
      );
    }
    const after = afterCursor(p, 'jv.name', 'jv.id', q.cursor);
    if (after) where.push(after);
    const rows: JointVentureRow[] = await this.db.query(
      `${SELECT} ${whereSql(where)} ORDER BY jv.name, jv.id LIMIT ${p.add(q.limit + 1)}`,
      p.values,
    );
    return toPage(rows.map(toResponse), q.limit, (x) => [x.name, x.id]);
  }

  async get(id: string, m: EntityManager = this.db.manager): Promise<JointVentureResponse> {
    const [row]: JointVentureRow[] = await m.query(`${SELECT} WHERE jv.id = $1`, [id]);
    if (!row) throw new NotFound('Joint venture');
    return toResponse(row);
  }

  create(input: CreateJointVentureInput): Promise<JointVentureResponse> {
    return withConstraintErrors(
      () =>
        this.db.transaction(async (m) => {
          await this.checkPartners(m, input.partners);
          const [{ id }] = await m.query(
            `INSERT INTO joint_ventures (name, ukrainian_company, scopes, established_on)
             VALUES ($1, $2, $3, $4) RETURNING id`,
            [input.name, input.ukrainianCompany, input.scopes, input.establishedOn],
          );
          await this.insertPartners(m, id, input.partners);
          const after = await this.get(id, m);
          await this.audit.record({ action: 'create', entityType: 'joint_venture', entityId: id, after }, m);
          return after;
        }),
      { partner_id: 'partners' },
    );
  }

  /** `partners`, when present, replaces the whole list (and bumps the JV's version like any change). */
  update(id: string, { version, partners, ...patch }: UpdateJointVentureInput): Promise<JointVentureResponse> {
    return withConstraintErrors(
      () =>
        this.db.transaction(async (m) => {
          const before = await this.get(id, m);
          if (before.version !== version) throw new StaleVersion(before.version);
          const changed = changedFields(before, patch);
          if (changed.length === 0 && partners === undefined) return before;
          if (partners) await this.checkPartners(m, partners);
          await updateVersioned(m, 'joint_ventures', id, version, columnsOf(patch, changed, COLUMNS), 'Joint venture');
          if (partners) {
            await m.query(`DELETE FROM joint_venture_partners WHERE joint_venture_id = $1`, [id]);
            await this.insertPartners(m, id, partners);
          }
          const after = await this.get(id, m);
          const keys = [...changed, 'version' as const];
          const auditBefore: Record<string, unknown> = pick(before, keys);
          const auditAfter: Record<string, unknown> = pick(after, keys);
          if (partners) {
            auditBefore['partners'] = partnerLinks(before.partners);
            auditAfter['partners'] = partnerLinks(after.partners);
          }
          await this.audit.record(
            { action: 'update', entityType: 'joint_venture', entityId: id, before: auditBefore, after: auditAfter },
            m,
          );
          return after;
        }),
      { partner_id: 'partners' },
    );
  }

  /** Every listed partner must exist and be a foreign partner (the host country is the Ukrainian side). */
  private async checkPartners(m: EntityManager, partners: ReadonlyArray<{ partnerId: string }>): Promise<void> {
    const found = await findReferenced<{ role: string }>(
      m,
      'partners',
      partners.map((p) => p.partnerId),
      ['role'],
    );
    const errors: FieldErrorInput[] = [];
    partners.forEach((p, i) => {
      const row = found.get(p.partnerId);
      if (!row) errors.push({ path: `partners.${i}.partnerId`, code: 'not_found' });
      else if (row.role === 'host') errors.push({ path: `partners.${i}.partnerId`, code: 'host_not_partner' });
    });
    if (errors.length) throw new ValidationFailed(errors);
  }

  private async insertPartners(
    m: EntityManager,
    id: string,
    partners: ReadonlyArray<{ partnerId: string; companyName: string }>,
  ): Promise<void> {
    await m.query(
      `INSERT INTO joint_venture_partners (joint_venture_id, partner_id, company_name)
       SELECT $1, p.partner_id, p.company_name FROM unnest($2::uuid[], $3::text[]) AS p(partner_id, company_name)`,
      [id, partners.map((p) => p.partnerId), partners.map((p) => p.companyName)],
    );
  }
}
