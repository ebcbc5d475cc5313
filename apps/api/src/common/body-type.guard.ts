import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { type EndpointDef, PHOTO_MAX_BYTES, photoContentTypes } from '@jv/contracts';
import { raw, text, type Request, type RequestHandler, type Response } from 'express';
import { AppError } from './errors';

/** The CSV import limit: far above the JSON limit, so it is read only where a file is expected. */
export const CSV_BODY_LIMIT = '20mb';

const csvParser = text({ limit: CSV_BODY_LIMIT, type: ['text/csv'] });
/** A photo arrives as its own bytes; a declared size above the cap is refused before a byte is read. */
const imageParser = raw({ limit: PHOTO_MAX_BYTES, type: [...photoContentTypes] });

/**
 * Runs after the session guard (a method guard comes after the global ones): a `text/csv` or image
 * endpoint reads its body only now, after authentication and the role check, so an anonymous client can never
 * make the server buffer 20 MB; any other endpoint refuses a `text/csv` body with 415 (it keeps the
 * JSON parser and limit set up in bootstrap).
 */
@Injectable()
export class BodyTypeGuard implements CanActivate {
  constructor(private readonly def: Pick<EndpointDef, 'bodyType'>) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (this.def.bodyType !== 'csv' && this.def.bodyType !== 'image') {
      if (req.is('text/csv')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', {}, 'This endpoint takes no CSV file');
      return true;
    }
    if (this.def.bodyType === 'image' && !req.is([...photoContentTypes])) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', {}, `Send the photo as ${photoContentTypes.join(', ')}`);
    }
    const parser: RequestHandler = this.def.bodyType === 'image' ? imageParser : csvParser;
    const res = ctx.switchToHttp().getResponse<Response>();
    await new Promise<void>((resolve, reject) => parser(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
    return true;
  }
}
