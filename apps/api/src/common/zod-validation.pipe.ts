import { type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ValidationFailed } from './errors';

/** Validates a body, query or params with a contract schema; a failure is a 400 listing every field. */
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) {
      throw new ValidationFailed(
        result.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message })),
      );
    }
    return result.data;
  }
}

export const zodPipe = <T extends z.ZodType>(schema: T) => new ZodValidationPipe(schema);
