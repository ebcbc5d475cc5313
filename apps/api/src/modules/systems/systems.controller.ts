import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  type ChangeSystemStatusInput, changeSystemStatusInputSchema, type CreateSystemInput, createSystemInputSchema,
  type CurrentUser as CurrentUserShape, type ExportSystemsQuery, exportSystemsQuerySchema, idParamSchema, type ListSystemsQuery,
  listSystemsQuerySchema, readinessSummaryQuerySchema, type SystemImportQuery, systemImportQuerySchema, type UpdateSystemInput,
  updateSystemInputSchema,
} from '@jv/contracts';
import type { Response } from 'express';
import { once } from 'node:events';
import type { z } from 'zod';
import { Allow, CurrentUser } from '../../common/auth.decorators';
import { DomainError } from '../../common/errors';
import { rootLogger } from '../../common/logger';
import { zodPipe } from '../../common/zod-validation.pipe';
import { csvHeader, toCsvLines, toExportRecord } from './systems-export';
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
    const batches = this.systems.exportBatches(q, user);
    // the first batch is read before anything is sent, so an error there still answers as problem details
    const first = await batches.next();
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="systems-${utcToday()}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    // back-pressure: wait for the socket to drain (or close, when the client went away)
    const write = async (chunk: string) => { if (chunk && !res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]); };
    try {
      await write(`\uFEFF${csvHeader()}`);
      if (!first.done) await write(toCsvLines(first.value.map(({ row, system }) => toExportRecord(row, system))));
      for await (const batch of batches) {
        if (res.destroyed) return;
        await write(toCsvLines(batch.map(({ row, system }) => toExportRecord(row, system))));
      }
      res.end();
    } catch (err) {
      // the status line is sent: the only honest answer left is a cut connection (never a silently short file)
      rootLogger().error({ err }, 'systems export failed while streaming');
      res.destroy(err as Error);
    }
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
