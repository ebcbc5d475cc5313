import type { z } from 'zod';
import { idParamSchema, pageSchema } from '../common';
import { endpoint } from '../endpoint';
import {
  componentResponseSchema,
  createComponentInputSchema,
  createFacilityInputSchema,
  createJointVentureInputSchema,
  createPartnerInputSchema,
  createSystemModelInputSchema,
  createUnitInputSchema,
  facilityResponseSchema,
  jointVentureResponseSchema,
  listComponentsQuerySchema,
  listFacilitiesQuerySchema,
  listJointVenturesQuerySchema,
  listPartnersQuerySchema,
  listSystemModelsQuerySchema,
  listUnitsQuerySchema,
  partnerResponseSchema,
  systemModelResponseSchema,
  unitResponseSchema,
  updateComponentInputSchema,
  updateFacilityInputSchema,
  updateJointVentureInputSchema,
  updatePartnerInputSchema,
  updateSystemModelInputSchema,
  updateUnitInputSchema,
} from '../reference-data';

const read = { resource: 'referenceData', action: 'read' } as const;
const write = { resource: 'referenceData', action: 'write' } as const;

interface RecordSpec<Q extends z.ZodObject, R extends z.ZodType, C extends z.ZodType, U extends z.ZodType> {
  /** `/v1/partners` */
  path: string;
  tag: string;
  query: Q;
  item: R;
  create: C;
  update: U;
  summaries: { list: string; get: string; create: string; update: string };
}

/** The four endpoints every kind of reference record has: list, one, add, change (admin writes). */
function referenceEndpoints<Q extends z.ZodObject, R extends z.ZodType, C extends z.ZodType, U extends z.ZodType>(
  s: RecordSpec<Q, R, C, U>,
) {
  const { path, tag } = s;
  return {
    list: endpoint({
      method: 'GET',
      path,
      tag,
      permission: read,
      summary: s.summaries.list,
      query: s.query,
      response: pageSchema(s.item),
    }),
    get: endpoint({
      method: 'GET',
      path: `${path}/{id}`,
      tag,
      permission: read,
      summary: s.summaries.get,
      params: idParamSchema,
      response: s.item,
      errors: ['NOT_FOUND'],
    }),
    create: endpoint({
      method: 'POST',
      path,
      tag,
      permission: write,
      summary: s.summaries.create,
      body: s.create,
      response: s.item,
      idempotent: true,
      errors: ['DUPLICATE'],
    }),
    update: endpoint({
      method: 'PATCH',
      path: `${path}/{id}`,
      tag,
      permission: write,
      summary: s.summaries.update,
      params: idParamSchema,
      body: s.update,
      response: s.item,
      errors: ['NOT_FOUND', 'STALE_VERSION', 'DUPLICATE'],
    }),
  };
}

export const partnersEndpoints = referenceEndpoints({
  path: '/v1/partners',
  tag: 'partners',
  query: listPartnersQuerySchema,
  item: partnerResponseSchema,
  create: createPartnerInputSchema,
  update: updatePartnerInputSchema,
  summaries: {
    list: 'Partner countries, by code; `q` searches code and name',
    get: 'One partner country',
    create: 'Add a partner country (409 DUPLICATE on a known code)',
    update: 'Change a partner country; send the version you edited (409 STALE_VERSION otherwise)',
  },
});

export const jointVenturesEndpoints = referenceEndpoints({
  path: '/v1/joint-ventures',
  tag: 'joint-ventures',
  query: listJointVenturesQuerySchema,
  item: jointVentureResponseSchema,
  create: createJointVentureInputSchema,
  update: updateJointVentureInputSchema,
  summaries: {
    list:
      'Joint ventures with their foreign partners, by name; `q` searches name and Ukrainian company; ' +
      'filter by partner',
    get: 'One joint venture',
    create: 'Add a joint venture (409 DUPLICATE on a known name; 400 on an unknown or host partner)',
    update: 'Change a joint venture; `partners`, when sent, replaces the list; send the version you edited',
  },
});

export const facilitiesEndpoints = referenceEndpoints({
  path: '/v1/facilities',
  tag: 'facilities',
  query: listFacilitiesQuerySchema,
  item: facilityResponseSchema,
  create: createFacilityInputSchema,
  update: updateFacilityInputSchema,
  summaries: {
    list: 'Facilities, by code; `q` searches code and name; filter by kind and joint venture',
    get: 'One facility',
    create: 'Add a facility (a repair workshop needs repair bays, a training base needs seats)',
    update: 'Change a facility; send the version you edited (409 STALE_VERSION otherwise)',
  },
});

export const systemModelsEndpoints = referenceEndpoints({
  path: '/v1/system-models',
  tag: 'system-models',
  query: listSystemModelsQuerySchema,
  item: systemModelResponseSchema,
  create: createSystemModelInputSchema,
  update: updateSystemModelInputSchema,
  summaries: {
    list: 'System models, by designation; `q` searches the designation; filter by kind and origin partner',
    get: 'One system model',
    create: 'Add a system model (409 DUPLICATE on a known designation; 400 on an unknown origin partner)',
    update: 'Change a system model; send the version you edited (409 STALE_VERSION otherwise)',
  },
});

export const componentsEndpoints = referenceEndpoints({
  path: '/v1/components',
  tag: 'components',
  query: listComponentsQuerySchema,
  item: componentResponseSchema,
  create: createComponentInputSchema,
  update: updateComponentInputSchema,
  summaries: {
    list:
      'Component catalog, by part number; `q` searches part number and name; ' +
      'filter by category and compatible model',
    get: 'One component',
    create: 'Add a component (409 DUPLICATE on a known part number; 400 on an unknown model)',
    update: 'Change a component; `compatibleModelIds`, when sent, replaces the list; send the version you edited',
  },
});

export const unitsEndpoints = referenceEndpoints({
  path: '/v1/units',
  tag: 'units',
  query: listUnitsQuerySchema,
  item: unitResponseSchema,
  create: createUnitInputSchema,
  update: updateUnitInputSchema,
  summaries: {
    list: 'Military units, by code; `q` searches code and name',
    get: 'One unit',
    create: 'Add a unit (409 DUPLICATE on a known code)',
    update: 'Change a unit; send the version you edited (409 STALE_VERSION otherwise)',
  },
});
