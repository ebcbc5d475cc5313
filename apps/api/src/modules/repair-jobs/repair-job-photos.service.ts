import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CurrentUser,
  PHOTO_MAX_PER_JOB,
  type PhotoList,
  type PhotoResponse,
  type UploadPhotoQuery,
} from '@jv/contracts';
import { isOpen } from '@jv/domain';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, Conflict, Forbidden, NotFound, ValidationFailed } from '../../common/errors';
import { rootLogger } from '../../common/logger';
import { AuditService } from '../audit/audit.service';
import { sniffImage } from './repair-job-photos.image';
import { PHOTO_OBJECTS, type PhotoObjectStore } from './repair-job-photos.store';
import { RepairJobsService } from './repair-jobs.service';
import { seesPeople } from './repair-jobs.rules';

interface PhotoRow {
  id: string;
  job_id: string;
  work_log_id: string | null;
  caption: string | null;
  content_type: PhotoResponse['contentType'];
  size_bytes: number;
  width: number | null;
  height: number | null;
  taken_by: string;
  taken_by_name: string | null;
  created_at: Date;
  store: 'postgres' | 's3';
}

/** Never `data`: a list of fifty photos must not read fifty images. */
const PHOTO_SELECT = `SELECT p.id, p.job_id, p.work_log_id::text AS work_log_id, p.caption, p.content_type,
                             p.size_bytes, p.width, p.height, p.taken_by, u.display_name AS taken_by_name,
                             p.created_at, p.store
                        FROM repair_job_photos p LEFT JOIN users u ON u.id = p.taken_by`;

const toPhoto = (r: PhotoRow, user: Pick<CurrentUser, 'role'>): PhotoResponse => ({
  id: r.id,
  jobId: r.job_id,
  workLogId: r.work_log_id,
  caption: r.caption,
  contentType: r.content_type,
  bytes: r.size_bytes,
  width: r.width,
  height: r.height,
  takenBy: seesPeople(user) ? r.taken_by : null,
  takenByName: seesPeople(user) ? r.taken_by_name : null,
  createdAt: new Date(r.created_at).toISOString(),
});

const objectKey = (jobId: string, photoId: string) => `photos/${jobId}/${photoId}`;

export interface PhotoBytes {
  contentType: string;
  sha256: string;
  bytes: Buffer;
}

/**
 * Photos on a job and its work logs. Who may read the job sees them; who may log work on an open job adds them;
 * the one who took a photo (or an admin) deletes it. Bytes live in the row or in the S3 bucket (PHOTO_STORE).
 */
@Injectable()
export class RepairJobPhotosService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(RepairJobsService) private readonly jobs: RepairJobsService,
    @Inject(PHOTO_OBJECTS) private readonly objects: PhotoObjectStore | null,
  ) {}

  /**
   * The declared type must be what the bytes are. Under the job's share lock a per-job advisory lock counts
   * the photos, so two uploads at once cannot both take the last place. With S3 the object is written inside
   * the transaction: a failed write stores nothing, and a failed commit removes the object again.
   */
  async upload(jobId: string, query: UploadPhotoQuery, bytes: Buffer, declared: string, user: CurrentUser) {
    const sniffed = sniffImage(bytes);
    if (!sniffed) throw new ValidationFailed([{ path: 'body', code: 'image_type' }]);
    if (sniffed.type !== declared.split(';')[0].trim().toLowerCase()) {
      throw new ValidationFailed([{ path: 'body', code: 'content_type_mismatch', params: { actual: sniffed.type } }]);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let written: string | null = null;
    try {
      return await this.db.transaction(async (m) => {
        const job = await this.jobs.lockJob(m, jobId, user, 'SHARE');
        if (!isOpen(job.status)) {
          throw new Conflict('JOB_CLOSED', `Job ${job.number} is closed`, { jobNumber: job.number });
        }
        if (query.workLogId) {
          const [log] = await m.query(`SELECT 1 FROM work_logs WHERE id = $1 AND job_id = $2`, [
            query.workLogId,
            jobId,
          ]);
          if (!log) throw new ValidationFailed([{ path: 'workLogId', code: 'not_found' }]);
        }
        await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('repair_job_photos:' || $1, 0))`, [jobId]);
        const [{ count }]: Array<{ count: number }> = await m.query(
          `SELECT count(*)::int AS count FROM repair_job_photos WHERE job_id = $1`,
          [jobId],
        );
        if (count >= PHOTO_MAX_PER_JOB) {
          throw new AppError('PHOTO_LIMIT_REACHED', { limit: PHOTO_MAX_PER_JOB }, 'This job holds the most photos');
        }
        const store = this.objects ? 's3' : 'postgres';
        const [{ id }]: Array<{ id: string }> = await m.query(
          `INSERT INTO repair_job_photos (job_id, work_log_id, caption, content_type, size_bytes, width, height, sha256,
                                          store, data, taken_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [
            jobId,
            query.workLogId ?? null,
            query.caption?.trim() || null,
            sniffed.type,
            bytes.length,
            sniffed.width,
            sniffed.height,
            sha256,
            store,
            this.objects ? null : bytes,
            user.id,
          ],
        );
        if (this.objects) {
          await this.objects.put(objectKey(jobId, id), bytes, sniffed.type);
          written = objectKey(jobId, id);
        }
        const photo = await this.readPhoto(m, id, user);
        await this.audit.record({ action: 'create', entityType: 'repair_job_photo', entityId: id, after: photo }, m);
        return photo;
      });
    } catch (err) {
      if (written) await this.removeObject(written);
      throw err;
    }
  }

  async list(jobId: string, user: CurrentUser): Promise<PhotoList> {
    await this.jobs.get(jobId, user); // scope: 404 outside it
    const rows: PhotoRow[] = await this.db.query(`${PHOTO_SELECT} WHERE p.job_id = $1 ORDER BY p.created_at, p.id`, [
      jobId,
    ]);
    return { items: rows.map((r) => toPhoto(r, user)) };
  }

  async bytes(jobId: string, photoId: string, user: CurrentUser): Promise<PhotoBytes> {
    await this.jobs.get(jobId, user);
    const [row]: Array<{ content_type: string; sha256: string; store: string; data: Buffer | null }> =
      await this.db.query(
        `SELECT content_type, sha256, store, data FROM repair_job_photos WHERE id = $1 AND job_id = $2`,
        [photoId, jobId],
      );
    if (!row) throw new NotFound('Photo');
    let bytes = row.data;
    if (row.store === 's3') {
      if (!this.objects) throw new Error(`Photo ${photoId} is in S3 but PHOTO_STORE is not s3`);
      bytes = await this.objects.get(objectKey(jobId, photoId));
    }
    return { contentType: row.content_type, sha256: row.sha256, bytes: bytes ?? Buffer.alloc(0) };
  }

  /** The row goes in a transaction with its audit entry; the S3 object after the commit. */
  async remove(jobId: string, photoId: string, user: CurrentUser): Promise<void> {
    const store = await this.db.transaction(async (m) => {
      await this.jobs.lockJob(m, jobId, user, 'SHARE');
      const [row]: PhotoRow[] = await m.query(`${PHOTO_SELECT} WHERE p.id = $1 AND p.job_id = $2 FOR UPDATE OF p`, [
        photoId,
        jobId,
      ]);
      if (!row) throw new NotFound('Photo');
      if (row.taken_by !== user.id && user.role !== 'admin') {
        throw new Forbidden('Only the one who took a photo, or an admin, may delete it');
      }
      await m.query(`DELETE FROM repair_job_photos WHERE id = $1`, [photoId]);
      await this.audit.record(
        { action: 'delete', entityType: 'repair_job_photo', entityId: photoId, before: toPhoto(row, user) },
        m,
      );
      return row.store;
    });
    if (store === 's3') await this.removeObject(objectKey(jobId, photoId));
  }

  /** An object left behind costs bucket space only: it is logged, never the caller's error. */
  private async removeObject(key: string): Promise<void> {
    try {
      await this.objects?.delete(key);
    } catch (err) {
      rootLogger().warn({ err, key }, 'photo object not removed');
    }
  }

  private async readPhoto(m: EntityManager, id: string, user: CurrentUser): Promise<PhotoResponse> {
    const [row]: PhotoRow[] = await m.query(`${PHOTO_SELECT} WHERE p.id = $1`, [id]);
    return toPhoto(row, user);
  }
}
