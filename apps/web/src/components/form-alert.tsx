import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../lib/api-client';
import type { FormServerError } from '../lib/form-errors';
import { Button } from './button';
import { useErrorMessage, useFieldMessage } from './use-error-message';

/** The banner above a form: what went wrong on the server, with a reload for a stale version. */
export function FormAlert({ formError }: { formError: FormServerError | null }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const fieldMessage = useFieldMessage();
  if (!formError) return null;
  const stale = isStaleVersion(formError.error);
  return (
    <div className="notice notice-error" role="alert" data-testid={stale ? 'stale-version-error' : 'form-error'}>
      <p>{message(formError.error)}</p>
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
