import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '@jv/contracts';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/form-fields';
import { isApiError } from '../../../lib/api-client';
import { useLoginMfa } from '../api/login';
import { useSignInErrorMessage } from './sign-in-error';

interface Values {
  code: string;
  recoveryCode: string;
}

const SIX_DIGITS = /^\d{6}$/;

/** The second step of sign-in: the 6-digit code from the authenticator app, or one recovery code. */
export function MfaStep({
  onSignedIn,
  onRestart,
}: {
  onSignedIn: (user: CurrentUser) => void;
  /** the pending sign-in is gone (MFA_NOT_STARTED) or the user wants another account */
  onRestart: (reason: unknown) => void;
}) {
  const { t } = useTranslation();
  const signInError = useSignInErrorMessage();
  const loginMfa = useLoginMfa();
  const [mode, setMode] = useState<'code' | 'recovery'>('code');
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({ defaultValues: { code: '', recoveryCode: '' } });

  const onSubmit = handleSubmit((values) => {
    const input =
      mode === 'code' ? { code: values.code.replace(/\s/g, '') } : { recoveryCode: values.recoveryCode.trim() };
    loginMfa.mutate(input, {
      onSuccess: (user) => onSignedIn(user),
      onError: (error) => {
        if (isApiError(error) && error.code === 'MFA_NOT_STARTED') onRestart(error);
      },
    });
  });

  const switchMode = () => {
    loginMfa.reset();
    setMode(mode === 'code' ? 'recovery' : 'code');
  };

  return (
    <form className="login-form" onSubmit={onSubmit} noValidate data-testid="login-mfa-form">
      <h2>{t('account.mfaLogin.title')}</h2>
      {loginMfa.error ? (
        <div className="notice notice-error" role="alert" data-testid="login-error">
          {signInError(loginMfa.error)}
        </div>
      ) : null}
      {mode === 'code' ? (
        <>
          <p className="muted">{t('account.mfaLogin.codeHelp')}</p>
          <TextField
            key="code"
            label={t('account.mfaLogin.code')}
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            autoFocus
            required
            error={errors.code}
            {...register('code', {
              validate: (v) => SIX_DIGITS.test(v.replace(/\s/g, '')) || t('account.mfaLogin.codeFormat'),
            })}
            data-testid="login-mfa-code"
          />
        </>
      ) : (
        <>
          <p className="muted">{t('account.mfaLogin.recoveryHelp')}</p>
          <TextField
            key="recoveryCode"
            label={t('account.mfaLogin.recoveryCode')}
            type="text"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            autoFocus
            required
            error={errors.recoveryCode}
            {...register('recoveryCode', {
              validate: (v) => v.trim().length >= 8 || t('fieldRules.required'),
            })}
            data-testid="login-recovery-code"
          />
        </>
      )}
      <Button
        type="submit"
        variant="primary"
        className="btn-block"
        busy={loginMfa.isPending}
        data-testid="login-mfa-submit"
      >
        {loginMfa.isPending ? t('account.mfaLogin.submitting') : t('account.mfaLogin.submit')}
      </Button>
      <Button variant="ghost" className="btn-block" onClick={switchMode} data-testid="login-mfa-switch">
        {mode === 'code' ? t('account.mfaLogin.useRecovery') : t('account.mfaLogin.useCode')}
      </Button>
      <Button variant="ghost" className="btn-block" onClick={() => onRestart(null)} data-testid="login-mfa-back">
        {t('account.mfaLogin.back')}
      </Button>
    </form>
  );
}
