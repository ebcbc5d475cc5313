import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertTraversable } from './embedded';

describe('assertTraversable', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'jv-trav-'));
    chmodSync(root, 0o755);
  });
  afterEach(() => {
    chmodSync(root, 0o755);
    rmSync(root, { recursive: true, force: true });
  });

  it('accepts a path whose folders others may enter', () => {
    mkdirSync(path.join(root, 'a/b'), { recursive: true });
    expect(() => assertTraversable([path.join(root, 'a/b/pg')])).not.toThrow();
  });

  it('names the folder the postgres user cannot enter', () => {
    mkdirSync(path.join(root, 'private/data'), { recursive: true });
    chmodSync(path.join(root, 'private'), 0o700);
    expect(() => assertTraversable([path.join(root, 'private/data/pg')])).toThrow(
      `cannot enter ${path.join(root, 'private')}`,
    );
  });
});
