import { lazy, Suspense, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepairJobResponse } from '@jv/contracts';
import { forwardMove, type RepairJobStatus } from '@jv/domain';
import { Button } from '../../../components/button';
import { useTransitionRepairJob } from '../api/transition-repair-job';
import { useJobLabels } from './job-labels';
import { MoreMenu } from './more-menu';
import { needsBarrelSerial } from './move-rules';

// the dialog's form (react-hook-form, zod) is a chunk of its own, run when a dialog first opens; the start-up script
// downloads its files a moment after the page has loaded (apps/web/build/early-start.mts: `later`), so that it also
// opens when the network is gone by then
const TransitionDialog = lazy(() => import('./transition-dialog').then((m) => ({ default: m.TransitionDialog })));

type Job = Pick<RepairJobResponse, 'id' | 'number' | 'status' | 'kind' | 'version' | 'allowedTransitions'>;
type DialogJob = Pick<RepairJobResponse, 'id' | 'number' | 'status' | 'kind' | 'version'>;

export type OpenMove = (job: DialogJob, to: RepairJobStatus) => void;

interface TransitionButtonsProps {
  job: Job;
  onMove: OpenMove;
  /** Which of the allowed moves to offer here (default: all of them). */
  only?: (to: RepairJobStatus) => boolean;
  /** A label for a move other than the default one. */
  labelFor?: (to: RepairJobStatus) => string | undefined;
  /** Why a move will be refused for this user, when the page already knows: the button is disabled with it. */
  refusal?: (to: RepairJobStatus) => string | undefined;
  /** The move of this job being sent by a one-tap, shown busy. */
  pending?: RepairJobStatus;
  className?: string;
}

/**
 * The moves the API allows (`allowedTransitions`): the forward move as the primary button, the side steps as
 * secondary ones, and cancelling behind a "More" menu. Test ids `move-<to>`. The caller decides whether the
 * user may change the job at all, and what a tap does (`useTransitionDialog`).
 */
export function TransitionButtons({
  job,
  onMove,
  only,
  labelFor,
  refusal,
  pending,
  className,
}: TransitionButtonsProps) {
  const { t } = useTranslation();
  const labels = useJobLabels();
  const reasonId = useId();
  const moves = job.allowedTransitions.filter((to) => (only ? only(to) : true));
  if (moves.length === 0) return null;
  const forward = forwardMove(job.status);
  // the forward move first: it is the one a tap usually wants
  const steps = moves.filter((to) => to !== 'cancelled').sort((a, b) => Number(b === forward) - Number(a === forward));
  const reasons = steps.map((to) => ({ to, reason: refusal?.(to) })).filter((r) => r.reason);
  return (
    <div className={['job-moves', className].filter(Boolean).join(' ')}>
      {steps.map((to) => {
        const reason = refusal?.(to);
        return (
          <Button
            key={to}
            variant={to === forward ? 'primary' : 'secondary'}
            className={`job-move job-move-${to}`}
            data-testid={`move-${to}`}
            disabled={!!reason}
            busy={pending === to}
            aria-describedby={reason ? `${reasonId}-${to}` : undefined}
            onClick={() => onMove(job, to)}
          >
            {labelFor?.(to) ?? labels.move(to)}
          </Button>
        );
      })}
      {moves.includes('cancelled') ? (
        <MoreMenu
          label={t('repairJobs.tablet.more')}
          ariaLabel={t('repairJobs.tablet.moreFor', { number: job.number })}
          items={[
            {
              key: 'cancelled',
              label: labelFor?.('cancelled') ?? labels.move('cancelled'),
              danger: true,
              testId: 'move-cancelled',
              onSelect: () => onMove(job, 'cancelled'),
            },
          ]}
        />
      ) : null}
      {reasons.map(({ to, reason }) => (
        <p key={to} id={`${reasonId}-${to}`} className="job-move-reason" data-testid={`move-reason-${to}`}>
          {reason}
        </p>
      ))}
    </div>
  );
}

/** Whether a move asks for a comment first: every side step and cancel; the forward move only for a barrel. */
export const opensDialog = (job: Pick<DialogJob, 'status' | 'kind'>, to: RepairJobStatus) =>
  to !== forwardMove(job.status) || needsBarrelSerial(job, to);

/**
 * What a tap on a move does, held by the page rather than by a card or a section: a refused move refreshes the
 * job, which may take its card to another column (or close the section), and the refusal must stay on screen.
 * The forward move is sent at once (no dialog); a side step, cancelling and a barrel change's completion open
 * the move's dialog; a refused one-tap move opens the dialog with the refusal. `latest` finds the job's fresh
 * copy, so a retry carries the current version.
 */
export function useTransitionDialog(latest: (id: string) => DialogJob | undefined): {
  openMove: OpenMove;
  dialog: ReactNode;
  /** the move being sent by a one-tap, for the job with this id */
  pendingFor: (id: string) => RepairJobStatus | undefined;
} {
  const [move, setMove] = useState<{ job: DialogJob; to: RepairJobStatus; error?: unknown } | null>(null);
  const quick = useTransitionRepairJob();
  const job = move ? (latest(move.job.id) ?? move.job) : null;
  const dialog =
    move && job ? (
      <Suspense fallback={null}>
        <TransitionDialog
          key={`${job.id}:${move.to}`}
          job={job}
          to={move.to}
          initialError={move.error}
          onClose={() => setMove(null)}
        />
      </Suspense>
    ) : null;
  const openMove: OpenMove = (j, to) => {
    if (opensDialog(j, to)) {
      setMove({ job: j, to });
      return;
    }
    quick.mutate(
      { id: j.id, input: { to, comment: null, version: j.version } },
      { onError: (error) => setMove({ job: j, to, error }) },
    );
  };
  const pendingFor = (id: string) =>
    quick.isPending && quick.variables?.id === id ? quick.variables.input.to : undefined;
  return { openMove, dialog, pendingFor };
}
