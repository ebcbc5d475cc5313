import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  HttpCode,
  RequestMapping,
  RequestMethod,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { type EndpointDef, type EndpointInput, successStatus } from '@jv/contracts';
import { rolesFor } from '@jv/domain';
import type { Request } from 'express';
import type { z } from 'zod';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { BodyTypeGuard } from './body-type.guard';
import { AppError, type FieldErrorInput, ValidationFailed } from './errors';
import { fieldErrorsFromIssues } from './field-errors';

export const ENDPOINT = 'jv:endpoint';

const METHODS: Record<EndpointDef['method'], RequestMethod> = {
  GET: RequestMethod.GET,
  POST: RequestMethod.POST,
  PATCH: RequestMethod.PATCH,
  PUT: RequestMethod.PUT,
  DELETE: RequestMethod.DELETE,
};

/** `/v1/systems/{id}` → `/v1/systems/:id` (Express route syntax). */
export const toRoutePath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Binds a controller method to its declaration in the endpoint table: route, success status and the
 * permission (the session guard reads it: deny by default, the table's roles, or public). The method
 * takes `@Input()`; the per-object scope stays in the service.
 */
export function Endpoint(def: EndpointDef): MethodDecorator {
  const decorators: Array<MethodDecorator | ClassDecorator> = [
    SetMetadata(ENDPOINT, def),
    RequestMapping({ path: toRoutePath(def.path), method: METHODS[def.method] }),
    HttpCode(successStatus(def)),
    // after the global session guard: a CSV body is read only now, and refused where none is expected
    UseGuards(new BodyTypeGuard(def)),
  ];
  if (def.permission === 'public') decorators.push(SetMetadata(IS_PUBLIC, true));
  else if (def.permission !== 'signedIn') {
    decorators.push(SetMetadata(ROLES, rolesFor(def.permission.resource, def.permission.action)));
  }
  return applyDecorators(...decorators);
}

function check(schema: z.ZodType | undefined, value: unknown, errors: FieldErrorInput[]): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {}, { reportInput: true });
  if (result.success) return result.data;
  errors.push(...fieldErrorsFromIssues(result.error.issues));
  return undefined;
}

/**
 * The endpoint's validated `{ params, query, body }`, parsed with its contract schemas; any bad field
 * (in any of the three) is one 400 listing every field. A `text/csv` endpoint receives its body as text, an
 * image endpoint as a Buffer.
 */
export const Input = createParamDecorator((_: unknown, ctx: ExecutionContext): EndpointInput<EndpointDef> => {
  const def = Reflect.getMetadata(ENDPOINT, ctx.getHandler()) as EndpointDef | undefined;
  if (!def) throw new Error(`@Input() used on ${ctx.getHandler().name} without @Endpoint()`);
  const req = ctx.switchToHttp().getRequest<Request>();
  const errors: FieldErrorInput[] = [];
  const params = check(def.params, req.params, errors);
  const query = check(def.query, req.query, errors);
  let body: unknown;
  if (def.bodyType === 'csv') {
    if (typeof req.body !== 'string') throw new AppError('UNSUPPORTED_MEDIA_TYPE', {}, 'Send the file as text/csv');
    body = req.body;
  } else if (def.bodyType === 'image') {
    if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', {}, 'Send the image as its bytes');
    body = req.body;
  } else {
    body = check(def.body, req.body, errors);
  }
  if (errors.length) throw new ValidationFailed(errors);
  return { params, query, body } as EndpointInput<EndpointDef>;
});

/** The validated input of one endpoint, for a controller method's `@Input()` parameter. */
export type In<E extends EndpointDef> = EndpointInput<E>;
