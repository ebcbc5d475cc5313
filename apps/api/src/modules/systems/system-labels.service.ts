import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser } from '@jv/contracts';
import type { DataSource } from 'typeorm';
import { NotFound } from '../../common/errors';
import { systemScope } from '../../common/scope';
import { SqlParams, whereSql } from '../../common/sql';
import { ENV, type Env } from '../../config/env';
import { renderSystemLabel } from './system-label';

type Actor = Pick<CurrentUser, 'role' | 'partnerId' | 'facilityIds'>;

/**
 * QR labels. A label needs three names, not the system's wear and forecast: one indexed lookup per label
 * (a sheet asks for hundreds at once) under the same read scope as GET /systems/{id}, so what is 404 there
 * is 404 here.
 */
@Injectable()
export class SystemLabelsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Pick<Env, 'PUBLIC_URL'>,
  ) {}

  async label(id: string, user: Actor): Promise<string> {
    const p = new SqlParams();
    const where = [`s.id = ${p.add(id)}::uuid`, ...systemScope(user, p)];
    const [row]: Array<{ id: string; serial_number: string; designation: string; code: string }> = await this.db.query(
      `SELECT s.id, s.serial_number, m.designation, dp.code
           FROM systems s
           JOIN system_models m ON m.id = s.model_id
           JOIN partners dp ON dp.id = s.donor_partner_id
         ${whereSql(where)}`,
      p.values,
    );
    if (!row) throw new NotFound('System');
    return renderSystemLabel({
      url: `${this.env.PUBLIC_URL}/systems/${row.id}`,
      serialNumber: row.serial_number,
      modelDesignation: row.designation,
      donorPartnerCode: row.code,
    });
  }
}
