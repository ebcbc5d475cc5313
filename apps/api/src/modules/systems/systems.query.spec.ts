import { ValidationFailed } from '../../common/errors';
import { encodeCursor } from '../../common/pagination';
import { SqlParams } from '../../common/sql';
import {
  decodeSystemCursor,
  encodeSystemCursor,
  filterConditions,
  keyset,
  sortKeyOf,
  type SystemRow,
  toSystemResponse,
  withVisibleOpenJob,
  utcToday,
} from './systems.query';
import { decodeDateCursor } from './usage-reports.service';

const ID = '0b6c5f8e-2a57-4c1e-9d0a-3f7b1c2d4e5f';
const P = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

describe('systems query helpers', () => {
  describe('keyset cursor', () => {
    it('round-trips each sort key and builds the row comparison in the direction of the order', () => {
      const cases = [
        ['serial', 'asc', 'TH155-0001', '(s.serial_number, s.id) > ($1::text, $2::uuid)'],
        ['wear', 'desc', 0.8123456789012345, '(s.barrel_wear, s.id) < ($1::float8, $2::uuid)'],
        [
          'lastChange',
          'asc',
          '2025-01-02T03:04:05.123456Z',
          '(s.status_changed_at, s.id) > ($1::timestamptz, $2::uuid)',
        ],
      ] as const;
      for (const [sort, order, key, sql] of cases) {
        const cursor = encodeSystemCursor(sort, order, key, ID);
        expect(decodeSystemCursor(cursor, sort, order)).toEqual([key, ID]);
        const p = new SqlParams();
        const k = keyset(sort, order, cursor, p);
        expect(k.after).toBe(sql);
        expect(k.orderBy).toBe(
          `ORDER BY ${sql.slice(1, sql.indexOf(','))} ${order.toUpperCase()}, s.id ${order.toUpperCase()}`,
        );
        expect(p.values).toEqual([key, ID]);
      }
    });

    it('has no condition on the first page', () => {
      const p = new SqlParams();
      expect(keyset('wear', 'asc', undefined, p)).toEqual({
        orderBy: 'ORDER BY s.barrel_wear ASC, s.id ASC',
        after: null,
      });
      expect(p.values).toEqual([]);
    });

    it('refuses a cursor of another sort or order, a key of the wrong type, or garbage, with 400 on cursor', () => {
      const bad = [
        [encodeSystemCursor('wear', 'asc', 0.5, ID), 'serial', 'asc'],
        [encodeSystemCursor('serial', 'asc', 'A', ID), 'serial', 'desc'],
        [encodeCursor(['wear', 'asc', '0.5', ID]), 'wear', 'asc'],
        [encodeCursor(['lastChange', 'asc', "2025-01-01'; DROP TABLE systems; --", ID]), 'lastChange', 'asc'],
        [encodeCursor(['serial', 'asc', 'A', 'not-a-uuid']), 'serial', 'asc'],
        [encodeCursor(['serial', 'asc', 'A']), 'serial', 'asc'],
        ['%%%', 'serial', 'asc'],
      ] as const;
      for (const [cursor, sort, order] of bad) {
        expect(() => decodeSystemCursor(cursor, sort, order)).toThrow(ValidationFailed);
      }
      const refused = (() => {
        try {
          decodeSystemCursor('%%%', 'serial', 'asc');
        } catch (e) {
          return e as ValidationFailed;
        }
        throw new Error('an unreadable cursor was accepted');
      })();
      expect(refused.errors).toEqual([expect.objectContaining({ path: 'cursor', code: 'invalid_cursor' })]);
    });

    it('takes the key of a row for each sort', () => {
      const row = { serial_number: 'X-1', barrel_wear: 0.25, status_changed_key: '2025-01-02T03:04:05.000001Z' };
      expect(sortKeyOf(row, 'serial')).toBe('X-1');
      expect(sortKeyOf(row, 'wear')).toBe(0.25);
      expect(sortKeyOf(row, 'lastChange')).toBe('2025-01-02T03:04:05.000001Z');
    });
  });

  describe('filters', () => {
    it(
      'turns every filter into a parameterised condition; ' + 'readiness becomes its statuses; wearAbove a fraction',
      () => {
        const p = new SqlParams();
        const where = filterConditions(
          {
            status: ['in_repair', 'degraded'],
            readiness: 'NMC-M',
            modelId: ID,
            donorPartnerId: P,
            unitId: ID,
            facilityId: P,
            wearAbove: 80,
            q: '50%_x',
          },
          p,
        );
        expect(where).toEqual([
          's.status = ANY($1::text[])',
          's.status = ANY($2::text[])',
          's.model_id = $3::uuid',
          's.donor_partner_id = $4::uuid',
          's.unit_id = $5::uuid',
          's.facility_id = $6::uuid',
          's.barrel_wear > $7::float8',
          's.serial_number ILIKE $8',
        ]);
        expect(p.values).toEqual([['in_repair', 'degraded'], ['in_repair'], ID, P, ID, P, 0.8, '%50\\%\\_x%']);
        const single = new SqlParams();
        expect(filterConditions({ status: 'operational' }, single)).toEqual(['s.status = ANY($1::text[])']);
        expect(single.values).toEqual([['operational']]);
        expect(filterConditions({}, new SqlParams())).toEqual([]);
      },
    );
  });

  describe('response', () => {
    const row: SystemRow = {
      id: ID,
      model_id: P,
      model_designation: 'TH-155/52',
      barrel_life_efc: 2500,
      serial_number: 'TH155-0001',
      donor_partner_id: P,
      donor_partner_code: 'FR',
      unit_id: null,
      unit_code: null,
      unit_name: null,
      facility_id: null,
      facility_code: null,
      status: 'in_repair',
      status_changed_at: new Date('2025-03-01T10:00:00Z'),
      status_changed_key: '2025-03-01T10:00:00.000000Z',
      total_efc: '3000.50',
      barrel_efc: '2100.00',
      barrel_wear: 0.84,
      barrel_serial: null,
      notes: null,
      delivered_on: null,
      version: 3,
      created_at: new Date('2025-01-01T00:00:00Z'),
      updated_at: new Date('2025-03-01T10:00:00Z'),
      open_job_id: null,
      open_job_number: null,
      open_job_status: null,
      open_job_facility_id: null,
      write_off_requested_by: null,
      write_off_requested_by_name: null,
      write_off_requested_at: null,
      write_off_reason: null,
    };

    it('converts numeric strings, adds readiness, wear flag and the forecast from the usage window', () => {
      const s = toSystemResponse(row, { system_id: ID, first_date: '2025-01-01', efc_window: 900 }, '2025-06-01');
      expect(s).toMatchObject({
        totalEfc: 3000.5,
        barrelEfc: 2100,
        readiness: 'NMC-M',
        barrelWear: 0.84,
        wearFlagged: true,
        firingRatePerDay: 10,
        barrelForecastDate: '2025-07-11',
        statusChangedAt: '2025-03-01T10:00:00.000Z',
        version: 3,
      });
      expect(toSystemResponse(row, undefined, '2025-06-01')).toMatchObject({
        firingRatePerDay: 0,
        barrelForecastDate: null,
        openRepairJob: null,
      });
    });

    it('carries the open repair job when there is one', () => {
      const withJob = {
        ...row,
        open_job_id: ID,
        open_job_number: 'RJ-2025-00007',
        open_job_status: 'diagnosing' as const,
      };
      expect(toSystemResponse(withJob, undefined, '2025-06-01').openRepairJob).toEqual({
        id: ID,
        number: 'RJ-2025-00007',
        status: 'diagnosing',
      });
    });

    it("leaves out an open job a workshop user may not see (another facility's)", () => {
      const FAC = '00000000-0000-4000-8000-0000000000f1';
      const withJob = {
        ...row,
        open_job_id: ID,
        open_job_number: 'RJ-2025-00007',
        open_job_status: 'diagnosing' as const,
        open_job_facility_id: FAC,
      };
      const other = withVisibleOpenJob(withJob, { role: 'workshop', facilityIds: [] });
      expect(toSystemResponse(other, undefined, '2025-06-01').openRepairJob).toBeNull();
      expect(withVisibleOpenJob(withJob, { role: 'workshop', facilityIds: [FAC] }).open_job_number).toBe(
        'RJ-2025-00007',
      );
      for (const role of ['admin', 'logistics', 'viewer', 'partner', 'training'] as const)
        expect(withVisibleOpenJob(withJob, { role, facilityIds: [] })).toBe(withJob);
    });

    it('knows today in UTC', () => {
      expect(utcToday(new Date('2025-12-31T23:59:59-05:00'))).toBe('2026-01-01');
    });
  });

  it('usage cursors are a single valid date', () => {
    expect(decodeDateCursor(encodeCursor(['2025-01-31']))).toBe('2025-01-31');
    for (const bad of [
      encodeCursor(['2025-1-1']),
      encodeCursor([20250101]),
      encodeCursor(['2025-01-01', 'x']),
      encodeCursor(['2025-13-45']),
    ]) {
      expect(() => decodeDateCursor(bad)).toThrow(ValidationFailed);
    }
  });
});
