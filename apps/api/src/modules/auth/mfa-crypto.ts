import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';

const keys = new Map<string, { enc: Buffer; mac: Buffer }>();

/** Two keys derived from APP_SECRET with HKDF-SHA-256: one encrypts TOTP secrets, one keys recovery-code HMACs. */
function keysFor(appSecret: string) {
  let k = keys.get(appSecret);
  if (!k) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', appSecret, 'jv-tracker', info, 32));
    k = { enc: derive('totp-secret-encryption-v1'), mac: derive('recovery-code-hmac-v1') };
    keys.set(appSecret, k);
  }
  return k;
}

/** AES-256-GCM: `v1.` + base64url(12-byte IV ‖ 16-byte tag ‖ ciphertext). */
export function encryptSecret(appSecret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keysFor(appSecret).enc, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function decryptSecret(appSecret: string, stored: string): string {
  if (!stored.startsWith('v1.')) throw new Error('Unknown secret format');
  const raw = Buffer.from(stored.slice(3), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keysFor(appSecret).enc, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** Crockford-like alphabet without 0/O, 1/I/L: 31 symbols, 12 of them ≈ 59 bits per code. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten random codes shaped `xxxx-xxxx-xxxx`. */
export function generateRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

/**
 * HMAC-SHA-256 keyed from APP_SECRET. The codes are random with ~59 bits, so a slow hash adds little, and a
 * keyed hash needs the server secret as well as the database to attack; lookup stays one indexed compare.
 */
export function hashRecoveryCode(appSecret: string, code: string): string {
  return createHmac('sha256', keysFor(appSecret).mac).update(normalizeRecoveryCode(code)).digest('hex');
}
