import { rule } from '@jv/contracts';
import { z } from 'zod';
import { englishFieldMessage, fieldErrorsFromIssues } from './field-errors';

const issues = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) throw new Error('expected a failure');
  return fieldErrorsFromIssues(r.error.issues);
};

describe('fieldErrorsFromIssues', () => {
  it('keeps the code of a rule named in the contract, with its English sentence', () => {
    const schema = z.object({ serial: z.string().regex(/^[A-Z]+$/, rule('serial_chars')) });
    expect(issues(schema, { serial: 'a b' })).toEqual([
      { path: 'serial', code: 'serial_chars', message: 'Letters, digits, dots, slashes or dashes' },
    ]);
  });

  it('keeps zod codes with the bounds a message needs, and says required for a missing value', () => {
    const schema = z.object({
      name: z.string().min(3),
      count: z.number().int().max(10),
      tags: z.array(z.string()).min(1),
    });
    const out = issues(schema, { name: 'ab', count: 11 });
    expect(out).toEqual([
      expect.objectContaining({
        path: 'name',
        code: 'too_small',
        params: expect.objectContaining({ minimum: 3, origin: 'string' }),
      }),
      expect.objectContaining({
        path: 'count',
        code: 'too_big',
        params: expect.objectContaining({ maximum: 10, origin: 'number' }),
      }),
      { path: 'tags', code: 'required', message: 'Required' },
    ]);
  });

  it('names enum values and nested paths', () => {
    const schema = z.object({ rows: z.array(z.object({ kind: z.enum(['a', 'b']) })) });
    expect(issues(schema, { rows: [{ kind: 'c' }] })).toEqual([
      expect.objectContaining({ path: 'rows.0.kind', code: 'invalid_value', params: { values: ['a', 'b'] } }),
    ]);
  });

  it('puts a problem of the whole body on (body)', () => {
    expect(issues(z.object({ a: z.string() }).strict(), { a: 'x', b: 1 })).toEqual([
      expect.objectContaining({ path: '(body)', code: 'unrecognized_keys', params: { keys: ['b'] } }),
    ]);
  });
});

describe('englishFieldMessage', () => {
  it('gives every named rule a sentence and puts the bound into a period that is too long', () => {
    expect(englishFieldMessage('before_job_opened')).toBe('Cannot be dated before the job was opened');
    expect(englishFieldMessage('period_too_long', { maximum: 366 })).toBe('The period is at most 366 days');
    expect(englishFieldMessage('custom')).toBe('Invalid value');
  });
});
