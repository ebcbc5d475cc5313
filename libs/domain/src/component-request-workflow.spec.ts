import {
  allowedRequestMoves,
  barrelRequestDue,
  checkDelivery,
  checkRequestMove,
  componentRequestStatuses,
  formatRequestNumber,
  isRequestOverdue,
  partsReady,
} from './component-request-workflow';

const facts = { actorId: 'approver', requesterId: 'requester', comment: null, supplierPartnerId: 'pl' };

describe('component request workflow', () => {
  it('moves draft → submitted → approved → ordered → shipped by hand, never to delivered', () => {
    expect(allowedRequestMoves('draft')).toEqual(['submitted', 'cancelled']);
    expect(allowedRequestMoves('submitted')).toEqual(['approved', 'rejected', 'cancelled']);
    expect(allowedRequestMoves('approved')).toEqual(['ordered', 'cancelled']);
    expect(allowedRequestMoves('ordered')).toEqual(['shipped']);
    for (const from of componentRequestStatuses) expect(allowedRequestMoves(from)).not.toContain('delivered');
    for (const end of ['delivered', 'rejected', 'cancelled'] as const) expect(allowedRequestMoves(end)).toEqual([]);
  });

  it('refuses a move the table does not allow, naming the allowed ones', () => {
    expect(checkRequestMove('ordered', 'cancelled', facts)).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      from: 'ordered',
      to: 'cancelled',
      allowed: ['shipped'],
    });
    expect(checkRequestMove('shipped', 'delivered', facts)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  it('needs a comment to reject or cancel', () => {
    expect(checkRequestMove('submitted', 'rejected', facts)).toEqual({ ok: false, code: 'COMMENT_REQUIRED' });
    expect(checkRequestMove('draft', 'cancelled', { ...facts, comment: '  ' })).toEqual({
      ok: false,
      code: 'COMMENT_REQUIRED',
    });
    expect(checkRequestMove('submitted', 'rejected', { ...facts, comment: 'not in budget' })).toEqual({ ok: true });
  });

  it('approves only with a supplier and by someone other than the requester (four eyes)', () => {
    expect(checkRequestMove('submitted', 'approved', { ...facts, supplierPartnerId: null })).toEqual({
      ok: false,
      code: 'SUPPLIER_REQUIRED',
    });
    expect(checkRequestMove('submitted', 'approved', { ...facts, actorId: 'requester' })).toEqual({
      ok: false,
      code: 'FOUR_EYES',
    });
    expect(checkRequestMove('submitted', 'approved', facts)).toEqual({ ok: true });
  });

  it('receives deliveries while ordered or shipped, up to what remains', () => {
    expect(checkDelivery('approved', 5, 0, 1)).toEqual({ ok: false, code: 'NOT_RECEIVING' });
    expect(checkDelivery('ordered', 5, 3, 3)).toEqual({ ok: false, code: 'OVER_DELIVERY', remaining: 2 });
    expect(checkDelivery('shipped', 5, 3, 1)).toEqual({ ok: true, remainingAfter: 1, completes: false });
    expect(checkDelivery('shipped', 5, 3, 2)).toEqual({ ok: true, remainingAfter: 0, completes: true });
  });

  it('calls a request overdue past its needed-by date until it is delivered, rejected or cancelled', () => {
    expect(isRequestOverdue('2026-11-29', 'shipped', '2026-11-30')).toBe(true);
    expect(isRequestOverdue('2026-11-30', 'shipped', '2026-11-30')).toBe(false);
    for (const done of ['delivered', 'rejected', 'cancelled'] as const) {
      expect(isRequestOverdue('2026-01-01', done, '2026-11-30')).toBe(false);
    }
  });

  it('has parts ready when every request that counts is delivered, and at least one counts', () => {
    expect(partsReady([])).toBe(false);
    expect(partsReady(['delivered', 'cancelled', 'rejected'])).toBe(true);
    expect(partsReady(['delivered', 'shipped'])).toBe(false);
    expect(partsReady(['cancelled'])).toBe(false);
  });

  it('asks for a barrel when the forecast falls within the lead time', () => {
    expect(barrelRequestDue('2027-01-29', '2026-11-30', 60)).toBe(true);
    expect(barrelRequestDue('2027-01-30', '2026-11-30', 60)).toBe(false);
    expect(barrelRequestDue(null, '2026-11-30', 60)).toBe(false);
  });

  it('numbers requests CR-YYYY-NNNNN', () => {
    expect(formatRequestNumber(2026, 42)).toBe('CR-2026-00042');
  });
});
