import { zodResolver } from '../../../lib/zod-resolver';
import { type DefaultValues, type FieldValues, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { flash } from '../../../components/flash-notice';
import { useServerFormErrors } from '../../../lib/form-errors';
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

interface RecordFormOptions<In extends FieldValues, Out> extends Omit<SaveRecordOptions<Out>, 'onError'> {
  /** the contract's create schema: the same rules as the API */
  schema: z.ZodType<Out, In>;
  defaultValues: DefaultValues<In>;
  /** top-level field names, so the server's field errors land on them */
  fields: readonly string[];
}

/**
 * A reference-data form: react-hook-form with the contract's zod schema, the server's field errors on
 * the same fields (the rest in the banner), and create-or-update on submit.
 */
export function useRecordForm<In extends FieldValues, Out>({
  schema,
  defaultValues,
  fields,
  ...saveOptions
}: RecordFormOptions<In, Out>) {
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(schema), defaultValues });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, fields);
  const { save, isSaving } = useSaveRecord<Out>({ ...saveOptions, onError: handleError });
  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    save(input);
  });
  return { form, errors: form.formState.errors, onSubmit, formError, isSaving };
}
