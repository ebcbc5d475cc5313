import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  type ChangeSystemStatusInput, changeSystemStatusInputSchema, type CreateSystemInput, createSystemInputSchema,
  type CurrentUser as CurrentUserShape, type ExportSystemsQuery, exportSystemsQuerySchema, idParamSchema, type ListSystemsQuery,
  listSystemsQuerySchema, readinessSummaryQuerySchema, type SystemImportQuery, systemImportQuerySchema, type UpdateSystemInput,
  updateSystemInputSchema,
} from '@jv/contracts';
import type { Response } from 'express';
import type { z } from 'zod';
import { Allow, CurrentUser } from '../../common/auth.decorators';
import { sendCsv } from '../../common/csv';
import { DomainError } from '../../common/errors';
import { zodPipe } from '../../common/zod-validation.pipe';
import { systemExportColumns, toExportRecord } from './systems-export';
import { SystemsImportService } from './systems-import.service';
import { utcToday } from './systems.query';
import { SystemsService } from './systems.service';

/** Static paths (readiness, export.csv, import) come before `:id` so they are never read as an id. */
@Controller('v1/systems')
export class SystemsController {
  constructor(
    @Inject(SystemsService) private readonly systems: SystemsService,
    @Inject(SystemsImportService) private readonly importer: SystemsImportService,
  ) {}

  @Get()
  @Allow('systems', 'read')
  list(@Query(zodPipe(listSystemsQuerySchema)) q: ListSystemsQuery, @CurrentUser() user: CurrentUserShape) {
    return this.systems.list(q, user);
  }

  @Get('readiness')
  @Allow('systems', 'read')
  readiness(@Query(zodPipe(readinessSummaryQuerySchema)) q: z.infer<typeof readinessSummaryQuerySchema>, @CurrentUser() user: CurrentUserShape) {
    return this.systems.readiness(q.groupBy, user);
  }

  /** Streams every match of the list's filters as CSV, 1 000 rows at a time. */
  @Get('export.csv')
  @Allow('systems', 'read')
  async export(@Query(zodPipe(exportSystemsQuerySchema)) q: ExportSystemsQuery, @CurrentUser() user: CurrentUserShape, @Res() res: Response) {
    await sendCsv(res, {
      filename: `systems-${utcToday()}.csv`, columns: systemExportColumns, batches: this.systems.exportBatches(q, user),
      toCells: ({ row, system }) => toExportRecord(row, system), what: 'systems',
    });
  }

  /**
   * CSV import (body text/csv). Dry run (the default): 200 with the result, nothing written. Real
   * import: 201 with `imported` when every row is valid; 200 with `imported: 0` and the errors otherwise.
   */
  @Post('import')
  @Allow('systemImport', 'write')
  async import(
    @Query(zodPipe(systemImportQuerySchema)) q: SystemImportQuery,
    @Body() body: unknown,
    @CurrentUser() user: CurrentUserShape,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (typeof body !== 'string') throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 415, 'Send the file as text/csv');
    const result = await this.importer.import(body, q.dryRun === 'true', user);
    res.status(!result.dryRun && result.errors.length === 0 ? 201 : 200);
    return result;
  }

  @Get(':id')
  @Allow('systems', 'read')
  get(@Param(zodPipe(idParamSchema)) { id }: { id: string }, @CurrentUser() user: CurrentUserShape) {
    return this.systems.get(id, user);
  }

  @Post()
  @Allow('systems', 'write')
  create(@Body(zodPipe(createSystemInputSchema)) body: CreateSystemInput, @CurrentUser() user: CurrentUserShape) {
    return this.systems.create(body, user);
  }

  @Patch(':id')
  @Allow('systems', 'write')
  update(
    @Param(zodPipe(idParamSchema)) { id }: { id: string },
    @Body(zodPipe(updateSystemInputSchema)) body: UpdateSystemInput,
    @CurrentUser() user: CurrentUserShape,
  ) {
    return this.systems.update(id, body, user);
  }

  @Post(':id/status')
  @Allow('systemStatus', 'write')
  @HttpCode(200)
  changeStatus(
    @Param(zodPipe(idParamSchema)) { id }: { id: string },
    @Body(zodPipe(changeSystemStatusInputSchema)) body: ChangeSystemStatusInput,
    @CurrentUser() user: CurrentUserShape,
  ) {
    return this.systems.changeStatus(id, body, user);
  }

  @Get(':id/history')
  @Allow('systems', 'read')
  history(@Param(zodPipe(idParamSchema)) { id }: { id: string }, @CurrentUser() user: CurrentUserShape) {
    return this.systems.history(id, user);
  }
}
