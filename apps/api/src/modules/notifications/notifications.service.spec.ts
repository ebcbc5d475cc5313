import { AppError } from '../../common/errors';
import { encodeCursor } from '../../common/pagination';
import { decodeNotificationCursor, encodeNotificationCursor, toNotification } from './notifications.service';

describe('notifications: cursor and mapping', () => {
  const id = '5d8e4a39-1c1f-4a53-9b8e-0d3f7b0a2c11';

  it('the cursor keeps created_at with microseconds and the id', () => {
    const cursor = encodeNotificationCursor({ created_at_key: '2026-11-30T10:00:00.123456Z', id });
    expect(decodeNotificationCursor(cursor)).toEqual(['2026-11-30T10:00:00.123456Z', id]);
  });

  it('anything else is a 400 on cursor', () => {
    for (const bad of ['nonsense', encodeCursor(['yesterday', id]), encodeCursor(['2026-11-30T10:00:00Z'])]) {
      expect(() => decodeNotificationCursor(bad)).toThrow(AppError);
    }
  });

  it('maps a row to the contract', () => {
    const at = new Date('2026-11-30T10:00:00.000Z');
    expect(
      toNotification({
        id,
        kind: 'job_parts_ready',
        subject_type: 'repair_job',
        subject_id: id,
        params: { jobNumber: 'RJ-2026-00001' },
        created_at: at,
        created_at_key: '2026-11-30T10:00:00.000000Z',
        read_at: null,
      }),
    ).toEqual({
      id,
      kind: 'job_parts_ready',
      subjectType: 'repair_job',
      subjectId: id,
      params: { jobNumber: 'RJ-2026-00001' },
      createdAt: '2026-11-30T10:00:00.000Z',
      readAt: null,
    });
  });
});
