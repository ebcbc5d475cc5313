// The closed value lists, without zod (the web's first page uses them); their schemas are in enum-schemas.ts.
export const roles = ['admin', 'workshop', 'logistics', 'training', 'partner', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const locales = ['uk', 'en'] as const;
export type Locale = (typeof locales)[number];

export const partnerRoles = ['co_lead', 'member', 'host'] as const;
export type PartnerRole = (typeof partnerRoles)[number];

export const jvScopes = ['maintenance', 'repair', 'production', 'training'] as const;
export type JvScope = (typeof jvScopes)[number];

export const facilityKinds = ['repair_workshop', 'production_plant', 'training_base', 'depot'] as const;
export type FacilityKind = (typeof facilityKinds)[number];

export const systemKinds = ['towed_howitzer', 'self_propelled_howitzer', 'mlrs', 'mortar'] as const;
export type SystemKind = (typeof systemKinds)[number];

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
export type ComponentCategory = (typeof componentCategories)[number];

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
export type Oblast = (typeof oblasts)[number];

export const repairJobKinds = ['preventive', 'corrective', 'battle_damage', 'overhaul', 'barrel_change'] as const;
export type RepairJobKindValue = (typeof repairJobKinds)[number];
export const repairJobPriorities = ['urgent', 'priority', 'routine'] as const;
export type RepairJobPriorityValue = (typeof repairJobPriorities)[number];
