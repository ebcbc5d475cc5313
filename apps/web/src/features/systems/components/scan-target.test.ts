import { cameraProblem, systemIdFromCode } from './scan-target';

const ID = '0b6f3c1e-8a52-4d6e-9f2a-3c4d5e6f7a8b';

describe('systemIdFromCode', () => {
  it.each([
    [`https://jv.example.org/systems/${ID}`, ID],
    [`http://localhost:3000/systems/${ID}`, ID],
    [`  https://jv.example.org/systems/${ID}/\n`, ID],
    [`https://jv.example.org/systems/${ID.toUpperCase()}`, ID],
  ])('reads the system id from the label URL %j', (text, id) => {
    expect(systemIdFromCode(text)).toBe(id);
  });

  it.each([
    ['a serial number, not a URL', 'TH-155-0001'],
    ['another page of the app', `https://jv.example.org/repair-jobs/${ID}`],
    ['a page below the system', `https://jv.example.org/systems/${ID}/edit`],
    ['a path prefix before it', `https://jv.example.org/x/systems/${ID}`],
    ['no uuid', 'https://jv.example.org/systems/new'],
    ['a query string', `https://jv.example.org/systems/${ID}?next=https://evil.example`],
    ['a fragment', `https://jv.example.org/systems/${ID}#x`],
    ['credentials', `https://user:pw@jv.example.org/systems/${ID}`],
    ['another scheme', `javascript:alert(1)//systems/${ID}`],
    ['a data URL', `data:text/html,/systems/${ID}`],
    ['empty', ''],
  ])('is not a JV Tracker label: %s', (_, text) => {
    expect(systemIdFromCode(text)).toBeNull();
  });
});

describe('cameraProblem', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'noCamera'],
    ['OverconstrainedError', 'noCamera'],
    ['NotReadableError', 'busy'],
    ['TypeError', 'failed'],
  ])('names %s as %s', (name, problem) => {
    expect(cameraProblem(new DOMException('camera', name))).toBe(problem);
  });

  it('names anything else a failure', () => {
    expect(cameraProblem('nope')).toBe('failed');
  });
});
