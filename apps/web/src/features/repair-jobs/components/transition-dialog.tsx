import { useEffect, useId, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { repairJobTransitionInputSchema, rule, type RepairJobResponse } from '@jv/contracts';
import type { RepairJobStatus } from '@jv/domain';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { TextField } from '../../../components/form-fields';
import { isApiError } from '../../../lib/api-client';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useTransitionRepairJob } from '../api/transition-repair-job';
import { useJobLabels } from './job-labels';
import { needsBarrelSerial } from './move-rules';
import { TextAreaField } from './text-area-field';

type Job = Pick<RepairJobResponse, 'id' | 'number' | 'status' | 'kind' | 'version'>;

interface TransitionDialogProps {
  job: Job;
  to: RepairJobStatus;
  onClose: () => void;
  /** the refusal of a one-tap move, shown when the dialog opens */
  initialError?: unknown;
}

const { comment, newBarrelSerial, version } = repairJobTransitionInputSchema.shape;

/**
 * The dialog's fields, checked with the transition contract's own rules: the comment (required to
 * cancel, as the API requires it), the new barrel serial (required to complete a barrel change) and
 * the version of the job the move is meant for.
 */
function transitionFormSchema(cancelling: boolean, barrel: boolean) {
  return z
    .object({
      comment: comment.unwrap().unwrap(),
      newBarrelSerial: barrel ? newBarrelSerial.unwrap() : z.string(),
      version: version.unwrap(),
    })
    .refine((v) => !cancelling || v.comment !== '', { path: ['comment'], ...rule('comment_required') });
}
type Schema = ReturnType<typeof transitionFormSchema>;
const FIELDS = ['comment', 'newBarrelSerial'] as const;

/**
 * The small modal of one move: a comment (required to cancel), the new barrel serial when a barrel
 * change is completed, and the API's refusal (409 with its reason) in the user's language. The confirm
 * button takes the focus, not the comment, so a tablet's keyboard does not cover the dialog. It can always
 * be closed (Close, Escape), also while saving: the request then finishes in the background and the job's
 * pages refresh when it does; a request that cannot reach the server says so instead of spinning.
 */
export function TransitionDialog({ job, to, onClose, initialError }: TransitionDialogProps) {
  const { t } = useTranslation();
  const labels = useJobLabels();
  const transition = useTransitionRepairJob();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const cancelling = to === 'cancelled';
  const barrel = needsBarrelSerial(job, to);
  const schema = useMemo(() => transitionFormSchema(cancelling, barrel), [cancelling, barrel]);
  // a refused move reloads the job: a retry carries the version it has now, and keeps what was typed
  const values = useMemo(() => ({ comment: '', newBarrelSerial: '', version: job.version }), [job.version]);
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema),
    values,
    resetOptions: { keepDirtyValues: true, keepErrors: true },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLButtonElement>('[data-testid="transition-submit"]')?.focus();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    if (initialError !== undefined) handleError(initialError);
  }, [initialError, handleError]);

  const onSubmit = form.handleSubmit((values) => {
    clearFormError();
    transition.mutate(
      {
        id: job.id,
        input: {
          to,
          comment: values.comment || null,
          version: values.version,
          ...(barrel ? { newBarrelSerial: values.newBarrelSerial } : {}),
        },
      },
      { onSuccess: onClose, onError: handleError },
    );
  });

  return (
    <dialog
      ref={ref}
      className="transition-dialog"
      data-testid="transition-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form method="dialog" noValidate onSubmit={onSubmit}>
        <h2 id={titleId}>
          {t('repairJobs.transition.title', {
            number: job.number,
            from: labels.status(job.status),
            to: labels.status(to),
          })}
        </h2>
        <TextAreaField
          label={cancelling ? t('repairJobs.transition.commentRequired') : t('repairJobs.transition.comment')}
          required={cancelling}
          hint={cancelling ? undefined : t('repairJobs.transition.commentHint')}
          rows={3}
          maxLength={2000}
          error={errors.comment}
          {...form.register('comment')}
        />
        {barrel ? (
          <TextField
            label={t('repairJobs.fields.newBarrelSerial')}
            required
            hint={t('repairJobs.transition.newBarrelSerialHint')}
            maxLength={60}
            autoCapitalize="characters"
            autoComplete="off"
            className="input-code"
            error={errors.newBarrelSerial}
            {...form.register('newBarrelSerial')}
          />
        ) : null}
        {formError ? (
          <div
            id="transition-error"
            data-testid="transition-error"
            data-code={isApiError(formError.error) ? formError.error.code : undefined}
          >
            <FormAlert formError={formError} overrides={{ NETWORK_ERROR: t('repairJobs.tablet.notSaved') }} />
          </div>
        ) : null}
        {transition.isPaused ? (
          // a request held until the connection returns has not been saved: say so instead of spinning
          <p className="notice notice-error" role="alert" data-testid="transition-offline">
            {t('repairJobs.tablet.notSaved')}
          </p>
        ) : transition.isPending ? (
          <p className="muted" data-testid="transition-background">
            {t('repairJobs.tablet.closeWhileSaving')}
          </p>
        ) : null}
        <div className="form-actions rj-dialog-actions">
          <Button
            type="submit"
            variant={cancelling ? 'danger' : 'primary'}
            busy={transition.isPending}
            data-testid="transition-submit"
          >
            {transition.isPending ? t('repairJobs.transition.submitting') : t('repairJobs.transition.submit')}
          </Button>
          <Button variant="ghost" onClick={onClose} data-testid="transition-cancel">
            {t('repairJobs.transition.close')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
