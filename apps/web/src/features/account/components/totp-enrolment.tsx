import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import { FormActions, TextField } from '../../../components/form-fields';
import { Notice } from '../../../components/states';
import { useErrorMessage } from '../../../components/use-error-message';
import { isApiError } from '../../../lib/api-client';
import { useCurrentUser } from '../../../lib/session';
import { useTotpConfirm, useTotpSetup } from '../api/mfa';
import { QrCode } from './qr-code';
import { RecoveryCodesView } from './recovery-codes';

const SIX_DIGITS = /^\d{6}$/;

/** The secret in groups of four, easier to type by hand (authenticator apps ignore the spaces). */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * The second factor on "My account": its status; enrolment (QR code and the secret for manual entry, then a
 * code from the app to confirm); then the ten recovery codes, once.
 */
export function TotpEnrolment() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const errorMessage = useErrorMessage();
  const setup = useTotpSetup();
  const confirm = useTotpConfirm();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [finished, setFinished] = useState(false);
  const form = useForm<{ code: string }>({ defaultValues: { code: '' } });

  if (recoveryCodes) {
    return (
      <RecoveryCodesView
        codes={recoveryCodes}
        onDone={() => {
          setRecoveryCodes(null);
          setFinished(true);
          setup.reset();
          confirm.reset();
        }}
      />
    );
  }

  if (user.mfaEnrolled || finished) {
    return (
      <div data-testid="mfa-status">
        <p>
          <span className="badge badge-ok" data-testid="mfa-on">
            {t('account.mfa.on')}
          </span>
        </p>
        {finished ? <Notice kind="success">{t('account.mfa.enrolled')}</Notice> : null}
        <p className="muted">{t('account.mfa.resetByAdmin')}</p>
      </div>
    );
  }

  const onConfirm = form.handleSubmit(({ code }) => {
    confirm.mutate(
      { code: code.replace(/\s/g, '') },
      {
        onSuccess: (result) => setRecoveryCodes(result.recoveryCodes),
        onError: (error) => {
          if (isApiError(error) && error.code === 'MFA_CODE_INVALID') {
            form.setError('code', { type: 'server', message: errorMessage(error) }, { shouldFocus: true });
          }
        },
      },
    );
  });
  const confirmError =
    confirm.error && !(isApiError(confirm.error) && confirm.error.code === 'MFA_CODE_INVALID') ? confirm.error : null;
  const notStarted = isApiError(confirm.error) && confirm.error.code === 'MFA_NOT_STARTED';

  return (
    <div data-testid="mfa-status">
      <p>
        <span className="badge badge-muted" data-testid="mfa-off">
          {t('account.mfa.off')}
        </span>
      </p>
      <p className="muted">{t('account.mfa.intro')}</p>
      {setup.isError ? <Notice kind="error">{errorMessage(setup.error)}</Notice> : null}
      {!setup.data || notStarted ? (
        <Button
          variant="primary"
          busy={setup.isPending}
          onClick={() => {
            confirm.reset();
            form.reset({ code: '' });
            setup.mutate();
          }}
          data-testid="mfa-start"
        >
          {setup.isPending ? t('account.mfa.starting') : t('account.mfa.start')}
        </Button>
      ) : null}
      {notStarted ? <Notice kind="error">{t('account.mfa.restart')}</Notice> : null}
      {setup.data && !notStarted ? (
        <form className="record-form" noValidate onSubmit={onConfirm} data-testid="mfa-enrol-form">
          <p>{t('account.mfa.scan')}</p>
          <QrCode value={setup.data.otpauthUrl} alt={t('account.mfa.qrAlt')} />
          <p>
            {t('account.mfa.manual')}{' '}
            <code className="totp-secret" data-testid="totp-secret" data-secret={setup.data.secret}>
              {grouped(setup.data.secret)}
            </code>
          </p>
          {confirmError ? <Notice kind="error">{errorMessage(confirmError)}</Notice> : null}
          <TextField
            label={t('account.mfa.confirmCode')}
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            required
            error={form.formState.errors.code}
            {...form.register('code', {
              validate: (v) => SIX_DIGITS.test(v.replace(/\s/g, '')) || t('account.mfaLogin.codeFormat'),
            })}
            data-testid="mfa-confirm-code"
          />
          <FormActions>
            <Button type="submit" variant="primary" busy={confirm.isPending} data-testid="mfa-confirm">
              {confirm.isPending ? t('account.mfa.confirming') : t('account.mfa.confirm')}
            </Button>
          </FormActions>
        </form>
      ) : null}
    </div>
  );
}
