import { useEffect, useState } from 'react';
import { toString as qrToString } from 'qrcode';

/** An otpauth URL drawn as an SVG QR code (an <img> of the SVG: no markup of ours is injected). */
export function QrCode({ value, alt }: { value: string; alt: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    qrToString(value, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      .then((text) => {
        if (live) setSvg(text);
      })
      .catch(() => {
        if (live) setSvg(null);
      });
    return () => {
      live = false;
    };
  }, [value]);
  if (!svg) return null;
  return (
    <img
      className="qr-code"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={alt}
      width={200}
      height={200}
      data-testid="totp-qr"
    />
  );
}
