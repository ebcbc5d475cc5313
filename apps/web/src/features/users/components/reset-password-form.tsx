import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, resetPasswordInputSchema, type ResetPasswordInput } from '@jv/contracts';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { FormActions, TextField } from '../../../components/form-fields';
import { Notice } from '../../../components/states';
import { useServerFormErrors } from '../../../lib/form-errors';
import { useResetUserPassword } from '../api/reset-user-password';

export function ResetPasswordForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const reset = useResetUserPassword();
  const form = useForm<ResetPasswordInput>({
    resolver: zodResolver(resetPasswordInputSchema),
    defaultValues: { password: '' },
  });
  const { formError, handleError, clearFormError } = useServerFormErrors(form.setError, ['password']);

  const onSubmit = form.handleSubmit((input) => {
    clearFormError();
    reset.mutate({ id: userId, input }, { onSuccess: () => form.reset({ password: '' }), onError: handleError });
  });

  return (
    <form className="record-form" noValidate onSubmit={onSubmit} data-testid="reset-password-form">
      <p className="muted">{t('users.resetPasswordHelp')}</p>
      <p className="muted" data-testid="reset-password-must-change">
        {t('account.admin.mustChange')}
      </p>
      {reset.isSuccess ? <Notice kind="success">{t('users.passwordResetDone')}</Notice> : null}
      <FormAlert formError={formError} />
      <TextField
        label={t('users.newPassword')}
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={t('users.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        error={form.formState.errors.password}
        {...form.register('password')}
      />
      <FormActions>
        <Button type="submit" busy={reset.isPending} data-testid="reset-password-button">
          {t('users.resetPasswordSubmit')}
        </Button>
      </FormActions>
    </form>
  );
}
