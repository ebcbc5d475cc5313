import { useCallback, useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError, type FieldError } from './api-client';

export interface FormServerError {
  error: unknown;
  /** Field errors from the server that match no field of the form, shown above the form. */
  unmatched: FieldError[];
}

/**
 * Puts the server's validation errors (400, `errors: [{ path, message }]`) on the form's own fields
 * with `setError`, and keeps whatever is left (stale version, conflicts, unknown fields) for the form
 * banner. `fieldNames` are the top-level names of the form's fields.
 */
export function useServerFormErrors<T extends FieldValues>(setError: UseFormSetError<T>, fieldNames: readonly string[]) {
  const [formError, setFormError] = useState<FormServerError | null>(null);
  const names = fieldNames.join('|');

  const handleError = useCallback(
    (error: unknown) => {
      const known = new Set(names.split('|'));
      const unmatched: FieldError[] = [];
      if (isApiError(error) && error.status === 400) {
        let first = true;
        for (const fieldError of error.fieldErrors) {
          const root = fieldError.path.split('.')[0];
          if (root && known.has(root)) {
            setError(fieldError.path as Path<T>, { type: 'server', message: fieldError.message }, { shouldFocus: first });
            first = false;
          } else {
            unmatched.push(fieldError);
          }
        }
      }
      setFormError({ error, unmatched });
    },
    [names, setError],
  );

  const clear = useCallback(() => setFormError(null), []);
  return { formError, handleError, clearFormError: clear };
}
