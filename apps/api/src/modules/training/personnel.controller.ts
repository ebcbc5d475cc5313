import { Controller, Inject, Res } from '@nestjs/common';
import { endpoints } from '@jv/contracts';
import type { Response } from 'express';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { PersonnelService } from './personnel.service';

const ep = endpoints.personnel;
const qualifications = endpoints.qualifications;

/** Personnel and their qualifications (admin and training only, by the permission table). Import before `{id}`. */
@Controller()
export class PersonnelController {
  constructor(@Inject(PersonnelService) private readonly personnel: PersonnelService) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>) {
    return this.personnel.list(query);
  }

  /** Dry run (the default): 200, nothing written. Real import: 201 when every row is valid, else 200 with errors. */
  @Endpoint(ep.import)
  async import(@Input() { query, body }: In<typeof ep.import>, @Res({ passthrough: true }) res: Response) {
    const result = await this.personnel.import(body, query.dryRun === 'true');
    res.status(!result.dryRun && result.errors.length === 0 ? 201 : 200);
    return result;
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>) {
    return this.personnel.get(params.id);
  }

  @Endpoint(ep.create)
  create(@Input() { body }: In<typeof ep.create>) {
    return this.personnel.create(body);
  }

  @Endpoint(ep.update)
  update(@Input() { params, body }: In<typeof ep.update>) {
    return this.personnel.update(params.id, body);
  }

  @Endpoint(qualifications.list)
  qualifications(@Input() { query }: In<typeof qualifications.list>) {
    return this.personnel.qualifications(query);
  }
}
