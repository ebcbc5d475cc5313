import {
  facilityErrors,
  likePattern,
  mustRevokeSessions,
  normalizeScope,
  scopeErrors,
  toUserResponse,
  type UserRow,
} from './users.rules';

const F1 = '11111111-1111-4111-8111-111111111111';
const F2 = '22222222-2222-4222-8222-222222222222';
const P1 = '33333333-3333-4333-8333-333333333333';

describe('users rules', () => {
  it('keeps only the scope the role uses, without duplicate facilities', () => {
    expect(normalizeScope({ role: 'workshop', facilityIds: [F1, F1, F2], partnerId: P1 })).toEqual({
      role: 'workshop',
      facilityIds: [F1, F2],
      partnerId: null,
    });
    expect(normalizeScope({ role: 'partner', facilityIds: [F1], partnerId: P1 })).toEqual({
      role: 'partner',
      facilityIds: [],
      partnerId: P1,
    });
    expect(normalizeScope({ role: 'viewer', facilityIds: [F1], partnerId: P1 })).toEqual({
      role: 'viewer',
      facilityIds: [],
      partnerId: null,
    });
  });

  it('asks a workshop user for a facility and a partner user for a partner', () => {
    expect(scopeErrors({ role: 'workshop', facilityIds: [], partnerId: null }).map((e) => e.path)).toEqual([
      'facilityIds',
    ]);
    expect(scopeErrors({ role: 'partner', facilityIds: [], partnerId: null }).map((e) => e.path)).toEqual([
      'partnerId',
    ]);
    expect(scopeErrors({ role: 'admin', facilityIds: [], partnerId: null })).toEqual([]);
  });

  it('names each unknown facility and each facility that is not a repair workshop by index', () => {
    const found = new Map([
      [F1, 'repair_workshop'],
      [F2, 'depot'],
    ]);
    expect(facilityErrors([F1, F2, P1], found).map((e) => e.path)).toEqual(['facilityIds.1', 'facilityIds.2']);
    expect(facilityErrors([F1], found)).toEqual([]);
  });

  it('ends sessions when a user is disabled or their role or scope changes, not for a rename', () => {
    const base = { role: 'workshop' as const, facilityIds: [F1, F2], partnerId: null, active: true };
    expect(mustRevokeSessions(base, { ...base, facilityIds: [F2, F1] })).toBe(false);
    expect(mustRevokeSessions(base, { ...base, active: false })).toBe(true);
    expect(mustRevokeSessions(base, { ...base, facilityIds: [F1] })).toBe(true);
    expect(mustRevokeSessions(base, { ...base, role: 'viewer', facilityIds: [] })).toBe(true);
    expect(mustRevokeSessions({ ...base, active: false }, { ...base, active: true })).toBe(false);
  });

  it('escapes LIKE wildcards', () => {
    expect(likePattern('a%b_c\\')).toBe('%a\\%b\\_c\\\\%');
  });

  it('maps a row to the response without the hash, dates as ISO strings', () => {
    const at = new Date('2025-01-02T03:04:05Z');
    const row: UserRow & { password_hash?: string } = {
      id: F1,
      email: 'a@b.example',
      display_name: 'A',
      role: 'viewer',
      locale: 'en',
      facility_ids: null,
      partner_id: null,
      active: true,
      last_login_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
      password_hash: 'secret',
    };
    const res = toUserResponse(row);
    expect(res).toEqual({
      id: F1,
      email: 'a@b.example',
      displayName: 'A',
      role: 'viewer',
      locale: 'en',
      facilityIds: [],
      partnerId: null,
      active: true,
      lastLoginAt: null,
      version: 1,
      createdAt: '2025-01-02T03:04:05.000Z',
      updatedAt: '2025-01-02T03:04:05.000Z',
    });
    expect(JSON.stringify(res)).not.toContain('secret');
  });
});
