import { useState, type ReactNode } from 'react';
import type { RepairJobResponse } from '@jv/contracts';
import type { RepairJobStatus } from '@jv/domain';
import { Button } from '../../../components/button';
import { useJobLabels } from './job-labels';
import { TransitionDialog } from './transition-dialog';

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
  className?: string;
}

/**
 * One big button per move the API allows (`allowedTransitions`); each opens the move's dialog.
 * Test ids `move-<to>`. The caller decides whether the user may change the job at all.
 */
export function TransitionButtons({ job, onMove, only, labelFor, className }: TransitionButtonsProps) {
  const labels = useJobLabels();
  const moves = job.allowedTransitions.filter((to) => (only ? only(to) : true));
  if (moves.length === 0) return null;
  return (
    <div className={['job-moves', className].filter(Boolean).join(' ')}>
      {moves.map((to) => (
        <Button
          key={to}
          variant={to === 'cancelled' ? 'danger' : to === 'completed' ? 'primary' : 'secondary'}
          className={`job-move job-move-${to}`}
          data-testid={`move-${to}`}
          onClick={() => onMove(job, to)}
        >
          {labelFor?.(to) ?? labels.move(to)}
        </Button>
      ))}
    </div>
  );
}

/**
 * The move dialog, held by the page rather than by a card or a section: a refused move refreshes the
 * job, which may take its card to another column (or close the section), and the refusal must stay
 * on screen. `latest` finds the job's fresh copy, so a retry carries the current version.
 */
export function useTransitionDialog(latest: (id: string) => DialogJob | undefined): {
  openMove: OpenMove;
  dialog: ReactNode;
} {
  const [move, setMove] = useState<{ job: DialogJob; to: RepairJobStatus } | null>(null);
  const job = move ? (latest(move.job.id) ?? move.job) : null;
  const dialog = move && job ? <TransitionDialog job={job} to={move.to} onClose={() => setMove(null)} /> : null;
  return { openMove: (j, to) => setMove({ job: j, to }), dialog };
}
