import {
  allowedTransitions,
  checkTransition,
  formatJobNumber,
  forwardMove,
  isRepeatedSignOffRequest,
  isOverdue,
  repairJobDueAt,
  repairJobPriorityRank,
  type RepairJobStatus,
  repairJobStatuses,
  SIGN_OFF_REQUEST_QUIET_MINUTES,
  signOffRefusal,
  systemStatusForJob,
  timeInStates,
} from './repair-job-workflow';

const facts = { workLogAuthors: ['tech-1'], actorId: 'qa-1', comment: 'ok' };

describe('repair job workflow', () => {
  const legal: Array<[RepairJobStatus, RepairJobStatus]> = [
    ['reported', 'diagnosing'],
    ['diagnosing', 'awaiting_parts'],
    ['diagnosing', 'in_repair'],
    ['awaiting_parts', 'in_repair'],
    ['in_repair', 'awaiting_parts'],
    ['in_repair', 'quality_check'],
    ['quality_check', 'in_repair'],
    ['quality_check', 'completed'],
    ['reported', 'cancelled'],
    ['diagnosing', 'cancelled'],
    ['awaiting_parts', 'cancelled'],
    ['in_repair', 'cancelled'],
    ['quality_check', 'cancelled'],
  ];

  it.each(legal)('allows %s → %s', (from, to) => {
    expect(checkTransition(from, to, facts)).toEqual({ ok: true });
  });

  it('refuses every other move and lists the allowed ones', () => {
    for (const from of repairJobStatuses) {
      for (const to of repairJobStatuses) {
        if (legal.some(([f, t]) => f === from && t === to)) continue;
        const r = checkTransition(from, to, facts);
        expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', allowed: allowedTransitions(from) });
      }
    }
  });

  it('has no moves out of completed or cancelled', () => {
    expect(allowedTransitions('completed')).toEqual([]);
    expect(allowedTransitions('cancelled')).toEqual([]);
  });

  it('needs a comment to cancel', () => {
    expect(checkTransition('reported', 'cancelled', { ...facts, comment: '  ' })).toMatchObject({
      ok: false,
      code: 'COMMENT_REQUIRED',
    });
  });

  it('needs a work log before completion', () => {
    expect(checkTransition('quality_check', 'completed', { ...facts, workLogAuthors: [] })).toMatchObject({
      ok: false,
      code: 'WORK_LOG_REQUIRED',
    });
  });

  it('refuses a sign-off by someone who logged work (four eyes)', () => {
    expect(checkTransition('quality_check', 'completed', { ...facts, actorId: 'tech-1' })).toMatchObject({
      ok: false,
      code: 'FOUR_EYES',
    });
  });

  it('moves the system with the job and restores it on cancel', () => {
    expect(systemStatusForJob('reported', 'degraded')).toBe('in_repair');
    expect(systemStatusForJob('awaiting_parts', 'degraded')).toBe('awaiting_parts');
    expect(systemStatusForJob('in_repair', 'degraded')).toBe('in_repair');
    expect(systemStatusForJob('completed', 'degraded')).toBe('operational');
    expect(systemStatusForJob('cancelled', 'degraded')).toBe('degraded');
  });

  it('formats job numbers', () => {
    expect(formatJobNumber(2026, 42)).toBe('RJ-2026-00042');
  });

  it('derives time in each state from the history', () => {
    const t = timeInStates(
      [
        { to: 'reported', at: '2026-01-01T00:00:00Z' },
        { to: 'diagnosing', at: '2026-01-01T01:00:00Z' },
        { to: 'awaiting_parts', at: '2026-01-01T03:00:00Z' },
        { to: 'in_repair', at: '2026-01-02T03:00:00Z' },
        { to: 'awaiting_parts', at: '2026-01-02T04:00:00Z' },
        { to: 'in_repair', at: '2026-01-02T05:00:00Z' },
        { to: 'quality_check', at: '2026-01-02T06:00:00Z' },
        { to: 'completed', at: '2026-01-02T07:00:00Z' },
      ],
      '2026-02-01T00:00:00Z',
    );
    expect(t.reported).toBe(3_600_000);
    expect(t.diagnosing).toBe(7_200_000);
    expect(t.awaiting_parts).toBe(25 * 3_600_000);
    expect(t.in_repair).toBe(2 * 3_600_000);
    expect(t.quality_check).toBe(3_600_000);
    expect(t.completed).toBeUndefined();
  });
});

describe('repair job due dates', () => {
  it('gives urgent 3 days, priority 10 and routine 30, and ranks urgent first', () => {
    const opened = new Date('2026-03-01T10:00:00Z');
    expect(repairJobDueAt(opened, 'urgent').toISOString()).toBe('2026-03-04T10:00:00.000Z');
    expect(repairJobDueAt(opened, 'priority').toISOString()).toBe('2026-03-11T10:00:00.000Z');
    expect(repairJobDueAt(opened, 'routine').toISOString()).toBe('2026-03-31T10:00:00.000Z');
    expect([repairJobPriorityRank.urgent, repairJobPriorityRank.priority, repairJobPriorityRank.routine]).toEqual([
      0, 1, 2,
    ]);
  });

  it('calls an open job past its due time overdue, never a closed one', () => {
    const due = new Date('2026-03-04T10:00:00Z');
    const later = new Date('2026-03-05T00:00:00Z');
    expect(isOverdue('in_repair', due, later)).toBe(true);
    expect(isOverdue('in_repair', due, new Date('2026-03-04T09:00:00Z'))).toBe(false);
    expect(isOverdue('completed', due, later)).toBe(false);
    expect(isOverdue('cancelled', due, later)).toBe(false);
  });
});

describe('sign-off', () => {
  it('lets someone who logged no work sign off a job with work logs', () => {
    expect(signOffRefusal({ workLogAuthors: ['tech-1'], actorId: 'qa-1' })).toBeNull();
  });

  it('refuses the signer who logged work (four eyes), and a job without work logs', () => {
    expect(signOffRefusal({ workLogAuthors: ['tech-1', 'qa-1'], actorId: 'qa-1' })).toBe('FOUR_EYES');
    expect(signOffRefusal({ workLogAuthors: [], actorId: 'qa-1' })).toBe('WORK_LOG_REQUIRED');
  });

  it('treats a request within the quiet window as a repeat, and one after it as new', () => {
    const last = new Date('2026-11-30T10:00:00Z');
    const quiet = SIGN_OFF_REQUEST_QUIET_MINUTES * 60_000;
    expect(isRepeatedSignOffRequest(null, last)).toBe(false);
    expect(isRepeatedSignOffRequest(last, new Date(last.getTime() + quiet - 1))).toBe(true);
    expect(isRepeatedSignOffRequest(last, new Date(last.getTime() + quiet))).toBe(false);
  });
});

describe('forward move', () => {
  it('is an allowed, non-cancelling move from every open state, and none from a closed one', () => {
    for (const from of repairJobStatuses) {
      const next = forwardMove(from);
      if (from === 'completed' || from === 'cancelled') expect(next).toBeNull();
      else {
        expect(allowedTransitions(from)).toContain(next);
        expect(next).not.toBe('cancelled');
      }
    }
    expect(forwardMove('quality_check')).toBe('completed');
    expect(forwardMove('awaiting_parts')).toBe('in_repair');
  });
});
