import { z } from 'zod';
import {
  roles,
  locales,
  partnerRoles,
  jvScopes,
  facilityKinds,
  systemKinds,
  componentCategories,
  oblasts,
} from './enums';

export const roleSchema = z.enum(roles);
export const localeSchema = z.enum(locales);
export const partnerRoleSchema = z.enum(partnerRoles);
export const jvScopeSchema = z.enum(jvScopes);
export const facilityKindSchema = z.enum(facilityKinds);
export const systemKindSchema = z.enum(systemKinds);
export const componentCategorySchema = z.enum(componentCategories);
export const oblastSchema = z.enum(oblasts);
