import { idParamSchema, pageSchema } from '../common';
import { endpoint } from '../endpoint';
import {
  barrelRunResultSchema,
  componentRequestDetailSchema,
  componentRequestMetricsSchema,
  componentRequestResponseSchema,
  componentRequestTransitionInputSchema,
  createComponentRequestInputSchema,
  createDeliveryInputSchema,
  deliveryResponseSchema,
  exportComponentRequestsQuerySchema,
  listComponentRequestsQuerySchema,
  planVsActualQuerySchema,
  planVsActualSchema,
  putSupplyPlanInputSchema,
  supplyPlanParamsSchema,
  supplyPlanResponseSchema,
  updateComponentRequestInputSchema,
} from '../component-requests';

const tag = 'component-requests';
const read = { resource: 'componentRequests', action: 'read' } as const;
const write = { resource: 'componentRequests', action: 'write' } as const;
const scope =
  'Workshop users see requests to their facilities, partner users requests whose supplier is their country ' +
  '(without requester or receiver names); other scopes are 404.';

/** Static paths (export.csv, metrics, barrels) come before `{id}` so that they are never read as an id. */
export const componentRequestsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/v1/component-requests',
    tag,
    permission: read,
    summary:
      'Component requests, newest first. Filters: status (one or many), priority, componentId, facilityId, ' +
      'supplierPartnerId, repairJobId, systemId, overdue, q (number), mine, awaitingMyApproval. ' +
      scope,
    query: listComponentRequestsQuerySchema,
    response: pageSchema(componentRequestResponseSchema),
  }),
  export: endpoint({
    method: 'GET',
    path: '/v1/component-requests/export.csv',
    tag,
    permission: read,
    summary:
      "Every request matching the list's filters, in the list's order, as CSV (UTF-8 with BOM): number, status, " +
      'priority, part number, component, quantity, delivered, remaining, needed by, overdue, facility, job, system, ' +
      'supplier, expected on, requester (empty for partner users). ' +
      scope,
    query: exportComponentRequestsQuerySchema,
    output: 'csv',
  }),
  metrics: endpoint({
    method: 'GET',
    path: '/v1/component-requests/metrics',
    tag,
    permission: { resource: 'requestMetrics', action: 'read' },
    summary:
      'Open requests by status, overdue, on-time rate (last 365 days), and per supplier partner its open ' +
      'requests and, over the requests approved in the last 365 days, the median days from submitted to approved ' +
      'and from approved to delivered and how many were delivered. ' +
      scope,
    response: componentRequestMetricsSchema,
  }),
  runBarrels: endpoint({
    method: 'POST',
    path: '/v1/component-requests/barrels/run',
    tag,
    permission: { resource: 'requestApproval', action: 'write' },
    summary:
      'Raise a draft barrel request for every system whose barrel is forecast to reach its life within the lead ' +
      "time (the model's, else 60 days) and that has no open barrel request (it also runs daily; running it twice " +
      'or concurrently raises each once)',
    response: barrelRunResultSchema,
    status: 200,
  }),
  get: endpoint({
    method: 'GET',
    path: '/v1/component-requests/{id}',
    tag,
    permission: read,
    summary:
      'One request with its moves, deliveries, delivered and remaining quantity, overdue flag and linked job. ' + scope,
    params: idParamSchema,
    response: componentRequestDetailSchema,
    errors: ['NOT_FOUND'],
  }),
  create: endpoint({
    method: 'POST',
    path: '/v1/component-requests',
    tag,
    permission: write,
    summary:
      'Raise a draft request CR-YYYY-NNNNN (accepts Idempotency-Key) to a repair workshop or depot; with a job or ' +
      'system the component must fit its model (409 INCOMPATIBLE_COMPONENT) and the job must be open (409 ' +
      'JOB_CLOSED). Workshop users only for their facilities',
    body: createComponentRequestInputSchema,
    response: componentRequestResponseSchema,
    idempotent: true,
    errors: ['NOT_FOUND', 'INCOMPATIBLE_COMPONENT', 'JOB_CLOSED'],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/v1/component-requests/{id}',
    tag,
    permission: write,
    summary: 'Change a draft; send the version you edited (409 STALE_VERSION; 409 REQUEST_LOCKED once submitted)',
    params: idParamSchema,
    body: updateComponentRequestInputSchema,
    response: componentRequestResponseSchema,
    errors: ['NOT_FOUND', 'STALE_VERSION', 'REQUEST_LOCKED'],
  }),
  transition: endpoint({
    method: 'POST',
    path: '/v1/component-requests/{id}/transitions',
    tag,
    permission: write,
    summary:
      'Move the request: submit (its requester, logistics or admin), approve with supplierPartnerId (a logistics ' +
      'user or admin other than the requester: 409 FOUR_EYES), reject or cancel (comment required), order, ship. ' +
      'Delivered is never set by hand. 409 INVALID_TRANSITION with `allowed`',
    params: idParamSchema,
    body: componentRequestTransitionInputSchema,
    response: componentRequestResponseSchema,
    status: 200,
    errors: ['NOT_FOUND', 'STALE_VERSION', 'INVALID_TRANSITION', 'COMMENT_REQUIRED', 'FOUR_EYES'],
  }),
  createDelivery: endpoint({
    method: 'POST',
    path: '/v1/component-requests/{id}/deliveries',
    tag,
    permission: { resource: 'deliveries', action: 'write' },
    summary:
      'Record a delivery received (accepts Idempotency-Key) on an ordered or shipped request: partial deliveries ' +
      'add up and reaching the quantity makes the request delivered. More than remains: 409 OVER_DELIVERY with ' +
      '`remaining` (also under concurrency). Workshop users only at their facilities',
    params: idParamSchema,
    body: createDeliveryInputSchema,
    response: deliveryResponseSchema,
    idempotent: true,
    errors: ['NOT_FOUND', 'OVER_DELIVERY', 'NOT_RECEIVING'],
  }),
};

const plans = 'supply-plans';

export const supplyPlansEndpoints = {
  planVsActual: endpoint({
    method: 'GET',
    path: '/v1/supply-plans/plan-vs-actual',
    tag: plans,
    permission: { resource: 'supplyPlans', action: 'read' },
    summary:
      'Per month and plan line: planned, delivered (component deliveries on requests approved with that supplier, ' +
      'received in the month; systems of the model donated by the partner with deliveredOn in the month) and ' +
      'fulfilment %. Partner users only for their country',
    query: planVsActualQuerySchema,
    response: planVsActualSchema,
    errors: ['NOT_FOUND'],
  }),
  get: endpoint({
    method: 'GET',
    path: '/v1/supply-plans/{partnerId}/{month}',
    tag: plans,
    permission: { resource: 'supplyPlans', action: 'read' },
    summary: "A partner's plan for one month (YYYY-MM); version 0 and no lines when there is none yet",
    params: supplyPlanParamsSchema,
    response: supplyPlanResponseSchema,
    errors: ['NOT_FOUND'],
  }),
  put: endpoint({
    method: 'PUT',
    path: '/v1/supply-plans/{partnerId}/{month}',
    tag: plans,
    permission: { resource: 'supplyPlans', action: 'write' },
    summary:
      "Replace a partner's plan for one month; send the version you edited (0 for a new plan; 409 STALE_VERSION)",
    params: supplyPlanParamsSchema,
    body: putSupplyPlanInputSchema,
    response: supplyPlanResponseSchema,
    errors: ['NOT_FOUND', 'STALE_VERSION', 'DUPLICATE'],
  }),
};
