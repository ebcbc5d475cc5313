import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import {
  type CreateUsageReportInput, createUsageReportInputSchema, type CurrentUser as CurrentUserShape, idParamSchema,
  type ListUsageReportsQuery, listUsageReportsQuerySchema, type UsageWeeklyQuery, usageWeeklyQuerySchema,
} from '@jv/contracts';
import { Allow, CurrentUser } from '../../common/auth.decorators';
import { zodPipe } from '../../common/zod-validation.pipe';
import { UsageReportsService } from './usage-reports.service';

/** Usage reports of one system: rounds fired per day, and the weekly totals for the chart. */
@Controller('v1/systems/:id')
export class UsageReportsController {
  constructor(@Inject(UsageReportsService) private readonly usage: UsageReportsService) {}

  @Post('usage-reports')
  @Allow('usageReports', 'write')
  create(
    @Param(zodPipe(idParamSchema)) { id }: { id: string },
    @Body(zodPipe(createUsageReportInputSchema)) body: CreateUsageReportInput,
    @CurrentUser() user: CurrentUserShape,
  ) {
    return this.usage.create(id, body, user);
  }

  @Get('usage-reports')
  @Allow('usageReports', 'read')
  list(
    @Param(zodPipe(idParamSchema)) { id }: { id: string },
    @Query(zodPipe(listUsageReportsQuerySchema)) q: ListUsageReportsQuery,
    @CurrentUser() user: CurrentUserShape,
  ) {
    return this.usage.list(id, q, user);
  }

  @Get('usage-weekly')
  @Allow('usageReports', 'read')
  weekly(
    @Param(zodPipe(idParamSchema)) { id }: { id: string },
    @Query(zodPipe(usageWeeklyQuerySchema)) q: UsageWeeklyQuery,
    @CurrentUser() user: CurrentUserShape,
  ) {
    return this.usage.weekly(id, q.weeks, user);
  }
}
