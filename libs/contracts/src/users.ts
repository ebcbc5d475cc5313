import { z } from 'zod';
import { passwordSchema } from './auth';
import { pageQuerySchema, timestampsSchema, trimmed, versionSchema } from './common';
import { ruleMessage } from './errors';
import { localeSchema, roleSchema } from './enum-schemas';

const scopeRefine = (v: { role?: string; facilityIds?: string[]; partnerId?: string | null }, ctx: z.RefinementCtx) => {
  if (v.role === 'workshop' && (!v.facilityIds || v.facilityIds.length === 0)) {
    ctx.addIssue({ code: 'custom', path: ['facilityIds'], message: ruleMessage('workshop_needs_facility') });
  }
  if (v.role === 'partner' && !v.partnerId) {
    ctx.addIssue({ code: 'custom', path: ['partnerId'], message: ruleMessage('partner_needs_country') });
  }
};

const userFields = {
  email: z.email().max(254),
  displayName: trimmed(1, 120),
  role: roleSchema,
  locale: localeSchema.default('uk'),
  facilityIds: z.array(z.uuid()).max(50).default([]),
  partnerId: z.uuid().nullable().default(null),
};

export const createUserInputSchema = z.object({ ...userFields, password: passwordSchema }).superRefine(scopeRefine);
export type CreateUserInput = z.input<typeof createUserInputSchema>;

export const updateUserInputSchema = z.object({
  version: versionSchema,
  displayName: userFields.displayName.optional(),
  role: roleSchema.optional(),
  locale: localeSchema.optional(),
  facilityIds: z.array(z.uuid()).max(50).optional(),
  partnerId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

export const resetPasswordInputSchema = z.object({ password: passwordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordInputSchema>;

export const userResponseSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: roleSchema,
    locale: localeSchema,
    facilityIds: z.array(z.uuid()),
    partnerId: z.uuid().nullable(),
    active: z.boolean(),
    lastLoginAt: z.string().nullable(),
  })
  .extend(timestampsSchema.shape);
export type UserResponse = z.infer<typeof userResponseSchema>;

export const listUsersQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;
