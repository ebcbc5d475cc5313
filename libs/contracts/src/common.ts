import { z } from 'zod';

export const idSchema = z.uuid();
export const idParamSchema = z.object({ id: z.uuid() });

/** Every mutable record carries a version; an update on a stale version is refused with 409. */
export const versionSchema = z.number().int().min(1);

/** Keyset pagination: `limit` and an opaque `cursor`, answering `{ items, nextCursor }`. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * RFC 9457 problem details. `code` is from the error catalogue (errors.ts) and that code's parameters
 * stand beside it (`allowed`, `jobNumber`…); `errors` lists each refused field with its rule's code.
 */
export const problemDetailsSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().optional(),
    correlationId: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          code: z.string().optional(),
          message: z.string(),
          params: z.record(z.string(), z.unknown()).optional(),
        }),
      )
      .optional(),
    allowed: z.array(z.string()).optional(),
  })
  .catchall(z.unknown());
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;

export const timestampsSchema = z.object({
  version: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});

export const trimmed = (min = 1, max = 200) => z.string().trim().min(min).max(max);
