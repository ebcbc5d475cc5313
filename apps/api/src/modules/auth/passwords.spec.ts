import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with Argon2id at 19 MiB and 2 iterations, and verifies', async () => {
    const h = await hashPassword('correct horse battery');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(h, 'wrong horse battery')).toBe(false);
  });
  it('treats a malformed hash as a failed check, not an error', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
  });
});
