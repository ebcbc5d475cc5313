import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canUseCamera } from '../../../components/scan-button';
import { cameraProblem, type CameraProblem } from './scan-target';

interface QrCameraProps {
  /** every code read (the same code again while it stays in view) */
  onCode: (text: string) => void;
  onProblem: (problem: CameraProblem) => void;
}

/**
 * The back camera's preview, read for QR codes by @zxing/browser. The reader is loaded only when a camera
 * can be asked for, and the camera is released when the component leaves (the page changes or unmounts).
 */
export function QrCamera({ onCode, onProblem }: QrCameraProps) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [live, setLive] = useState(false);
  const handlers = useRef({ onCode, onProblem });
  useEffect(() => {
    handlers.current = { onCode, onProblem };
  });

  useEffect(() => {
    if (!canUseCamera()) {
      handlers.current.onProblem('unsupported');
      return;
    }
    let left = false;
    let stop: (() => void) | undefined;
    import('@zxing/browser')
      .then(({ BrowserQRCodeReader }) =>
        new BrowserQRCodeReader().decodeFromVideoDevice(undefined, video.current ?? undefined, (result) => {
          if (result && !left) handlers.current.onCode(result.getText());
        }),
      )
      .then((controls) => {
        // the page may have been left while the camera was starting: release it at once
        if (left) controls.stop();
        else {
          stop = () => controls.stop();
          setLive(true);
        }
      })
      .catch((error: unknown) => {
        if (!left) handlers.current.onProblem(cameraProblem(error));
      });
    return () => {
      left = true;
      stop?.();
    };
  }, []);

  return (
    <div className="scan-camera" data-live={live || undefined}>
      <video ref={video} className="scan-video" muted playsInline aria-label={t('systems.scan.preview')} />
      {live ? null : <p className="muted">{t('systems.scan.starting')}</p>}
    </div>
  );
}
