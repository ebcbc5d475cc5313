import { Algorithm, hash, verify } from '@node-rs/argon2';

/** Argon2id, 19 MiB, 2 iterations, 1 lane (OWASP's minimum recommendation). */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check when the email is unknown, so timing does not tell. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('jv-dummy-password-for-timing');
  await verifyPassword(await dummy, password);
}
