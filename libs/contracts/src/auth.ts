import { z } from 'zod';
import { localeSchema, roleSchema } from './enums';

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
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const updateMyPreferencesInputSchema = z.object({ locale: localeSchema });
export type UpdateMyPreferencesInput = z.infer<typeof updateMyPreferencesInputSchema>;
