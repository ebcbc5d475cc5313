#!/usr/bin/env node
// Lines are at most 120 characters (code points, not bytes) in every source file the formatter checks.
// Generated migrations are exempt. Prints each long line and exits 1 when there is one.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 120;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|tsx|mjs|cjs|js|css|json)$/.test(f))
  .filter((f) => !f.includes('/migrations/') && f !== 'package-lock.json');
let long = 0;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // listed but deleted in the work tree
  }
  text.split('\n').forEach((line, i) => {
    const length = [...line].length;
    if (length > LIMIT) {
      long += 1;
      console.log(`${file}:${i + 1}: ${length} characters`);
    }
  });
}
if (long > 0) {
  console.log(`${long} line(s) longer than ${LIMIT} characters`);
  process.exit(1);
}
