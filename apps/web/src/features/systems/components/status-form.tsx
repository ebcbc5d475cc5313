import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { changeSystemStatusInputSchema, type SystemResponse } from '@jv/contracts';
import { manualChangeNeedsJob, systemStatuses } from '@jv/domain';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { FormActions, SelectField, TextField } from '../../../components/form-fields';
import { Notice } from '../../../components/states';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useChangeSystemStatus } from '../api/change-system-status';
import { useSystemLabels } from './system-labels';

const statusFormSchema = changeSystemStatusInputSchema.omit({ version: true });
type Values = z.input<typeof statusFormSchema>;
const FIELDS = ['status', 'reason'] as const;

/** Change the status with a reason (kept in the history); sends the loaded version, so a stale page gets 409. */
export function StatusForm({ system }: { system: SystemResponse }) {
  const { t } = useTranslation();
  const labels = useSystemLabels();
  const changeStatus = useChangeSystemStatus();
  const [done, setDone] = useState<null | 'changed' | 'writeOffRequested'>(null);
  // back into service only through a repair job (four eyes): not offered here, the API refuses it too
  const viaJob = manualChangeNeedsJob(system.status, 'operational');
  const options = systemStatuses
    .filter((s) => s !== system.status && !manualChangeNeedsJob(system.status, s))
    .map((s) => ({ value: s, label: labels.status(s) }));

  const form = useForm<Values, unknown, z.output<typeof statusFormSchema>>({
    resolver: zodResolver(statusFormSchema),
    defaultValues: { reason: '' },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    clearFormError();
    setDone(null);
    changeStatus.mutate(
      { id: system.id, input: { ...values, version: system.version } },
      {
        onSuccess: (saved) => {
          form.reset({ reason: '' });
          // a first write-off only asks: the status stays until a second person confirms
          setDone(saved.writeOffRequest && saved.status !== 'written_off' ? 'writeOffRequested' : 'changed');
        },
        onError: handleError,
      },
    );
  });

  return (
    <form
      className="action-form"
      noValidate
      onSubmit={onSubmit}
      data-testid="status-form"
      aria-labelledby="status-form-title"
    >
      <h2 id="status-form-title">{t('systems.statusForm.title')}</h2>
      <FormAlert formError={formError} />
      {done === 'changed' ? (
        <Notice kind="success">
          <span data-testid="status-done">{t('systems.statusForm.done')}</span>
        </Notice>
      ) : null}
      {done === 'writeOffRequested' ? (
        <Notice kind="info">
          <span data-testid="write-off-requested">{t('systems.statusForm.writeOffRequested')}</span>
        </Notice>
      ) : null}
      {viaJob ? (
        <Notice kind="info">
          <span data-testid="status-via-job">{t('systems.statusForm.viaJob')}</span>
        </Notice>
      ) : null}
      <SelectField
        label={t('systems.statusForm.status')}
        required
        placeholder={t('common.notSelected')}
        options={options}
        error={errors.status}
        {...form.register('status')}
      />
      <TextField
        label={t('systems.statusForm.reason')}
        required
        maxLength={1000}
        hint={t('systems.statusForm.reasonHint')}
        error={errors.reason}
        {...form.register('reason')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={changeStatus.isPending} data-testid="status-submit">
          {changeStatus.isPending ? t('common.saving') : t('systems.statusForm.submit')}
        </Button>
      </FormActions>
    </form>
  );
}
