import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { loginInputSchema, type CurrentUser, type LoginInput } from '@jv/contracts';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/form-fields';
import { useErrorMessage } from '../../../components/use-error-message';
import { isApiError } from '../../../lib/api-client';
import { useLogin } from '../api/login';

export function LoginForm({ onSignedIn }: { onSignedIn: (user: CurrentUser) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const loginMutation = useLogin();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<LoginInput>({ resolver: zodResolver(loginInputSchema), defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit((input) => loginMutation.mutate(input, { onSuccess: onSignedIn }));

  const error = loginMutation.error;
  const message = !error
    ? null
    : isApiError(error) && error.status === 401
      ? t('auth.wrongCredentials')
      : isApiError(error) && error.status === 429
        ? t('auth.tooManyAttempts')
        : errorMessage(error);

  return (
    <form className="login-form" onSubmit={onSubmit} noValidate>
      {message ? (
        <div className="notice notice-error" role="alert" data-testid="login-error">
          {message}
        </div>
      ) : null}
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="username"
        inputMode="email"
        autoFocus
        required
        error={errors.email}
        {...register('email')}
        data-testid="login-email"
      />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        required
        error={errors.password}
        {...register('password')}
        data-testid="login-password"
      />
      <Button
        type="submit"
        variant="primary"
        className="btn-block"
        busy={loginMutation.isPending}
        data-testid="login-submit"
      >
        {loginMutation.isPending ? t('auth.submitting') : t('auth.submit')}
      </Button>
    </form>
  );
}
