import { appRoleFor, urlUser } from './roles';

describe('database roles', () => {
  it('reads the decoded user of a postgres URL', () => {
    expect(urlUser('postgres://jv_app:secret@db:5432/jv_tracker')).toBe('jv_app');
    expect(urlUser('postgresql://we%40ird:x@db/jv')).toBe('we@ird');
    expect(urlUser('postgres://db:5432/jv')).toBeNull();
    expect(urlUser('not a url')).toBeNull();
  });

  it('grants to the app URL user only when it differs from the owner', () => {
    const owner = 'postgres://jv:a@db:5432/jv_tracker';
    expect(appRoleFor('postgres://jv_app:b@db:5432/jv_tracker', owner)).toBe('jv_app');
    expect(appRoleFor(owner, owner)).toBeNull();
    expect(appRoleFor('postgres://jv:other@db:5432/jv_tracker', owner)).toBeNull();
  });
});
