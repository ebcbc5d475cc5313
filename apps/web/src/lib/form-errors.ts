import { useCallback, useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type FieldError, isApiError, isStaleVersion } from './api-client';
import { fieldMessage } from './messages';

export interface FormServerError {
  error: unknown;
  /** Field errors from the server that match no field of the form, shown above the form. */
  unmatched: FieldError[];
}

/**
 * Puts the server's field errors on the form's own fields with `setError`, each worded in the user's
 * language from its code: validation (400) and refusals that name a field (409 DUPLICATE on `code`,
 * `email`, `serialNumber`…). Whatever is left (stale version, other conflicts, unknown fields) goes to
 * the form banner. `fieldNames` are the top-level names of the form's fields.
 */
export function useServerFormErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldNames: readonly string[],
) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<FormServerError | null>(null);
  const names = fieldNames.join('|');

  const handleError = useCallback(
    (error: unknown) => {
      const known = new Set(names.split('|'));
      const unmatched: FieldError[] = [];
      if (isApiError(error) && (error.status === 400 || (error.status === 409 && !isStaleVersion(error)))) {
        let first = true;
        for (const fieldError of error.fieldErrors) {
          const root = fieldError.path.split('.')[0];
          if (root && known.has(root)) {
            setError(
              fieldError.path as Path<T>,
              { type: 'server', message: fieldMessage(t, fieldError) },
              { shouldFocus: first },
            );
            first = false;
          } else {
            unmatched.push(fieldError);
          }
        }
      }
      setFormError({ error, unmatched });
    },
    [names, setError, t],
  );

  const clear = useCallback(() => setFormError(null), []);
  return { formError, handleError, clearFormError: clear };
}
