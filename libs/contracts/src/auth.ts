import { z } from 'zod';
import { localeSchema, roleSchema } from './enum-schemas';

export const PASSWORD_MIN_LENGTH = 12;
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(256);

export const loginInputSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(256),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const currentUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  locale: localeSchema,
  facilityIds: z.array(z.uuid()),
  partnerId: z.uuid().nullable(),
  /** a TOTP second factor is enrolled */
  mfaEnrolled: z.boolean().default(false),
  /**
   * what must be done before anything else works (the session only reaches these auth endpoints until
   * then): enrol a second factor (the role is in MFA_REQUIRED_ROLES), change a password an admin set
   */
  setupRequired: z.array(z.enum(['mfa', 'password'])).default([]),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** A password the second step of sign-in still needs: no session yet, only a short-lived pending cookie. */
export const mfaChallengeSchema = z.object({ mfaRequired: z.literal(true) });
export const loginResultSchema = z.union([mfaChallengeSchema, currentUserSchema]);
export type LoginResult = z.infer<typeof loginResultSchema>;

/** `{ code }` (six digits from the authenticator) or `{ recoveryCode }` (one of the ten, used once). */
export const loginMfaInputSchema = z.union([
  z.object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/),
  }),
  z.object({ recoveryCode: z.string().trim().min(8).max(40) }),
]);
export type LoginMfaInput = z.infer<typeof loginMfaInputSchema>;

export const totpSetupSchema = z.object({
  /** base32, shown for manual entry */
  secret: z.string(),
  /** `otpauth://totp/JV%20Tracker:…?secret=…&issuer=JV%20Tracker` — the web draws it as a QR code */
  otpauthUrl: z.string(),
});
export type TotpSetup = z.infer<typeof totpSetupSchema>;

export const totpConfirmInputSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export type TotpConfirmInput = z.infer<typeof totpConfirmInputSchema>;

/** Shown once: ten single-use codes, stored only as hashes. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()).length(10) });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

export const changePasswordInputSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

export const updateMyPreferencesInputSchema = z.object({ locale: localeSchema });
export type UpdateMyPreferencesInput = z.infer<typeof updateMyPreferencesInputSchema>;
