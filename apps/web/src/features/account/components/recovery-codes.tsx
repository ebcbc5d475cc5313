import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import { CheckboxField, FormActions } from '../../../components/form-fields';
import { Notice } from '../../../components/states';

/** The ten recovery codes, shown once: copy, print, and "I saved them" before they are hidden. */
export function RecoveryCodesView({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);

  const copy = () => {
    void navigator.clipboard
      ?.writeText(codes.join('\n'))
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };

  return (
    <div className="recovery-codes" data-testid="recovery-codes-panel">
      <h3>{t('account.mfa.codesTitle')}</h3>
      <Notice kind="info">{t('account.mfa.codesHelp')}</Notice>
      <ol className="recovery-code-list" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code data-testid="recovery-code">{code}</code>
          </li>
        ))}
      </ol>
      <FormActions>
        <Button onClick={copy} data-testid="recovery-codes-copy">
          {t('account.mfa.copy')}
        </Button>
        <Button onClick={() => window.print()} data-testid="recovery-codes-print">
          {t('account.mfa.print')}
        </Button>
      </FormActions>
      {copied ? <Notice kind="success">{t('account.mfa.copied')}</Notice> : null}
      <CheckboxField
        label={t('account.mfa.saved')}
        name="recoveryCodesSaved"
        checked={saved}
        onChange={(e) => setSaved(e.target.checked)}
      />
      <FormActions>
        <Button variant="primary" disabled={!saved} onClick={onDone} data-testid="recovery-codes-done">
          {t('account.mfa.done')}
        </Button>
      </FormActions>
    </div>
  );
}
