import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreatePartUsedInput,
  CreateWorkLogInput,
  CurrentUser,
  PartUsedList,
  PartUsedResponse,
  WorkLogList,
  WorkLogResponse,
} from '@jv/contracts';
import { isOpen } from '@jv/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, Conflict, ValidationFailed } from '../../common/errors';
import { AuditService } from '../audit/audit.service';
import { RepairJobsService } from './repair-jobs.service';
import { toWorkLog, type WorkLogRow, workshopToday } from './repair-jobs.rules';

interface PartRow {
  id: string;
  job_id: string;
  component_id: string;
  part_number: string;
  component_name: string;
  quantity: number;
  component_request_id: string | null;
  created_at: Date;
}

const WORK_LOG_SELECT = `SELECT w.id::text AS id, w.job_id, w.technician_id, u.display_name AS technician_name,
                                w.date::text AS date, w.hours, w.note, w.created_at
                           FROM work_logs w LEFT JOIN users u ON u.id = w.technician_id`;
const PART_SELECT = `SELECT p.id::text AS id, p.job_id, p.component_id, c.part_number, c.name AS component_name,
                            p.quantity, p.component_request_id, p.created_at
                       FROM parts_used p JOIN components c ON c.id = p.component_id`;

const toPart = (r: PartRow): PartUsedResponse => ({
  id: r.id,
  jobId: r.job_id,
  componentId: r.component_id,
  partNumber: r.part_number,
  componentName: r.component_name,
  quantity: r.quantity,
  componentRequestId: r.component_request_id,
  createdAt: new Date(r.created_at).toISOString(),
});

const jobClosed = (number: string) =>
  new Conflict('JOB_CLOSED', `Job ${number} is closed; no more work can be recorded on it`, { jobNumber: number });

/** Work logs and parts used on a job: recorded by the workshop (or an admin) while the job is open. */
@Injectable()
export class RepairJobWorkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(RepairJobsService) private readonly jobs: RepairJobsService,
  ) {}

  /**
   * The caller logs their own hours, dated neither in the future nor before the job was opened; the job
   * row is share-locked so a concurrent sign-off sees the log or refuses it.
   */
  async addWorkLog(jobId: string, input: CreateWorkLogInput, user: CurrentUser): Promise<WorkLogResponse> {
    return this.db.transaction(async (m) => {
      const job = await this.jobs.lockJob(m, jobId, user, 'SHARE');
      if (input.date > workshopToday()) throw new ValidationFailed([{ path: 'date', code: 'in_future' }]);
      // nor before the job was opened (the date part of opened_at, in UTC)
      if (input.date < new Date(job.opened_at).toISOString().slice(0, 10)) {
        throw new ValidationFailed([{ path: 'date', code: 'before_job_opened' }]);
      }
      if (!isOpen(job.status)) throw jobClosed(job.number);
      const [{ id }]: Array<{ id: string }> = await m.query(
        `INSERT INTO work_logs (job_id, technician_id, date, hours, note)
         VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id`,
        [jobId, user.id, input.date, input.hours, input.note?.trim() || null],
      );
      const log = await this.readWorkLog(m, id, user);
      await this.audit.record({ action: 'create', entityType: 'work_log', entityId: id, after: log }, m);
      return log;
    });
  }

  async listWorkLogs(jobId: string, user: CurrentUser): Promise<WorkLogList> {
    await this.jobs.get(jobId, user); // scope: 404 outside it
    const rows: WorkLogRow[] = await this.db.query(`${WORK_LOG_SELECT} WHERE w.job_id = $1 ORDER BY w.date, w.id`, [
      jobId,
    ]);
    const items = rows.map((r) => toWorkLog(r, user));
    const totalHours = items.reduce((sum, w) => sum + w.hours, 0);
    return { items, totalHours: Math.round(totalHours * 100) / 100 };
  }

  /** Only components compatible with the system's model may be fitted. */
  async addPartUsed(jobId: string, input: CreatePartUsedInput, user: CurrentUser): Promise<PartUsedResponse> {
    return this.db.transaction(async (m) => {
      const job = await this.jobs.lockJob(m, jobId, user, 'SHARE');
      if (!isOpen(job.status)) throw jobClosed(job.number);
      const [component]: Array<{ compatible: boolean }> = await m.query(
        `SELECT EXISTS (SELECT 1 FROM component_system_models csm JOIN systems s ON s.model_id = csm.system_model_id
                         WHERE csm.component_id = c.id AND s.id = $2) AS compatible
           FROM components c WHERE c.id = $1`,
        [input.componentId, job.system_id],
      );
      if (!component) throw new ValidationFailed([{ path: 'componentId', code: 'not_found' }]);
      if (!component.compatible) throw new ValidationFailed([{ path: 'componentId', code: 'incompatible_component' }]);
      if (input.componentRequestId) {
        await this.checkFromRequest(m, jobId, input.componentId, input.componentRequestId, input.quantity);
      }
      const [{ id }]: Array<{ id: string }> = await m.query(
        `INSERT INTO parts_used (job_id, component_id, quantity, component_request_id, recorded_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id`,
        [jobId, input.componentId, input.quantity, input.componentRequestId ?? null, user.id],
      );
      const [row]: PartRow[] = await m.query(`${PART_SELECT} WHERE p.id = $1`, [id]);
      const part = toPart(row);
      await this.audit.record({ action: 'create', entityType: 'part_used', entityId: id, after: part }, m);
      return part;
    });
  }

  /**
   * Parts taken from a component request: it must be linked to this job for the same component, and no
   * more may be used from it than was delivered. The request row is locked, so two concurrent uses
   * cannot both take the last delivered units.
   */
  private async checkFromRequest(
    m: EntityManager,
    jobId: string,
    componentId: string,
    requestId: string,
    quantity: number,
  ): Promise<void> {
    const [request]: Array<{ delivered_quantity: number }> = await m.query(
      `SELECT delivered_quantity FROM component_requests
        WHERE id = $1 AND repair_job_id = $2 AND component_id = $3 FOR UPDATE`,
      [requestId, jobId, componentId],
    );
    if (!request) throw new ValidationFailed([{ path: 'componentRequestId', code: 'not_found' }]);
    const [{ used }]: Array<{ used: number }> = await m.query(
      `SELECT coalesce(sum(quantity), 0)::int AS used FROM parts_used WHERE component_request_id = $1`,
      [requestId],
    );
    const available = request.delivered_quantity - used;
    if (quantity > available) {
      throw new AppError(
        'PARTS_EXCEED_DELIVERED',
        { available },
        `Only ${available} delivered on this request are still unused`,
      );
    }
  }

  async listPartsUsed(jobId: string, user: CurrentUser): Promise<PartUsedList> {
    await this.jobs.get(jobId, user);
    const rows: PartRow[] = await this.db.query(`${PART_SELECT} WHERE p.job_id = $1 ORDER BY p.id`, [jobId]);
    return { items: rows.map(toPart) };
  }

  private async readWorkLog(m: EntityManager, id: string, user: CurrentUser): Promise<WorkLogResponse> {
    const [row]: WorkLogRow[] = await m.query(`${WORK_LOG_SELECT} WHERE w.id = $1`, [id]);
    return toWorkLog(row, user);
  }
}
