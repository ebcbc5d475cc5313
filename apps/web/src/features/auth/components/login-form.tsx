import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '../../../lib/zod-resolver';
import { useTranslation } from 'react-i18next';
import { loginInputSchema, type CurrentUser, type LoginInput } from '@jv/contracts';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/form-fields';
import { isMfaChallenge, useLogin } from '../api/login';
import { MfaStep } from './mfa-step';
import { useSignInErrorMessage } from './sign-in-error';

/**
 * Sign-in: email and password, then — for a user with a second factor — the code from the authenticator app
 * (or a recovery code) before the session exists.
 */
export function LoginForm({ onSignedIn }: { onSignedIn: (user: CurrentUser) => void }) {
  const { t } = useTranslation();
  const signInError = useSignInErrorMessage();
  const loginMutation = useLogin();
  const [step, setStep] = useState<'password' | 'mfa'>('password');
  /** why the second step sent the user back (its pending sign-in expired) */
  const [restartReason, setRestartReason] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<LoginInput>({ resolver: zodResolver(loginInputSchema), defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit((input) => {
    setRestartReason(null);
    loginMutation.mutate(input, {
      onSuccess: (result) => (isMfaChallenge(result) ? setStep('mfa') : onSignedIn(result)),
    });
  });

  if (step === 'mfa') {
    return (
      <MfaStep
        onSignedIn={onSignedIn}
        onRestart={(reason) => {
          loginMutation.reset();
          setRestartReason(reason);
          setStep('password');
        }}
      />
    );
  }

  const error = loginMutation.error ?? restartReason;
  const message = error ? signInError(error) : null;

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
