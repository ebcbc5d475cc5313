import { useTranslation } from 'react-i18next';
import { ButtonLink } from './button';

/** The page that reads a system's QR label with the camera (or finds it by serial number). */
export const SCAN_PATH = '/systems/scan';

/** Whether this browser can offer a camera at all (not on plain HTTP, nor where the API is missing). */
export const canUseCamera = (): boolean =>
  typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

/**
 * "Scan" — opens the label scanner; shown only where the browser has a camera API. Shared so that any home
 * or list page (the systems list, the workshop home) offers the same entry.
 */
export function ScanButton({ variant = 'secondary' }: { variant?: 'primary' | 'secondary' }) {
  const { t } = useTranslation();
  if (!canUseCamera()) return null;
  return (
    <ButtonLink to={SCAN_PATH} variant={variant} data-testid="scan-button">
      {t('systems.scan.button')}
    </ButtonLink>
  );
}
