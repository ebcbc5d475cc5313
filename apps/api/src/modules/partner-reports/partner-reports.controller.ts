import { Controller, Inject, Res } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import type { Response } from 'express';
import { CurrentUser } from '../../common/auth.decorators';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { type DocumentFile, PartnerReportsService } from './partner-reports.service';

const ep = endpoints.partnerReports;

/** Sends a report document as an attachment; its ETag is its SHA-256. */
function sendDocument(res: Response, file: DocumentFile): void {
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  res.setHeader('ETag', `"${file.sha256}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Content-Length', String(file.content.length));
  res.end(file.content);
}

/** Static paths (preview) come before `{id}` so they are never read as an id. */
@Controller()
export class PartnerReportsController {
  constructor(@Inject(PartnerReportsService) private readonly reports: PartnerReportsService) {}

  @Endpoint(ep.preview)
  preview(@Input() { query }: In<typeof ep.preview>) {
    return this.reports.preview(query);
  }

  @Endpoint(ep.list)
  list(@Input() { query }: In<typeof ep.list>, @CurrentUser() user: CurrentUserShape) {
    return this.reports.list(query, user);
  }

  @Endpoint(ep.create)
  create(@Input() { body }: In<typeof ep.create>, @CurrentUser() user: CurrentUserShape) {
    return this.reports.create(body, user);
  }

  @Endpoint(ep.get)
  get(@Input() { params }: In<typeof ep.get>, @CurrentUser() user: CurrentUserShape) {
    return this.reports.detail(params.id, user);
  }

  @Endpoint(ep.refresh)
  refresh(@Input() { params }: In<typeof ep.refresh>, @CurrentUser() user: CurrentUserShape) {
    return this.reports.refresh(params.id, user);
  }

  @Endpoint(ep.transition)
  transition(@Input() { params, body }: In<typeof ep.transition>, @CurrentUser() user: CurrentUserShape) {
    return this.reports.transition(params.id, body, user);
  }

  @Endpoint(ep.pdf)
  async pdf(
    @Input() { params, query }: In<typeof ep.pdf>,
    @CurrentUser() user: CurrentUserShape,
    @Res() res: Response,
  ) {
    sendDocument(res, await this.reports.document(params.id, 'pdf', query.lang, user));
  }

  @Endpoint(ep.csv)
  async csv(
    @Input() { params, query }: In<typeof ep.csv>,
    @CurrentUser() user: CurrentUserShape,
    @Res() res: Response,
  ) {
    sendDocument(res, await this.reports.document(params.id, 'csv', query.lang, user));
  }

  @Endpoint(ep.releases)
  releases(@Input() { params }: In<typeof ep.releases>, @CurrentUser() user: CurrentUserShape) {
    return this.reports.releases(params.id, user);
  }

  @Endpoint(ep.recordRelease)
  recordRelease(@Input() { params, body }: In<typeof ep.recordRelease>, @CurrentUser() user: CurrentUserShape) {
    return this.reports.recordRelease(params.id, body, user);
  }
}
