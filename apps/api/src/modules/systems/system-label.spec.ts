import { escapeXml, qrPath, renderSystemLabel, wrapText } from './system-label';

describe('system label', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });

  it('wraps a long model name into two lines, ending in an ellipsis when more is left', () => {
    expect(wrapText('MRL-122/40 wheeled rocket launcher', 20, 2)).toEqual(['MRL-122/40 wheeled', 'rocket launcher']);
    expect(wrapText('TH-155/52', 20, 2)).toEqual(['TH-155/52']);
    expect(wrapText('a b c d e f g h i j k l m n o p q r s t u v w x y z', 10, 2)).toEqual(['a b c d e', 'f g h i j…']);
    expect(wrapText('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 10, 2)).toEqual(['ABCDEFGHIJ', 'KLMNOPQRS…']);
  });

  it('draws the code as one path of runs that spans the whole symbol', () => {
    const { d, size } = qrPath('http://localhost:3000/systems/0b6f3c1e-8a52-4d6e-9f2a-3c4d5e6f7a8b');
    const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)];
    expect(runs.map((m) => m[0]).join('')).toBe(d);
    expect(Math.max(...runs.map((m) => Number(m[1]) + Number(m[3])))).toBe(size);
    // a finder pattern's top row: seven dark modules from the corner
    expect(d.startsWith('M0 0h7v1h-7z')).toBe(true);
  });

  it('keeps every text inside the label: shrunk, wrapped, or squeezed into the column when still too long', () => {
    const svg = renderSystemLabel({
      url: 'https://jv.example.org/systems/0b6f3c1e-8a52-4d6e-9f2a-3c4d5e6f7a8b',
      serialNumber: 'A'.repeat(60),
      modelDesignation: 'A model designation far longer than any real one would be',
      donorPartnerCode: 'FR',
    });
    const texts = [...svg.matchAll(/<text x="(\d+)" y="(\d+)" font-size="(\d+)" font-weight="(\d+)"([^>]*)>([^<]*)</g)];
    expect(texts.map((m) => m[6])).toEqual(['A'.repeat(60), 'A model designation', 'far longer than any…', 'FR']);
    for (const [, x, y, size, weight, squeeze, text] of texts) {
      const width = squeeze
        ? Number(/textLength="(\d+)"/.exec(squeeze)?.[1])
        : text.length * Number(size) * (weight === '700' ? 0.72 : 0.6);
      expect(Number(x) + width).toBeLessThanOrEqual(620 - 10);
      expect(Number(y)).toBeLessThanOrEqual(290 - 10);
      expect(Number(size)).toBeGreaterThanOrEqual(24);
    }
    expect(texts[0][5]).toContain('lengthAdjust="spacingAndGlyphs"');
  });
});
