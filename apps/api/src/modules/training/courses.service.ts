import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CourseResponse,
  CreateCourseInput,
  CurrentUser,
  ListCoursesQuery,
  Page,
  UpdateCourseInput,
} from '@jv/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { NotFound, StaleVersion, ValidationFailed } from '../../common/errors';
import { afterCursor, toPage } from '../../common/keyset';
import { updateVersioned } from '../../common/optimistic';
import { pick } from '../../common/patch';
import { withConstraintErrors } from '../../common/pg-errors';
import { containsPattern, SqlParams, whereSql } from '../../common/sql';
import { AuditService } from '../audit/audit.service';
import { COURSE_SELECT, type CourseRow, toCourse } from './training.rules';
import { trainingScope } from './training.scope';

const COLUMNS = {
  code: 'code',
  title: 'title',
  kind: 'kind',
  systemModelId: 'system_model_id',
  durationDays: 'duration_days',
  seats: 'seats',
} as const;
type CourseField = keyof typeof COLUMNS;

/** Courses: what a cohort teaches. Partner users read only the courses of the models their country donated. */
@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** By code; keyset on (code, id). */
  async list(q: ListCoursesQuery, user: CurrentUser): Promise<Page<CourseResponse>> {
    const p = new SqlParams();
    const where = trainingScope(user, p, 'c.system_model_id');
    if (q.kind) where.push(`c.kind = ${p.add(q.kind)}`);
    if (q.systemModelId) where.push(`c.system_model_id = ${p.add(q.systemModelId)}::uuid`);
    if (q.q) {
      const s = p.add(containsPattern(q.q));
      where.push(`(c.code ILIKE ${s} OR c.title ILIKE ${s})`);
    }
    const after = afterCursor(p, 'c.code', 'c.id', q.cursor);
    if (after) where.push(after);
    const rows: CourseRow[] = await this.db.query(
      `${COURSE_SELECT} ${whereSql(where)} ORDER BY c.code, c.id LIMIT ${p.add(q.limit + 1)}`,
      p.values,
    );
    return toPage(rows.map(toCourse), q.limit, (x) => [x.code, x.id]);
  }

  async get(id: string, user: CurrentUser, m: EntityManager = this.db.manager): Promise<CourseResponse> {
    const p = new SqlParams();
    const where = [`c.id = ${p.add(id)}::uuid`, ...trainingScope(user, p, 'c.system_model_id')];
    const [row]: CourseRow[] = await m.query(`${COURSE_SELECT} ${whereSql(where)}`, p.values);
    if (!row) throw new NotFound('Course');
    return toCourse(row);
  }

  create(input: CreateCourseInput, user: CurrentUser): Promise<CourseResponse> {
    return withConstraintErrors(() =>
      this.db.transaction(async (m) => {
        await this.checkModel(m, input.systemModelId);
        const [{ id }]: Array<{ id: string }> = await m.query(
          `INSERT INTO courses (code, title, kind, system_model_id, duration_days, seats)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [input.code, input.title, input.kind, input.systemModelId, input.durationDays, input.seats],
        );
        const after = await this.get(id, user, m);
        await this.audit.record({ action: 'create', entityType: 'course', entityId: id, after }, m);
        return after;
      }),
    );
  }

  update(id: string, { version, ...patch }: UpdateCourseInput, user: CurrentUser): Promise<CourseResponse> {
    return withConstraintErrors(() =>
      this.db.transaction(async (m) => {
        const before = await this.get(id, user, m);
        if (before.version !== version) throw new StaleVersion(before.version);
        const changed = (Object.keys(COLUMNS) as CourseField[]).filter(
          (k) => patch[k] !== undefined && patch[k] !== before[k],
        );
        if (changed.length === 0) return before;
        if (changed.includes('systemModelId') && patch.systemModelId) await this.checkModel(m, patch.systemModelId);
        const set = Object.fromEntries(changed.map((k) => [COLUMNS[k], patch[k]]));
        await updateVersioned(m, 'courses', id, version, set, 'Course');
        const after = await this.get(id, user, m);
        const keys = [
          ...changed,
          'version' as const,
          ...(changed.includes('systemModelId') ? ['modelDesignation' as const] : []),
        ];
        await this.audit.record(
          {
            action: 'update',
            entityType: 'course',
            entityId: id,
            before: pick(before, keys),
            after: pick(after, keys),
          },
          m,
        );
        return after;
      }),
    );
  }

  private async checkModel(m: EntityManager, systemModelId: string): Promise<void> {
    const [model] = await m.query(`SELECT id FROM system_models WHERE id = $1`, [systemModelId]);
    if (!model) throw new ValidationFailed([{ path: 'systemModelId', code: 'not_found' }]);
  }
}
