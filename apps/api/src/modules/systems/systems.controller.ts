import { Controller, Inject, Res } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import type { Response } from 'express';
import { CurrentUser } from '../../common/auth.decorators';
import { sendCsv } from '../../common/csv';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { SystemLabelsService } from './system-labels.service';
import { systemExportColumns, toExportRecord } from './systems-export';
import { SystemsImportService } from './systems-import.service';
import { utcToday } from './systems.query';
import { SystemsService } from './systems.service';

const ep = endpoints.systems;

/** Static paths (readiness, export.csv, import) come before `{id}` so they are never read as an id. */
@Controller()
export class SystemsController {
  constructor(
    @Inject(SystemsService) private readonly systems: SystemsService,
    @Inject(SystemsImportService) private readonly importer: SystemsImportService,
    @Inject(SystemLabelsService) private readonly labels: SystemLabelsService,
  ) {}

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>, @CurrentUser() user: CurrentUserShape) {
    return this.systems.list(query, user);
  }

  @Endpoint(ep.readiness)
  readiness(@Input() { query }: In<typeof ep.readiness>, @CurrentUser() user: CurrentUserShape) {
    return this.systems.readiness(query.groupBy, user);
  }

  /** Streams every match of the list's filters as CSV, 1 000 rows at a time. */
  @Endpoint(ep.export)
  async export(@Input() { query }: In<typeof ep.export>, @CurrentUser() user: CurrentUserShape, @Res() res: Response) {
    await sendCsv(res, {
      filename: `systems-${utcToday()}.csv`,
      columns: systemExportColumns,
      batches: this.systems.exportBatches(query, user),
      toCells: ({ row, system }) => toExportRecord(row, system),
      what: 'systems',
    });
  }

  /**
   * CSV import (body text/csv). Dry run (the default): 200 with the result, nothing written. Real
   * import: 201 with `imported` when every row is valid; 200 with `imported: 0` and the errors otherwise.
   */
  @Endpoint(ep.import)
  async import(
    @Input() { query, body }: In<typeof ep.import>,
    @CurrentUser() user: CurrentUserShape,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.importer.import(body, query.dryRun === 'true', user);
    res.status(!result.dryRun && result.errors.length === 0 ? 201 : 200);
    return result;
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>, @CurrentUser() user: CurrentUserShape) {
    return this.systems.get(params.id, user);
  }

  @Endpoint(ep.create)
  create(@Input() { body }: In<typeof ep.create>, @CurrentUser() user: CurrentUserShape) {
    return this.systems.create(body, user);
  }

  @Endpoint(ep.update)
  update(@Input() { params, body }: In<typeof ep.update>, @CurrentUser() user: CurrentUserShape) {
    return this.systems.update(params.id, body, user);
  }

  @Endpoint(ep.changeStatus)
  changeStatus(@Input() { params, body }: In<typeof ep.changeStatus>, @CurrentUser() user: CurrentUserShape) {
    return this.systems.changeStatus(params.id, body, user);
  }

  /**
   * The QR label of a system the user may read. Private: it names the system, so no shared cache keeps it;
   * five minutes let a sheet be printed again without asking for hundreds of labels anew, short enough
   * that an edited serial or model shows soon.
   */
  @Endpoint(ep.label)
  async label(@Input() { params }: In<typeof ep.label>, @CurrentUser() user: CurrentUserShape, @Res() res: Response) {
    const svg = await this.labels.label(params.id, user);
    res.status(200);
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.setHeader('Content-Disposition', `inline; filename="label-${params.id}.svg"`);
    res.end(svg);
  }

  @Endpoint(ep.history)
  history(@Input() { params }: In<typeof ep.history>, @CurrentUser() user: CurrentUserShape) {
    return this.systems.history(params.id, user);
  }
}
