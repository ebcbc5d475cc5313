import { problemDetailsSchema } from './common';
import { readProblemDetails } from './problem-details';

const valid = { type: 'about:blank', title: 'Conflict', status: 409 };
const samples: unknown[] = [
  valid,
  { ...valid, code: 'STALE_VERSION', currentVersion: 4, detail: 'changed', instance: '/x', correlationId: 'c1' },
  { ...valid, errors: [{ path: 'hours', code: 'too_small', message: 'min 0.25', params: { minimum: 0.25 } }] },
  { ...valid, errors: [{ path: 'hours', message: 'required' }], allowed: ['in_progress'] },
  null,
  'text',
  [valid],
  { title: 'x', status: 400 },
  { ...valid, status: '409' },
  { ...valid, status: 409.5 },
  { ...valid, code: 7 },
  { ...valid, detail: null },
  { ...valid, errors: 'hours' },
  { ...valid, errors: [{ path: 'hours' }] },
  { ...valid, errors: [{ path: 'hours', message: 'm', code: 1 }] },
  { ...valid, errors: [{ path: 'hours', message: 'm', params: [] }] },
  { ...valid, allowed: [1] },
];

describe('readProblemDetails', () => {
  it.each(samples.map((s) => [JSON.stringify(s), s]))('agrees with problemDetailsSchema on %s', (_, sample) => {
    const parsed = problemDetailsSchema.safeParse(sample);
    expect(readProblemDetails(sample) !== undefined).toBe(parsed.success);
    if (parsed.success) expect(readProblemDetails(sample)).toEqual(parsed.data);
  });
});
