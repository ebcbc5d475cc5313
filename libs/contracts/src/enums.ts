import { z } from 'zod';

export const roles = ['admin', 'workshop', 'logistics', 'training', 'partner', 'viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const locales = ['uk', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const partnerRoles = ['co_lead', 'member', 'host'] as const;
export const partnerRoleSchema = z.enum(partnerRoles);
export type PartnerRole = z.infer<typeof partnerRoleSchema>;

export const jvScopes = ['maintenance', 'repair', 'production', 'training'] as const;
export const jvScopeSchema = z.enum(jvScopes);
export type JvScope = z.infer<typeof jvScopeSchema>;

export const facilityKinds = ['repair_workshop', 'production_plant', 'training_base', 'depot'] as const;
export const facilityKindSchema = z.enum(facilityKinds);
export type FacilityKind = z.infer<typeof facilityKindSchema>;

export const systemKinds = ['towed_howitzer', 'self_propelled_howitzer', 'mlrs', 'mortar'] as const;
export const systemKindSchema = z.enum(systemKinds);
export type SystemKind = z.infer<typeof systemKindSchema>;

export const componentCategories = [
  'barrel',
  'breech',
  'recoil',
  'fire_control',
  'hydraulics',
  'electrical',
  'chassis',
  'other',
] as const;
export const componentCategorySchema = z.enum(componentCategories);
export type ComponentCategory = z.infer<typeof componentCategorySchema>;

export const oblasts = [
  'vinnytska',
  'volynska',
  'dnipropetrovska',
  'donetska',
  'zhytomyrska',
  'zakarpatska',
  'zaporizka',
  'ivano-frankivska',
  'kyivska',
  'kirovohradska',
  'luhanska',
  'lvivska',
  'mykolaivska',
  'odeska',
  'poltavska',
  'rivnenska',
  'sumska',
  'ternopilska',
  'kharkivska',
  'khersonska',
  'khmelnytska',
  'cherkaska',
  'chernivetska',
  'chernihivska',
  'kyiv',
] as const;
export const oblastSchema = z.enum(oblasts);
export type Oblast = z.infer<typeof oblastSchema>;
