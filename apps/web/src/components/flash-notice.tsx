import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Notice } from './states';

export type FlashKind = 'saved' | 'created';

/** Navigation state that a list page shows once after a save: `navigate(to, { state: flash('saved') })`. */
export const flash = (kind: FlashKind) => ({ flash: kind });

export function FlashNotice() {
  const { t } = useTranslation();
  const state = useLocation().state as { flash?: FlashKind } | null;
  if (!state?.flash) return null;
  return (
    <Notice kind="success">
      <span data-testid="flash-notice">{state.flash === 'created' ? t('common.created') : t('common.saved')}</span>
    </Notice>
  );
}
