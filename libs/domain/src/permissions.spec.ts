import { ALL_ROLES, can, permissionTable } from './permissions';

describe('permission table', () => {
  it('lets every signed-in role read reference data and only admins change it', () => {
    for (const role of ALL_ROLES) {
      expect(can(role, 'referenceData', 'read')).toBe(true);
      expect(can(role, 'referenceData', 'write')).toBe(role === 'admin');
    }
  });

  it('keeps users and the audit log to admins', () => {
    for (const role of ALL_ROLES) {
      expect(can(role, 'users', 'read')).toBe(role === 'admin');
      expect(can(role, 'audit', 'read')).toBe(role === 'admin');
    }
  });

  it('never lets anyone write the audit log through the API', () => {
    expect(permissionTable.audit.write).toHaveLength(0);
  });
});
