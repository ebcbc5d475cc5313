import { permissionTable } from '@jv/domain';
import { allEndpoints, endpoints } from './endpoints/index';
import { fillPath, successStatus } from './endpoint';

describe('the endpoint table', () => {
  it('declares each method and path once, under /v1 or /health, with a summary and a permission', () => {
    const keys = allEndpoints.map(({ def }) => `${def.method} ${def.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { name, def } of allEndpoints) {
      expect({ name, ok: /^\/(v1|health)(\/|$)/.test(def.path) && def.summary.length > 5 }).toEqual({ name, ok: true });
      const guarded =
        typeof def.permission === 'object' ? Object.hasOwn(permissionTable, def.permission.resource) : true;
      expect({ name, guarded }).toEqual({ name, guarded: true });
      // a path parameter is declared in the params schema
      for (const [, param] of def.path.matchAll(/\{(\w+)\}/g)) expect(def.params?.shape).toHaveProperty(param!);
    }
  });

  it('answers 201 for creates, 200 for moves and reads, 204 for no content', () => {
    expect(successStatus(endpoints.repairJobs.create)).toBe(201);
    expect(successStatus(endpoints.repairJobs.transition)).toBe(200);
    expect(successStatus(endpoints.repairJobs.get)).toBe(200);
    expect(successStatus(endpoints.auth.logout)).toBe(204);
  });

  it('fills path parameters, encoded, and refuses a missing one', () => {
    expect(fillPath('/v1/systems/{id}/history', { id: 'a b/c' })).toBe('/v1/systems/a%20b%2Fc/history');
    expect(() => fillPath('/v1/systems/{id}', {})).toThrow(/Missing path parameter id/);
  });
});
