import { canonicalJson, canonicalSha256, sha256 } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys recursively, in objects inside arrays too, without whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same text for the same data built in another key order', () => {
    const one = { fleet: { systems: 3, byStatus: [{ status: 'operational', systems: 2 }] }, period: '2026-Q3' };
    const two = { period: '2026-Q3', fleet: { byStatus: [{ systems: 2, status: 'operational' }], systems: 3 } };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
    expect(canonicalSha256(one)).toBe(canonicalSha256(two));
  });

  it('keeps array order, and writes scalars, nulls and strings as JSON does', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ a: null, b: 'Київ "x"', c: 1.5, d: true })).toBe(
      '{"a":null,"b":"Київ \\"x\\"","c":1.5,"d":true}',
    );
  });

  it('leaves out undefined members like JSON.stringify, and converts dates', () => {
    expect(canonicalJson({ a: undefined, b: [undefined], c: new Date('2026-10-01T00:00:00Z') })).toBe(
      '{"b":[null],"c":"2026-10-01T00:00:00.000Z"}',
    );
  });

  it('agrees with JSON.parse: the text reads back to the same data', () => {
    const data = { x: [1, { b: 2, a: 1 }], y: { '10': 1, '2': 2 } };
    expect(JSON.parse(canonicalJson(data))).toEqual(data);
  });

  it('hashes with SHA-256 in hex', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
