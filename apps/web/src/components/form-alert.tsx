import { useTranslation } from 'react-i18next';
import { type ClientErrorCode, isApiError, isStaleVersion } from '../lib/api-client';
import type { FormServerError } from '../lib/form-errors';
import { Button } from './button';
import { useErrorMessage, useFieldMessage } from './use-error-message';

interface FormAlertProps {
  formError: FormServerError | null;
  /**
   * A sentence of the form's own for a code whose catalogue sentence belongs to another workflow
   * (FOUR_EYES is a repair job's sign-off rule there, a request's approval rule here).
   */
  overrides?: Partial<Record<ClientErrorCode, string>>;
}

/** The banner above a form: what went wrong on the server, with a reload for a stale version. */
export function FormAlert({ formError, overrides }: FormAlertProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const fieldMessage = useFieldMessage();
  if (!formError) return null;
  const stale = isStaleVersion(formError.error);
  return (
    <div className="notice notice-error" role="alert" data-testid={stale ? 'stale-version-error' : 'form-error'}>
      <p>
        {(isApiError(formError.error) && formError.error.code && overrides?.[formError.error.code]) ||
          message(formError.error)}
      </p>
      {formError.unmatched.length > 0 ? (
        <ul>
          {formError.unmatched.map((e) => (
            <li key={`${e.path}:${e.code}`}>
              {e.path ? <code>{e.path}</code> : null} {fieldMessage(e)}
            </li>
          ))}
        </ul>
      ) : null}
      {stale ? (
        <Button variant="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      ) : null}
    </div>
  );
}
