import { useNavigate } from 'react-router';
import { flash } from '../../../components/flash-notice';
import { useIdempotencyKey } from '../../../lib/idempotency';

interface MutateCallbacks {
  onSuccess: () => void;
  onError: (error: unknown) => void;
}

interface Mutation<V> {
  mutate: (variables: V, callbacks: MutateCallbacks) => void;
  isPending: boolean;
}

interface SaveRecordOptions<I> {
  record: { id: string; version: number } | undefined;
  create: Mutation<{ input: I; idempotencyKey: string }>;
  update: Mutation<{ id: string; input: I & { version: number } }>;
  /** Where to go after a save (the list). */
  listPath: string;
  onError: (error: unknown) => void;
}

/**
 * Create-or-update for a reference form: a create carries an Idempotency-Key, an update carries the
 * version that was loaded (a stale one comes back as 409 STALE_VERSION). Back to the list on success.
 */
export function useSaveRecord<I>({ record, create, update, listPath, onError }: SaveRecordOptions<I>) {
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();

  const save = (input: I) => {
    if (record) {
      update.mutate(
        { id: record.id, input: { ...input, version: record.version } },
        { onSuccess: () => navigate(listPath, { state: flash('saved') }), onError },
      );
    } else {
      create.mutate(
        { input, idempotencyKey: idempotency.key },
        {
          onSuccess: () => navigate(listPath, { state: flash('created') }),
          onError: (error) => {
            idempotency.renewAfter(error);
            onError(error);
          },
        },
      );
    }
  };

  return { save, isSaving: create.isPending || update.isPending };
}
