import { AppError, ValidationFailed } from './errors';
import { translatePgError, withConstraintErrors } from './pg-errors';

const queryFailed = (code: string, detail: string) =>
  Object.assign(new Error('query failed'), { driverError: { code, detail } });

describe('translatePgError', () => {
  it('maps a unique violation to 409 DUPLICATE naming the camelCased field', () => {
    const e = translatePgError(queryFailed('23505', 'Key (part_number)=(BRL-1) already exists.'));
    expect(e).toBeInstanceOf(AppError);
    expect([(e as AppError).code, (e as AppError).status]).toEqual(['DUPLICATE', 409]);
    expect((e as AppError).extra).toEqual({
      errors: [{ path: 'partNumber', code: 'duplicate', message: 'Already in use' }],
    });
  });

  it('maps a foreign-key violation to a 400 on the field, honouring an explicit column map', () => {
    const e = translatePgError(queryFailed('23503', 'Key (origin_partner_id)=(x) is not present in table "partners".'));
    expect(e).toBeInstanceOf(ValidationFailed);
    expect((e as ValidationFailed).errors).toEqual([
      { path: 'originPartnerId', code: 'not_found', message: 'No such record' },
    ]);
    const mapped = translatePgError(queryFailed('23503', 'Key (partner_id)=(x) is not present'), {
      partner_id: 'partners',
    });
    expect((mapped as ValidationFailed).errors[0].path).toBe('partners');
  });

  it('reads a bare pg error too, and falls back to (body) for composite keys', () => {
    const e = translatePgError(
      Object.assign(new Error('x'), { code: '23505', detail: 'Key (a_id, b_id)=(1, 2) already exists.' }),
    );
    expect((e as AppError).extra).toEqual({
      errors: [{ path: '(body)', code: 'duplicate', message: 'Already in use' }],
    });
  });

  it('leaves other errors alone', () => {
    const other = queryFailed('40001', 'serialization failure');
    expect(translatePgError(other)).toBe(other);
    const plain = new Error('boom');
    expect(translatePgError(plain)).toBe(plain);
    expect(translatePgError('x')).toBe('x');
  });

  it('rethrows through withConstraintErrors', async () => {
    await expect(
      withConstraintErrors(async () => {
        throw queryFailed('23505', 'Key (code)=(PL) already exists.');
      }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(withConstraintErrors(async () => 7)).resolves.toBe(7);
  });
});
