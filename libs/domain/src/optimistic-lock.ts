/** Fields that changed between a record and a patch, for audit before/after and no-op detection. */
export function changedFields<T extends object>(before: T, patch: Partial<T>): (keyof T)[] {
  return (Object.keys(patch) as (keyof T)[]).filter((k) => {
    const a = before[k];
    const b = patch[k];
    if (b === undefined) return false;
    return JSON.stringify(a) !== JSON.stringify(b);
  });
}
