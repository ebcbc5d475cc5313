import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { changePasswordInputSchema, PASSWORD_MIN_LENGTH } from '@jv/contracts';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { FormActions, TextField } from '../../../components/form-fields';
import { Notice } from '../../../components/states';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useChangePassword } from '../api/change-password';

/** The contract's input plus the repeated new password, which must match (checked here only). */
const changePasswordFormSchema = changePasswordInputSchema
  .extend({ repeatPassword: z.string() })
  .refine((v) => v.repeatPassword === v.newPassword, { path: ['repeatPassword'], message: 'mismatch' });
type Values = z.input<typeof changePasswordFormSchema>;

const FIELDS = ['currentPassword', 'newPassword'] as const;
const EMPTY: Values = { currentPassword: '', newPassword: '', repeatPassword: '' };

/** Change my own password: the current one, the new one twice; the server's refusals land on their fields. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm<Values, unknown, z.output<typeof changePasswordFormSchema>>({
    resolver: zodResolver(changePasswordFormSchema),
    defaultValues: EMPTY,
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, FIELDS);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(({ currentPassword, newPassword }) => {
    clearFormError();
    change.mutate({ currentPassword, newPassword }, { onSuccess: () => form.reset(EMPTY), onError: handleError });
  });

  return (
    <form className="record-form" noValidate onSubmit={onSubmit} data-testid="change-password-form">
      <p className="muted">{t('account.password.help')}</p>
      {change.isSuccess ? (
        <Notice kind="success">
          <span data-testid="password-changed">{t('account.password.changed')}</span>
        </Notice>
      ) : null}
      <FormAlert formError={formError} />
      <TextField
        label={t('account.password.current')}
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
        {...form.register('currentPassword')}
      />
      <TextField
        label={t('account.password.new')}
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={t('users.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        error={errors.newPassword}
        {...form.register('newPassword')}
      />
      <TextField
        label={t('account.password.repeat')}
        type="password"
        autoComplete="new-password"
        required
        error={errors.repeatPassword}
        customMessage={errors.repeatPassword?.type === 'custom' ? t('account.password.mismatch') : undefined}
        {...form.register('repeatPassword')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={change.isPending} data-testid="change-password-submit">
          {change.isPending ? t('account.password.submitting') : t('account.password.submit')}
        </Button>
      </FormActions>
    </form>
  );
}
