import { Controller, Inject, Req, Res } from '@nestjs/common';
import { type CurrentUser as CurrentUserShape, endpoints } from '@jv/contracts';
import type { Request, Response } from 'express';
import { CurrentUser } from '../../common/auth.decorators';
import { Endpoint, Input, type In } from '../../common/endpoint';
import { RepairJobPhotosService } from './repair-job-photos.service';

const ep = endpoints.repairJobPhotos;

@Controller()
export class RepairJobPhotosController {
  constructor(@Inject(RepairJobPhotosService) private readonly photos: RepairJobPhotosService) {}

  @Endpoint(ep.list)
  list(@Input() { params }: In<typeof ep.list>, @CurrentUser() user: CurrentUserShape) {
    return this.photos.list(params.id, user);
  }

  @Endpoint(ep.upload)
  upload(
    @Input() { params, query, body }: In<typeof ep.upload>,
    @Req() req: Request,
    @CurrentUser() user: CurrentUserShape,
  ) {
    return this.photos.upload(params.id, query, Buffer.from(body), req.get('content-type') ?? '', user);
  }

  /** A photo never changes under its id: the browser may keep it (privately) and revalidate by ETag. */
  @Endpoint(ep.get)
  async get(
    @Input() { params }: In<typeof ep.get>,
    @CurrentUser() user: CurrentUserShape,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const photo = await this.photos.bytes(params.id, params.photoId, user);
    const etag = `"${photo.sha256}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'private, max-age=86400');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.get('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    res.status(200);
    res.setHeader('Content-Type', photo.contentType);
    res.setHeader('Content-Length', String(photo.bytes.length));
    res.end(photo.bytes);
  }

  @Endpoint(ep.remove)
  remove(@Input() { params }: In<typeof ep.remove>, @CurrentUser() user: CurrentUserShape) {
    return this.photos.remove(params.id, params.photoId, user);
  }
}
