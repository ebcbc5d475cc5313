import type { Base32Plugin, CryptoPlugin } from '@otplib/core';
import { generate, verify } from '@otplib/totp';
import { generateTOTP } from '@otplib/uri';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * RFC 6238 through otplib v13's own TOTP package (SHA-1, 6 digits, 30 s) with node:crypto and an RFC 4648
 * base32 codec as its plugins: otplib's default plugins (@noble/hashes, @scure/base) are ES modules only,
 * which the CommonJS API build and its tests cannot require.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const base32: Base32Plugin = {
  name: 'rfc4648',
  encode(data: Uint8Array): string {
    let bits = 0;
    let value = 0;
    let out = '';
    for (const byte of data) {
      value = (value << 8) | byte;
      bits += 8;
      while (bits >= 5) {
        out += ALPHABET[(value >>> (bits - 5)) & 31];
        bits -= 5;
      }
    }
    if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
    return out;
  },
  decode(str: string): Uint8Array {
    const clean = str.toUpperCase().replace(/=+$/, '');
    const out: number[] = [];
    let bits = 0;
    let value = 0;
    for (const ch of clean) {
      const i = ALPHABET.indexOf(ch);
      if (i < 0) throw new Error('Invalid base32');
      value = (value << 5) | i;
      bits += 5;
      if (bits >= 8) {
        out.push((value >>> (bits - 8)) & 255);
        bits -= 8;
      }
    }
    return Uint8Array.from(out);
  },
};

const crypto: CryptoPlugin = {
  name: 'node',
  hmac: (algorithm, key, data) => new Uint8Array(createHmac(algorithm, key).update(data).digest()),
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
  constantTimeEqual(a, b) {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  },
};

/** One time step either side (clock drift). */
const TOLERANCE_SECONDS = 30;

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32. */
export const newTotpSecret = (): string => base32.encode(randomBytes(20));

export const totpUri = (issuer: string, label: string, secret: string): string =>
  generateTOTP({ issuer, label, secret });

/** The code for the given Unix time in seconds (now by default). */
export const totpCode = (secret: string, epoch = Math.floor(Date.now() / 1000)): Promise<string> =>
  generate({ secret, epoch, crypto, base32 });

/** The time step of a valid code later than `afterStep` (a used step is not accepted again), or null. */
export async function verifyTotp(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      crypto,
      base32,
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
    });
    return result.valid ? result.timeStep : null;
  } catch {
    return null;
  }
}
