import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepairJobResponse } from '@jv/contracts';
import type { RepairJobStatus } from '@jv/domain';
import { Button } from '../../../components/button';
import { useErrorMessage } from '../../../components/use-error-message';
import { isApiError, isStaleVersion, type FieldError } from '../../../lib/api-client';
import { useTransitionRepairJob } from '../api/transition-repair-job';
import { useJobLabels } from './job-labels';

type Job = Pick<RepairJobResponse, 'id' | 'number' | 'status' | 'kind' | 'version'>;

interface TransitionDialogProps {
  job: Job;
  to: RepairJobStatus;
  onClose: () => void;
}

/** Whether completing this job needs the new barrel's serial number. */
export const needsBarrelSerial = (job: Pick<Job, 'kind'>, to: RepairJobStatus) => to === 'completed' && job.kind === 'barrel_change';

/**
 * The small modal of one move: a comment (required to cancel), the new barrel serial when a barrel
 * change is completed, and the API's refusal (409 with its reason) in plain words.
 */
export function TransitionDialog({ job, to, onClose }: TransitionDialogProps) {
  const { t } = useTranslation();
  const labels = useJobLabels();
  const errorMessage = useErrorMessage();
  const transition = useTransitionRepairJob();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [comment, setComment] = useState('');
  const [barrelSerial, setBarrelSerial] = useState('');
  const [problem, setProblem] = useState<{ message: string; fields: FieldError[] } | null>(null);
  const cancelling = to === 'cancelled';
  const barrel = needsBarrelSerial(job, to);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const describe = (error: unknown): string => {
    if (isStaleVersion(error)) return t('repairJobs.transition.stale');
    if (isApiError(error)) {
      switch (error.code) {
        case 'INVALID_TRANSITION': {
          const allowed = error.allowed.map((s) => labels.status(s as RepairJobStatus)).join(', ');
          return allowed ? t('repairJobs.transition.invalid', { allowed }) : t('repairJobs.transition.invalidNone');
        }
        case 'FOUR_EYES':
          return t('repairJobs.transition.fourEyes');
        case 'WORK_LOG_REQUIRED':
          return t('repairJobs.transition.workLogRequired');
        case 'COMMENT_REQUIRED':
          return t('repairJobs.transition.commentMissing');
        case 'JOB_CLOSED':
          return t('repairJobs.errors.jobClosed');
        default:
          break;
      }
    }
    return errorMessage(error);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = comment.trim();
    const serial = barrelSerial.trim();
    if (cancelling && !trimmed) {
      setProblem({ message: t('repairJobs.transition.commentMissing'), fields: [{ path: 'comment', message: '' }] });
      return;
    }
    if (barrel && !serial) {
      setProblem({ message: t('repairJobs.transition.newBarrelSerialMissing'), fields: [{ path: 'newBarrelSerial', message: '' }] });
      return;
    }
    setProblem(null);
    transition.mutate(
      { id: job.id, input: { to, comment: trimmed || null, version: job.version, ...(barrel ? { newBarrelSerial: serial } : {}) } },
      {
        onSuccess: onClose,
        onError: (error) =>
          setProblem({ message: describe(error), fields: isApiError(error) && error.status === 400 ? error.fieldErrors : [] }),
      },
    );
  };

  const fieldProblem = (name: string) => problem?.fields.find((f) => f.path === name || f.path.startsWith(`${name}.`));
  const commentProblem = fieldProblem('comment');
  const serialProblem = fieldProblem('newBarrelSerial');
  const otherFieldProblems = (problem?.fields ?? []).filter((f) => f.message && f !== commentProblem && f !== serialProblem);
  const serverDetail = isApiError(transition.error) && transition.error.status === 409 ? transition.error.detail : undefined;

  return (
    <dialog
      ref={ref}
      className="transition-dialog"
      data-testid="transition-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!transition.isPending) onClose();
      }}
    >
      <form method="dialog" noValidate onSubmit={submit}>
        <h2 id={titleId}>{t('repairJobs.transition.title', { number: job.number, from: labels.status(job.status), to: labels.status(to) })}</h2>
        <div className={`field${commentProblem ? ' field-invalid' : ''}`}>
          <label htmlFor="field-comment">
            {cancelling ? t('repairJobs.transition.commentRequired') : t('repairJobs.transition.comment')}
            {cancelling ? <span className="required" aria-hidden="true"> *</span> : null}
          </label>
          <textarea
            id="field-comment"
            data-testid="field-comment"
            rows={3}
            maxLength={2000}
            value={comment}
            aria-required={cancelling || undefined}
            aria-invalid={commentProblem ? true : undefined}
            aria-describedby={commentProblem ? 'transition-error' : cancelling ? undefined : 'field-comment-hint'}
            onChange={(e) => setComment(e.target.value)}
          />
          {!cancelling && !commentProblem ? (
            <p className="field-hint" id="field-comment-hint">
              {t('repairJobs.transition.commentHint')}
            </p>
          ) : null}
          {commentProblem?.message ? <p className="field-error">{commentProblem.message}</p> : null}
        </div>
        {barrel ? (
          <div className={`field${serialProblem ? ' field-invalid' : ''}`}>
            <label htmlFor="field-newBarrelSerial">
              {t('repairJobs.fields.newBarrelSerial')}
              <span className="required" aria-hidden="true"> *</span>
            </label>
            <input
              id="field-newBarrelSerial"
              data-testid="field-newBarrelSerial"
              maxLength={60}
              autoCapitalize="characters"
              autoComplete="off"
              className="input-code"
              value={barrelSerial}
              aria-required
              aria-invalid={serialProblem ? true : undefined}
              aria-describedby={serialProblem ? 'transition-error' : 'field-newBarrelSerial-hint'}
              onChange={(e) => setBarrelSerial(e.target.value)}
            />
            {!serialProblem ? (
              <p className="field-hint" id="field-newBarrelSerial-hint">
                {t('repairJobs.transition.newBarrelSerialHint')}
              </p>
            ) : null}
            {serialProblem?.message ? <p className="field-error">{serialProblem.message}</p> : null}
          </div>
        ) : null}
        {problem ? (
          <div className="notice notice-error" role="alert" id="transition-error" data-testid="transition-error" data-code={isApiError(transition.error) ? transition.error.code : undefined}>
            <p>{problem.message}</p>
            {otherFieldProblems.length > 0 ? (
              <ul>
                {otherFieldProblems.map((f) => (
                  <li key={`${f.path}:${f.message}`}>
                    {f.path ? <code>{f.path}</code> : null} {f.message}
                  </li>
                ))}
              </ul>
            ) : null}
            {serverDetail && serverDetail !== problem.message ? <p className="muted">{t('repairJobs.transition.serverDetail', { detail: serverDetail })}</p> : null}
          </div>
        ) : null}
        <div className="form-actions rj-dialog-actions">
          <Button type="submit" variant={cancelling ? 'danger' : 'primary'} busy={transition.isPending} data-testid="transition-submit">
            {transition.isPending ? t('repairJobs.transition.submitting') : t('repairJobs.transition.submit')}
          </Button>
          <Button variant="ghost" disabled={transition.isPending} onClick={onClose} data-testid="transition-cancel">
            {t('repairJobs.transition.close')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
