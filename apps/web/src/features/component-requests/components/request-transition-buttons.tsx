import { useState, type ReactNode } from 'react';
import type { ComponentRequestStatus } from '@jv/domain';
import { Button } from '../../../components/button';
import { useCurrentUser } from '../../../lib/session';
import { useRequestLabels } from './request-labels';
import { movesFor } from './request-moves';
import { RequestTransitionDialog, type DialogRequest } from './request-transition-dialog';

type ButtonsRequest = DialogRequest & { allowedTransitions: ComponentRequestStatus[] };
export type OpenRequestMove = (request: DialogRequest, to: ComponentRequestStatus) => void;

interface RequestTransitionButtonsProps {
  request: ButtonsRequest;
  onMove: OpenRequestMove;
  /** Which of the allowed moves to offer here (default: all the user may make). */
  only?: (to: ComponentRequestStatus) => boolean;
  className?: string;
}

/**
 * One big button per move the API allows (`allowedTransitions`) and the user's role may make; each
 * opens the move's dialog. Test ids `request-move-<to>`.
 */
export function RequestTransitionButtons({ request, onMove, only, className }: RequestTransitionButtonsProps) {
  const labels = useRequestLabels();
  const user = useCurrentUser();
  const moves = movesFor(user.role, request.allowedTransitions).filter((to) => (only ? only(to) : true));
  if (moves.length === 0) return null;
  return (
    <div className={['cr-moves', className].filter(Boolean).join(' ')}>
      {moves.map((to) => (
        <Button
          key={to}
          variant={to === 'rejected' || to === 'cancelled' ? 'danger' : to === 'approved' ? 'primary' : 'secondary'}
          className={`cr-move cr-move-${to}`}
          data-testid={`request-move-${to}`}
          onClick={() => onMove(request, to)}
        >
          {labels.move(to)}
        </Button>
      ))}
    </div>
  );
}

/**
 * The move dialog, held by the page rather than by a row: a refused move refreshes the request, and
 * the dialog reads the fresh one (`find`) so that a retry carries its current version.
 */
export function useRequestTransitionDialog(find: (id: string) => DialogRequest | undefined): {
  openMove: OpenRequestMove;
  dialog: ReactNode;
} {
  const [move, setMove] = useState<{ request: DialogRequest; to: ComponentRequestStatus } | null>(null);
  const current = move ? (find(move.request.id) ?? move.request) : null;
  const dialog =
    move && current ? <RequestTransitionDialog request={current} to={move.to} onClose={() => setMove(null)} /> : null;
  return { openMove: (request, to) => setMove({ request, to }), dialog };
}
