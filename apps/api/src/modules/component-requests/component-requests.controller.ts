import { Controller, Inject, Res } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import type { Response } from 'express';
import { CurrentUser } from '../../common/auth.decorators';
import { sendCsv } from '../../common/csv';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { componentRequestExportColumns, toRequestExportRecord } from './component-requests-export';
import { ComponentRequestsService } from './component-requests.service';

const ep = endpoints.componentRequests;

/** Static paths (export.csv, metrics) come before `{id}` so they are never read as an id. */
@Controller()
export class ComponentRequestsController {
  constructor(@Inject(ComponentRequestsService) private readonly requests: ComponentRequestsService) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>, @CurrentUser() user: CurrentUserShape) {
    return this.requests.list(query, user);
  }

  /** every match of the list's filters as CSV, streamed 1 000 rows at a time in the list's order */
  @Endpoint(ep.export)
  async export(@Input() { query }: In<typeof ep.export>, @CurrentUser() user: CurrentUserShape, @Res() res: Response) {
    await sendCsv(res, {
      filename: 'component-requests.csv',
      columns: componentRequestExportColumns,
      batches: this.requests.exportBatches(query, user),
      toCells: toRequestExportRecord,
      what: 'component requests',
    });
  }

  @Endpoint(ep.metrics)
  metrics(@CurrentUser() user: CurrentUserShape) {
    return this.requests.metrics(user);
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>, @CurrentUser() user: CurrentUserShape) {
    return this.requests.detail(params.id, user);
  }

  @Endpoint(ep.create)
  create(@Input() { body }: In<typeof ep.create>, @CurrentUser() user: CurrentUserShape) {
    return this.requests.create(body, user);
  }

  @Endpoint(ep.update)
  update(@Input() { params, body }: In<typeof ep.update>, @CurrentUser() user: CurrentUserShape) {
    return this.requests.update(params.id, body, user);
  }

  @Endpoint(ep.transition)
  transition(@Input() { params, body }: In<typeof ep.transition>, @CurrentUser() user: CurrentUserShape) {
    return this.requests.transition(params.id, body, user);
  }

  @Endpoint(ep.createDelivery)
  addDelivery(@Input() { params, body }: In<typeof ep.createDelivery>, @CurrentUser() user: CurrentUserShape) {
    return this.requests.addDelivery(params.id, body, user);
  }
}
