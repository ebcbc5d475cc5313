import { type ComponentRequestStatus, partsReady } from '@jv/domain';
import type { EntityManager } from 'typeorm';
import { CLOSED_STATUSES_SQL } from '../repair-jobs/repair-jobs.rules';
import { notify } from './notify';

/*
 * The notifications of the component-request workflow. Each is called inside the transaction of the move
 * or delivery it tells of, after the request row is written, so the notice exists exactly when the event does.
 */

type Manager = Pick<EntityManager, 'query'>;

export interface RequestFacts {
  id: string;
  number: string;
  requested_by: string | null;
}

const REQUESTER_NOTICE = {
  approved: 'request_approved',
  rejected: 'request_rejected',
  delivered: 'request_delivered',
} as const;

/**
 * A move of a request: submitted → admin and logistics users but the requester; approved / rejected /
 * delivered → the requester. Other moves tell nobody.
 */
export async function notifyRequestMove(m: Manager, req: RequestFacts, to: ComponentRequestStatus): Promise<number> {
  const subject = {
    subjectType: 'component_request',
    subjectId: req.id,
    params: { requestNumber: req.number },
  } as const;
  if (to === 'submitted')
    return notify(
      m,
      { roles: ['admin', 'logistics'], exceptUserId: req.requested_by },
      { kind: 'request_awaits_approval', ...subject },
    );
  if (to === 'approved' || to === 'rejected' || to === 'delivered')
    return notify(m, { userIds: [req.requested_by] }, { kind: REQUESTER_NOTICE[to], ...subject });
  return 0;
}

/** advisory lock class of "a delivery completing a request of this job" (second key: hash of the job id) */
export const JOB_PARTS_LOCK = 74_610_111;

/**
 * After a delivery completed a request of job `jobId`: when every request of the job that still counts is
 * now delivered (`partsReady`) and the job is open, the workshop users of the job's facility hear that its
 * parts are ready. A transaction-level advisory lock per job comes first, so of two deliveries completing a
 * job's last two requests at once the second waits and then reads the first one's result: the job is
 * announced exactly once each time it becomes ready (the completed request was not delivered before, so the
 * job was not ready). An advisory lock rather than a row lock: recording parts used share-locks the job and
 * then locks a request, the opposite order of a delivery, which would risk a deadlock.
 */
export async function notifyJobPartsReady(m: Manager, jobId: string): Promise<number> {
  await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2::text))', [JOB_PARTS_LOCK, jobId]);
  const [job]: Array<{ number: string; facility_id: string; closed: boolean }> = await m.query(
    `SELECT j.number, j.facility_id, j.status IN ${CLOSED_STATUSES_SQL} AS closed FROM repair_jobs j WHERE j.id = $1`,
    [jobId],
  );
  if (!job || job.closed) return 0;
  const requests: Array<{ status: ComponentRequestStatus }> = await m.query(
    `SELECT status FROM component_requests WHERE repair_job_id = $1`,
    [jobId],
  );
  if (!partsReady(requests.map((r) => r.status))) return 0;
  return notify(
    m,
    { roles: ['workshop'], facilityId: job.facility_id },
    { kind: 'job_parts_ready', subjectType: 'repair_job', subjectId: jobId, params: { jobNumber: job.number } },
  );
}

/**
 * Someone asked for the quality sign-off of job `job`: the other workshop users of its facility who logged
 * no work on it (the four-eyes rule lets only them sign off) hear of it, with a link to the job.
 */
export async function notifySignOffRequested(
  m: Manager,
  job: { id: string; number: string; facility_id: string },
  requesterId: string,
  workLogAuthors: readonly string[],
): Promise<number> {
  return notify(
    m,
    { roles: ['workshop'], facilityId: job.facility_id, exceptUserId: requesterId, exceptUserIds: workLogAuthors },
    { kind: 'sign_off_requested', subjectType: 'repair_job', subjectId: job.id, params: { jobNumber: job.number } },
  );
}
