import { create as createQr } from 'qrcode';

export interface SystemLabelInput {
  /** what the QR code holds: the absolute URL of the system's page */
  url: string;
  serialNumber: string;
  modelDesignation: string;
  donorPartnerCode: string;
}

/** The label's size in millimetres (a common thermal label, and two columns of them fit A4 with margins). */
export const LABEL_WIDTH_MM = 62;
export const LABEL_HEIGHT_MM = 29;
/** User units per millimetre in the viewBox: tenths of a millimetre keep every coordinate an integer. */
const UNITS = 10;
/** Modules of light margin around the code that a scanner needs to find it (ISO/IEC 18004). */
export const QUIET_ZONE = 4;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);

/**
 * The dark modules as one path in module units, a rectangle one module high per horizontal run: exact
 * (no anti-aliased seams between neighbours with crispEdges) and a few kilobytes, where one element per
 * module would be tens.
 */
export function qrPath(text: string): { d: string; size: number } {
  const { modules } = createQr(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && modules.get(y, x)) x++;
      const w = x - start;
      parts.push(`M${start} ${y}h${w}v1h-${w}z`);
    }
  }
  return { d: parts.join(''), size };
}

/** Average glyph widths in em, generous so that a line never runs past the label's edge. */
const EM_REGULAR = 0.6;
const EM_BOLD = 0.72;

/** Shrinks a line of text that would run past the label's right edge, down to a size still read at arm's length. */
function fitSize(text: string, preferred: number, width: number, em: number): number {
  return Math.max(24, Math.min(preferred, Math.floor(width / (Math.max(text.length, 1) * em))));
}

/** Greedy word wrap into at most `maxLines` lines of `maxChars`; what does not fit ends in an ellipsis. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text
    .trim()
    .split(/\s+/)
    .flatMap((w) => w.match(new RegExp(`.{1,${maxChars}}`, 'g')) ?? []);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, maxChars - 1)}…`;
  return kept;
}

/**
 * A printable label: the QR code on the left; on the right the serial number (bold), the model (up to two
 * lines) and the donor country. Every text is escaped, so a model name with `<` or `&` cannot break or
 * inject markup.
 */
export function renderSystemLabel(input: SystemLabelInput): string {
  const width = LABEL_WIDTH_MM * UNITS;
  const height = LABEL_HEIGHT_MM * UNITS;
  const { d, size } = qrPath(input.url);
  const box = height - 2 * UNITS;
  const scale = box / (size + 2 * QUIET_ZONE);
  const offset = UNITS + QUIET_ZONE * scale;
  const textX = UNITS + box + UNITS;
  const textWidth = width - textX - UNITS;
  const modelSize = 26;
  const modelLines = wrapText(input.modelDesignation, Math.floor(textWidth / (modelSize * EM_REGULAR)), 2);
  const lines = [
    {
      text: input.serialNumber,
      size: fitSize(input.serialNumber, 48, textWidth, EM_BOLD),
      y: 80,
      weight: 700,
    },
    ...modelLines.map((text, i) => ({ text, size: modelSize, y: 135 + i * 32, weight: 400 })),
    {
      text: input.donorPartnerCode,
      size: fitSize(input.donorPartnerCode, 32, textWidth, EM_BOLD),
      y: 250,
      weight: 700,
    },
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LABEL_WIDTH_MM}mm" height="${LABEL_HEIGHT_MM}mm"`,
    ` viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<title>${escapeXml(input.serialNumber)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<path transform="translate(${round(offset)} ${round(offset)}) scale(${round(scale)})"`,
    ` shape-rendering="crispEdges" fill="#000" d="${d}"/>`,
    ...lines.map((l) => {
      // a line too long even at the smallest size (a 60-character serial) is squeezed into the column
      const em = l.weight === 700 ? EM_BOLD : EM_REGULAR;
      const squeeze =
        l.text.length * l.size * em > textWidth ? ` textLength="${textWidth}" lengthAdjust="spacingAndGlyphs"` : '';
      return (
        `<text x="${textX}" y="${l.y}" font-size="${l.size}" font-weight="${l.weight}"${squeeze}>` +
        `${escapeXml(l.text)}</text>`
      );
    }),
    '</svg>',
  ].join('');
}

const round = (n: number) => Math.round(n * 1000) / 1000;
