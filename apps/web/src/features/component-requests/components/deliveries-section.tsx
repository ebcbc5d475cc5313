import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { createDeliveryInputSchema, type ComponentRequestDetail, type DeliveryResponse } from '@jv/contracts';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { TextField } from '../../../components/form-fields';
import { EmptyState, Notice } from '../../../components/states';
import { TextAreaField } from '../../../components/text-area-field';
import { useFormatters } from '../../../lib/format';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useCreateDelivery } from '../api/create-delivery';
import { localToday } from './dates';

/** The deliveries received on a request: quantity, date, waybill, note and who received them. */
export function DeliveriesTable({ deliveries }: { deliveries: DeliveryResponse[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (deliveries.length === 0) return <EmptyState message={t('componentRequests.detail.noDeliveries')} />;
  const showReceiver = deliveries.some((d) => d.receiverName !== null);
  const showNote = deliveries.some((d) => d.note);
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="deliveries-table">
        <caption className="visually-hidden">{t('componentRequests.detail.deliveries')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('componentRequests.delivery.receivedOn')}</th>
            <th scope="col" className="num">
              {t('componentRequests.delivery.quantity')}
            </th>
            <th scope="col">{t('componentRequests.delivery.waybill')}</th>
            {showNote ? <th scope="col">{t('componentRequests.delivery.note')}</th> : null}
            {showReceiver ? <th scope="col">{t('componentRequests.delivery.receiver')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id} data-testid="delivery-row">
              <td className="nowrap">{fmt.date(d.receivedOn)}</td>
              <td className="num">{fmt.number(d.quantity)}</td>
              <td className="mono">{d.waybill}</td>
              {showNote ? <td>{d.note ?? ''}</td> : null}
              {showReceiver ? <td>{d.receiverName ?? t('common.none')}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const { quantity } = createDeliveryInputSchema.shape;

/** The delivery contract with the quantity capped at what the request still needs. */
const deliveryFormSchema = (remaining: number) =>
  createDeliveryInputSchema.extend({ quantity: quantity.max(Math.max(1, remaining)) });
type Schema = ReturnType<typeof deliveryFormSchema>;
const FIELDS = ['quantity', 'receivedOn', 'waybill', 'note'] as const;

type DeliveryRequest = Pick<ComponentRequestDetail, 'id' | 'remaining'>;

/**
 * "Record a delivery": quantity (at most what remains), received on (today by default, not in the
 * future), waybill and a note. Sent with an Idempotency-Key; 409 OVER_DELIVERY names what remains.
 */
export function DeliveryForm({ request }: { request: DeliveryRequest }) {
  const { t } = useTranslation();
  const create = useCreateDelivery();
  const idempotency = useIdempotencyKey();
  const schema = useMemo(() => deliveryFormSchema(request.remaining), [request.remaining]);
  const defaults = (): z.input<Schema> => ({
    quantity: request.remaining,
    receivedOn: localToday(),
    waybill: '',
    note: '',
  });
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema),
    defaultValues: defaults(),
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    create.mutate(
      {
        requestId: request.id,
        input: { ...input, note: input.note?.trim() ? input.note.trim() : null },
        idempotencyKey: idempotency.key,
      },
      {
        onSuccess: () => {
          idempotency.renew();
          // what is left after this one (the request itself is asked for again)
          const left = Math.max(1, request.remaining - input.quantity);
          form.reset({ quantity: left, receivedOn: input.receivedOn, waybill: '', note: '' });
        },
        onError: (error) => {
          idempotency.renewAfter(error);
          handleError(error);
        },
      },
    );
  });

  return (
    <form className="cr-delivery-form" noValidate onSubmit={onSubmit} data-testid="delivery-form">
      <h3>{t('componentRequests.delivery.title')}</h3>
      <FormAlert formError={formError} />
      {create.isSuccess && !form.formState.isDirty ? (
        <Notice kind="success">{t('componentRequests.delivery.added')}</Notice>
      ) : null}
      <div className="cr-delivery-grid">
        <TextField
          label={t('componentRequests.delivery.quantity')}
          type="number"
          inputMode="numeric"
          min={1}
          max={request.remaining}
          step={1}
          required
          hint={t('componentRequests.delivery.quantityHint', { remaining: request.remaining })}
          customMessage={
            errors.quantity?.type === 'too_big'
              ? t('componentRequests.delivery.overRemaining', { remaining: request.remaining })
              : undefined
          }
          error={errors.quantity}
          {...form.register('quantity', { valueAsNumber: true })}
        />
        <TextField
          label={t('componentRequests.delivery.receivedOn')}
          type="date"
          required
          max={localToday()}
          error={errors.receivedOn}
          {...form.register('receivedOn')}
        />
        <TextField
          label={t('componentRequests.delivery.waybill')}
          required
          maxLength={60}
          autoComplete="off"
          error={errors.waybill}
          {...form.register('waybill')}
        />
      </div>
      <TextAreaField
        label={t('componentRequests.delivery.note')}
        rows={2}
        maxLength={2000}
        error={errors.note}
        {...form.register('note')}
      />
      <Button
        type="submit"
        variant="primary"
        className="cr-btn-large"
        busy={create.isPending}
        data-testid="delivery-submit"
      >
        {create.isPending ? t('componentRequests.delivery.submitting') : t('componentRequests.delivery.submit')}
      </Button>
    </form>
  );
}
