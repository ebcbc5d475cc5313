import { AppError, ValidationFailed } from '../../common/errors';
import { SqlParams } from '../../common/sql';
import {
  decodeJobCursor,
  encodeJobCursor,
  type JobRow,
  jobScopeSql,
  mayOpenJobOn,
  technicianErrors,
  toJobResponse,
  toTransition,
  toWorkLog,
  transitionError,
  workshopToday,
  worksAt,
} from './repair-jobs.rules';

const F1 = '11111111-1111-4111-8111-111111111111';
const F2 = '22222222-2222-4222-8222-222222222222';
const U1 = '33333333-3333-4333-8333-333333333333';
const P1 = '44444444-4444-4444-8444-444444444444';
const at = new Date('2026-03-01T10:00:00Z');

const row = (over: Partial<JobRow> = {}): JobRow => ({
  id: F1,
  number: 'RJ-2026-00001',
  facility_id: F2,
  facility_code: 'WS-1',
  system_id: U1,
  system_serial: 'SN-1',
  model_designation: 'M',
  kind: 'corrective',
  priority: 'urgent',
  priority_rank: 0,
  status: 'in_repair',
  reported_fault: 'Leak',
  diagnosis: null,
  technician_ids: [U1],
  technicians: [{ id: U1, displayName: 'Tech' }],
  opened_at: at,
  opened_at_key: '2026-03-01T10:00:00.123456Z',
  due_at: new Date('2026-03-04T10:00:00Z'),
  closed_at: null,
  total_hours: '7.50',
  new_barrel_serial: null,
  preventive_plan_id: null,
  parts_ready: false,
  version: 3,
  created_at: at,
  updated_at: at,
  ...over,
});

describe('toJobResponse', () => {
  it('maps a row, converting numeric strings and flagging overdue open jobs', () => {
    const r = toJobResponse(row(), { role: 'workshop' }, new Date('2026-03-05T00:00:00Z'));
    expect(r).toMatchObject({
      number: 'RJ-2026-00001',
      totalHours: 7.5,
      overdue: true,
      partsReady: false,
      technicianIds: [U1],
      allowedTransitions: ['awaiting_parts', 'quality_check', 'cancelled'],
      openedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(
      toJobResponse(row({ status: 'completed', closed_at: at }), { role: 'admin' }, new Date('2026-04-01T00:00:00Z'))
        .overdue,
    ).toBe(false);
    expect(
      toJobResponse(row({ total_hours: null, technicians: null, technician_ids: null }), { role: 'admin' }),
    ).toMatchObject({ totalHours: 0, technicians: [], technicianIds: [] });
    expect(toJobResponse(row({ parts_ready: true }), { role: 'admin' }).partsReady).toBe(true);
  });

  it('hides technicians from partner users', () => {
    expect(toJobResponse(row(), { role: 'partner' })).toMatchObject({ technicianIds: [], technicians: [] });
    expect(
      toTransition(
        { id: '1', from_status: null, to_status: 'reported', comment: null, actor_id: U1, actor_name: 'Tech', at },
        { role: 'partner' },
      ),
    ).toMatchObject({ actorId: null, actorName: null });
    expect(
      toWorkLog(
        {
          id: '1',
          job_id: F1,
          technician_id: U1,
          technician_name: 'Tech',
          date: '2026-03-01',
          hours: '1.25',
          note: null,
          created_at: at,
        },
        { role: 'partner' },
      ),
    ).toMatchObject({ technicianId: null, technicianName: null, hours: 1.25 });
    expect(
      toWorkLog(
        {
          id: '1',
          job_id: F1,
          technician_id: U1,
          technician_name: 'Tech',
          date: '2026-03-01',
          hours: '1.25',
          note: null,
          created_at: at,
        },
        { role: 'viewer' },
      ),
    ).toMatchObject({ technicianId: U1, technicianName: 'Tech' });
  });
});

describe('scope', () => {
  it('limits workshop users to their facilities and partners to their systems, parameterised', () => {
    const p = new SqlParams();
    expect(jobScopeSql({ role: 'workshop', facilityIds: [F1], partnerId: null }, p)).toBe(
      'j.facility_id = ANY($1::uuid[])',
    );
    expect(jobScopeSql({ role: 'partner', facilityIds: [], partnerId: P1 }, p)).toBe('s.donor_partner_id = $2::uuid');
    expect(p.values).toEqual([[F1], P1]);
    expect(jobScopeSql({ role: 'partner', facilityIds: [], partnerId: null }, p)).toBe('false');
    expect(jobScopeSql({ role: 'viewer', facilityIds: [], partnerId: null }, p)).toBeNull();
    expect(worksAt({ role: 'workshop', facilityIds: [F1] }, F2)).toBe(false);
    expect(worksAt({ role: 'workshop', facilityIds: [F1] }, F1)).toBe(true);
    expect(worksAt({ role: 'admin', facilityIds: [] }, F2)).toBe(true);
  });
});

describe('job cursor', () => {
  it('round-trips (rank, opened_at with microseconds, id) and refuses anything else with a 400 on cursor', () => {
    const c = encodeJobCursor(row());
    expect(decodeJobCursor(c)).toEqual([0, '2026-03-01T10:00:00.123456Z', F1]);
    for (const bad of [
      'nope',
      Buffer.from(JSON.stringify(['0', 'x', F1])).toString('base64url'),
      Buffer.from(JSON.stringify([0, '2026-03-01T10:00:00Z', 'x'])).toString('base64url'),
    ]) {
      expect(() => decodeJobCursor(bad)).toThrow(ValidationFailed);
    }
  });
});

describe('transitionError', () => {
  it('maps workflow refusals to 409 with from/to/allowed, 400 on comment with a coded field, 409 with the code', () => {
    const invalid = transitionError({
      ok: false,
      code: 'INVALID_TRANSITION',
      from: 'reported',
      to: 'completed',
      allowed: ['diagnosing', 'cancelled'],
      message: 'no',
    });
    expect([invalid.status, invalid.code, invalid.params]).toEqual([
      409,
      'INVALID_TRANSITION',
      { from: 'reported', to: 'completed', allowed: ['diagnosing', 'cancelled'] },
    ]);
    const comment = transitionError({ ok: false, code: 'COMMENT_REQUIRED', message: 'why?' });
    expect(comment).toBeInstanceOf(AppError);
    expect([comment.status, comment.code, comment.extra]).toEqual([
      400,
      'COMMENT_REQUIRED',
      { errors: [{ path: 'comment', code: 'comment_required', message: 'why?' }] },
    ]);
    const eyes = transitionError({ ok: false, code: 'FOUR_EYES', message: 'someone else' });
    expect([eyes.status, eyes.code, eyes.params]).toEqual([409, 'FOUR_EYES', {}]);
  });
});

describe('technicianErrors and workshopToday', () => {
  it('names each technician who is not eligible by index', () => {
    expect(technicianErrors([U1, F1, U1, P1], new Set([U1]))).toEqual([
      { path: 'technicianIds.1', code: 'not_eligible_technician' },
      { path: 'technicianIds.3', code: 'not_eligible_technician' },
    ]);
  });

  it('gives the date in Kyiv (a day ahead of UTC late in the evening)', () => {
    expect(workshopToday(new Date('2026-03-01T21:30:00Z'))).toBe('2026-03-01');
    expect(workshopToday(new Date('2026-03-01T22:30:00Z'))).toBe('2026-03-02');
    expect(workshopToday(new Date('2026-07-01T21:30:00Z'))).toBe('2026-07-02');
  });
});

describe('mayOpenJobOn', () => {
  const workshop = { role: 'workshop' as const, facilityIds: [F1] };
  it('lets a workshop user open jobs only on systems in the field, at their facility or at a depot', () => {
    expect(mayOpenJobOn(workshop, { facilityId: null, facilityKind: null })).toBe(true);
    expect(mayOpenJobOn(workshop, { facilityId: F1, facilityKind: 'repair_workshop' })).toBe(true);
    expect(mayOpenJobOn(workshop, { facilityId: F2, facilityKind: 'depot' })).toBe(true);
    expect(mayOpenJobOn(workshop, { facilityId: F2, facilityKind: 'repair_workshop' })).toBe(false);
    expect(mayOpenJobOn(workshop, { facilityId: F2, facilityKind: 'production_plant' })).toBe(false);
  });
  it('lets the other roles open jobs wherever the system stands', () => {
    for (const role of ['admin', 'logistics'] as const)
      expect(mayOpenJobOn({ role, facilityIds: [] }, { facilityId: F2, facilityKind: 'repair_workshop' })).toBe(true);
  });
});
