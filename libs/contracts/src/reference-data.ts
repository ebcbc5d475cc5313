import { z } from 'zod';
import { pageQuerySchema, timestampsSchema, trimmed, versionSchema } from './common';
import { type FieldRuleCode, rule, ruleMessage } from './errors';
import {
  componentCategorySchema,
  facilityKindSchema,
  jvScopeSchema,
  oblastSchema,
  partnerRoleSchema,
  systemKindSchema,
} from './enum-schemas';
import type { FacilityKind } from './enums';

/** Builds the update schema of a resource: every field optional, plus the version being edited. */
const updateOf = <T extends z.ZodRawShape>(shape: T) => z.object(shape).partial().extend({ version: versionSchema });

const listQuery = pageQuerySchema.extend({ q: z.string().trim().max(100).optional() });

/** Flags the second and later occurrence of the same key in a list (`path` inside each item, if any). */
const uniqueBy =
  <T>(key: (item: T) => string, path: (string | number)[] = []) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i, ...path], message: ruleMessage('listed_twice') });
      seen.add(k);
    });
  };

// Partners ---------------------------------------------------------------------------------------
const partnerFields = {
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, rule('country_code')),
  name: trimmed(1, 120),
  role: partnerRoleSchema,
};
export const createPartnerInputSchema = z.object(partnerFields);
export type CreatePartnerInput = z.infer<typeof createPartnerInputSchema>;
export const updatePartnerInputSchema = updateOf(partnerFields);
export type UpdatePartnerInput = z.infer<typeof updatePartnerInputSchema>;
export const partnerResponseSchema = z.object({ id: z.uuid(), ...partnerFields }).extend(timestampsSchema.shape);
export type PartnerResponse = z.infer<typeof partnerResponseSchema>;
export const listPartnersQuerySchema = listQuery.extend({ role: partnerRoleSchema.optional() });
export type ListPartnersQuery = z.infer<typeof listPartnersQuerySchema>;

// Joint ventures ----------------------------------------------------------------------------------
const jvPartnerSchema = z.object({ partnerId: z.uuid(), companyName: trimmed(1, 160) });
const jointVentureFields = {
  name: trimmed(1, 160),
  ukrainianCompany: trimmed(1, 160),
  partners: z
    .array(jvPartnerSchema)
    .min(1)
    .max(10)
    .superRefine(uniqueBy((p) => p.partnerId, ['partnerId'])),
  scopes: z
    .array(jvScopeSchema)
    .min(1)
    .max(4)
    .superRefine(uniqueBy((s) => s)),
  establishedOn: z.iso.date(),
};
export const createJointVentureInputSchema = z.object(jointVentureFields);
export type CreateJointVentureInput = z.infer<typeof createJointVentureInputSchema>;
export const updateJointVentureInputSchema = updateOf(jointVentureFields);
export type UpdateJointVentureInput = z.infer<typeof updateJointVentureInputSchema>;
export const jointVentureResponseSchema = z
  .object({
    id: z.uuid(),
    ...jointVentureFields,
    partners: z.array(jvPartnerSchema.extend({ partnerCode: z.string(), partnerName: z.string() })),
  })
  .extend(timestampsSchema.shape);
export type JointVentureResponse = z.infer<typeof jointVentureResponseSchema>;
export const listJointVenturesQuerySchema = listQuery.extend({ partnerId: z.uuid().optional() });
export type ListJointVenturesQuery = z.infer<typeof listJointVenturesQuerySchema>;

// Facilities ---------------------------------------------------------------------------------------
const facilityFields = {
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,20}$/, rule('code_chars')),
  name: trimmed(1, 160),
  kind: facilityKindSchema,
  oblast: oblastSchema,
  jointVentureId: z.uuid().nullable(),
  repairBays: z.number().int().min(0).max(500),
  trainingSeats: z.number().int().min(0).max(5000),
};
/**
 * Capacity must fit the kind: a repair workshop needs repair bays, a training base needs seats.
 * Used by the create schema and, on the merged record, by the API when a facility is changed.
 */
export function facilityCapacityIssues(f: {
  kind: FacilityKind;
  repairBays: number;
  trainingSeats: number;
}): Array<{ path: string; code: FieldRuleCode }> {
  const issues: Array<{ path: string; code: FieldRuleCode }> = [];
  if (f.kind === 'repair_workshop' && !(f.repairBays > 0))
    issues.push({ path: 'repairBays', code: 'workshop_needs_bays' });
  if (f.kind === 'training_base' && !(f.trainingSeats > 0)) {
    issues.push({ path: 'trainingSeats', code: 'training_base_needs_seats' });
  }
  return issues;
}

export const createFacilityInputSchema = z.object(facilityFields).superRefine((f, ctx) => {
  for (const i of facilityCapacityIssues(f))
    ctx.addIssue({ code: 'custom', path: [i.path], message: ruleMessage(i.code) });
});
export type CreateFacilityInput = z.infer<typeof createFacilityInputSchema>;
export const updateFacilityInputSchema = updateOf(facilityFields);
export type UpdateFacilityInput = z.infer<typeof updateFacilityInputSchema>;
export const facilityResponseSchema = z
  .object({ id: z.uuid(), ...facilityFields, jointVentureName: z.string().nullable() })
  .extend(timestampsSchema.shape);
export type FacilityResponse = z.infer<typeof facilityResponseSchema>;
export const listFacilitiesQuerySchema = listQuery.extend({
  kind: facilityKindSchema.optional(),
  jointVentureId: z.uuid().optional(),
});
export type ListFacilitiesQuery = z.infer<typeof listFacilitiesQuerySchema>;

// System models ------------------------------------------------------------------------------------
const systemModelFields = {
  designation: trimmed(1, 120),
  kind: systemKindSchema,
  caliberMm: z.number().int().min(60).max(400),
  originPartnerId: z.uuid(),
  barrelLifeEfc: z.number().int().min(1).max(100000),
  /** days before the forecast barrel end of life that the barrel job raises a request (null: 60) */
  barrelLeadDays: z.number().int().min(1).max(730).nullable(),
  /** operators per system (crew coverage: operators required = crew size × systems in service) */
  crewSize: z.number().int().min(1).max(20).nullable(),
};
export const createSystemModelInputSchema = z.object({
  ...systemModelFields,
  barrelLeadDays: systemModelFields.barrelLeadDays.default(null),
  crewSize: systemModelFields.crewSize.default(null),
});
export type CreateSystemModelInput = z.input<typeof createSystemModelInputSchema>;
export const updateSystemModelInputSchema = updateOf(systemModelFields);
export type UpdateSystemModelInput = z.infer<typeof updateSystemModelInputSchema>;
export const systemModelResponseSchema = z
  .object({ id: z.uuid(), ...systemModelFields, originPartnerCode: z.string() })
  .extend(timestampsSchema.shape);
export type SystemModelResponse = z.infer<typeof systemModelResponseSchema>;
export const listSystemModelsQuerySchema = listQuery.extend({
  kind: systemKindSchema.optional(),
  originPartnerId: z.uuid().optional(),
});
export type ListSystemModelsQuery = z.infer<typeof listSystemModelsQuerySchema>;

// Components ---------------------------------------------------------------------------------------
const componentFields = {
  partNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9./-]{1,39}$/, rule('part_number_chars')),
  name: trimmed(1, 160),
  category: componentCategorySchema,
  unitOfIssue: trimmed(1, 20),
  compatibleModelIds: z
    .array(z.uuid())
    .max(50)
    .superRefine(uniqueBy((id) => id)),
};
export const createComponentInputSchema = z.object(componentFields);
export type CreateComponentInput = z.infer<typeof createComponentInputSchema>;
export const updateComponentInputSchema = updateOf(componentFields);
export type UpdateComponentInput = z.infer<typeof updateComponentInputSchema>;
export const componentResponseSchema = z.object({ id: z.uuid(), ...componentFields }).extend(timestampsSchema.shape);
export type ComponentResponse = z.infer<typeof componentResponseSchema>;
export const listComponentsQuerySchema = listQuery.extend({
  category: componentCategorySchema.optional(),
  modelId: z.uuid().optional(),
});
export type ListComponentsQuery = z.infer<typeof listComponentsQuerySchema>;

// Units --------------------------------------------------------------------------------------------
const unitFields = {
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,20}$/, rule('code_chars')),
  name: trimmed(1, 160),
};
export const createUnitInputSchema = z.object(unitFields);
export type CreateUnitInput = z.infer<typeof createUnitInputSchema>;
export const updateUnitInputSchema = updateOf(unitFields);
export type UpdateUnitInput = z.infer<typeof updateUnitInputSchema>;
export const unitResponseSchema = z.object({ id: z.uuid(), ...unitFields }).extend(timestampsSchema.shape);
export type UnitResponse = z.infer<typeof unitResponseSchema>;
export const listUnitsQuerySchema = listQuery;
export type ListUnitsQuery = z.infer<typeof listUnitsQuerySchema>;
