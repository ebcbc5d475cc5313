import { delaySeconds, MAX_DELAY_SECONDS } from './login-throttle';
import {
  decryptSecret,
  encryptSecret,
  generateRecoveryCodes,
  hashRecoveryCode,
  normalizeRecoveryCode,
} from './mfa-crypto';
import { isBreachedPassword } from './password-policy';
import { newTotpSecret, totpCode, totpUri, verifyTotp } from './totp';

const SECRET = 'a-test-secret-of-at-least-32-characters';

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA-1: the ASCII key "12345678901234567890", T = 59 s → 94287082 (last six digits)
  const RFC_KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('matches the RFC test vectors', async () => {
    expect(await totpCode(RFC_KEY, 59)).toBe('287082');
    expect(await totpCode(RFC_KEY, 1111111109)).toBe('081804');
    expect(await totpCode(RFC_KEY, 20000000000)).toBe('353130');
  });

  it('accepts one step either side, refuses two, and refuses a used step', async () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const now = Math.floor(Date.now() / 1000);
    const step = Math.floor(now / 30);
    expect(await verifyTotp(secret, await totpCode(secret, now), null)).toBe(step);
    expect(await verifyTotp(secret, await totpCode(secret, now - 30), null)).toBe(step - 1);
    expect(await verifyTotp(secret, await totpCode(secret, now + 30), null)).toBe(step + 1);
    expect(await verifyTotp(secret, await totpCode(secret, now + 90), null)).toBeNull();
    expect(await verifyTotp(secret, await totpCode(secret, now), step)).toBeNull();
    expect(await verifyTotp(secret, 'abcdef', null)).toBeNull();
  });

  it('builds the otpauth URL with the issuer and the email', () => {
    expect(totpUri('JV Tracker', 'a@b.example', 'ABCDEFGHIJKLMNOP')).toBe(
      'otpauth://totp/JV%20Tracker:a%40b.example?secret=ABCDEFGHIJKLMNOP&issuer=JV%20Tracker',
    );
  });
});

describe('secrets and recovery codes', () => {
  it('encrypts with AES-256-GCM: a fresh IV each time, tampering detected, another key refused', () => {
    const a = encryptSecret(SECRET, 'JBSWY3DPEHPK3PXP');
    const b = encryptSecret(SECRET, 'JBSWY3DPEHPK3PXP');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(decryptSecret(SECRET, a)).toBe('JBSWY3DPEHPK3PXP');
    const tampered = a.slice(0, -2) + (a.endsWith('A') ? 'BB' : 'AA');
    expect(() => decryptSecret(SECRET, tampered)).toThrow();
    expect(() => decryptSecret('another-secret-of-at-least-32-characters', a)).toThrow();
  });

  it('makes ten distinct codes and hashes them with a key, ignoring case and dashes', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const code = codes[0]!;
    expect(hashRecoveryCode(SECRET, code)).toBe(hashRecoveryCode(SECRET, ` ${code.toUpperCase()} `));
    expect(hashRecoveryCode(SECRET, code)).toBe(hashRecoveryCode(SECRET, normalizeRecoveryCode(code)));
    expect(hashRecoveryCode(SECRET, code)).not.toBe(hashRecoveryCode('another-secret-of-at-least-32-chars', code));
  });
});

describe('password list', () => {
  it('refuses common passwords whatever the case, and the email’s local part', () => {
    expect(isBreachedPassword('qwerty123456')).toBe(true);
    expect(isBreachedPassword('QwErTy123456')).toBe(true);
    expect(isBreachedPassword('jv-tracker-password')).toBe(true);
    expect(isBreachedPassword('olena.kovalenko', 'Olena.Kovalenko@example.org')).toBe(true);
    expect(isBreachedPassword('a-brand-new-password-1', 'olena@example.org')).toBe(false);
    expect(isBreachedPassword('test-password-123')).toBe(false);
    expect(isBreachedPassword('jv-demo-password')).toBe(false);
  });
});

describe('login delay', () => {
  it('is none below the threshold, then doubles from 4 s, capped at 15 minutes', () => {
    expect(delaySeconds(4, 5)).toBe(0);
    expect([5, 6, 7, 8].map((n) => delaySeconds(n, 5))).toEqual([4, 8, 16, 32]);
    expect(delaySeconds(50, 5)).toBe(MAX_DELAY_SECONDS);
    expect(delaySeconds(5000, 5)).toBe(MAX_DELAY_SECONDS);
  });
});
