import { deflateSync } from 'node:zlib';
import { sniffImage } from './repair-job-photos.image';

const png = (width: number, height: number) => {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return Buffer.concat([b, deflateSync(Buffer.alloc(4))]);
};

/** SOI, an APP0 segment of 16 bytes, then a baseline frame header (SOF0) of `width`×`height`. */
const jpeg = (width: number, height: number, sof = 0xc0) => {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const frame = Buffer.alloc(19);
  frame.set([0xff, sof, 0x00, 0x11, 8]);
  frame.writeUInt16BE(height, 5);
  frame.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, frame, Buffer.from([0xff, 0xd9])]);
};

const riff = (chunk: string, payload: Buffer) =>
  Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), Buffer.from(chunk, 'latin1'), payload]);

describe('sniffImage', () => {
  it('reads a PNG and its size from IHDR', () => {
    expect(sniffImage(png(1600, 1200))).toEqual({ type: 'image/png', width: 1600, height: 1200 });
  });

  it('reads a JPEG and its size from the first frame header, past other segments', () => {
    expect(sniffImage(jpeg(1600, 900))).toEqual({ type: 'image/jpeg', width: 1600, height: 900 });
    expect(sniffImage(jpeg(640, 480, 0xc2))).toEqual({ type: 'image/jpeg', width: 640, height: 480 });
  });

  it('knows a JPEG without a frame header by its signature, size unknown', () => {
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xd9, 0, 0, 0, 0, 0, 0, 0, 0]))).toEqual({
      type: 'image/jpeg',
      width: null,
      height: null,
    });
  });

  it('reads WebP sizes from VP8X, VP8L and VP8 headers', () => {
    const vp8x = Buffer.alloc(18);
    vp8x.writeUIntLE(1599, 8, 3);
    vp8x.writeUIntLE(1199, 11, 3);
    expect(sniffImage(riff('VP8X', vp8x))).toEqual({ type: 'image/webp', width: 1600, height: 1200 });

    // VP8L: 14 bits width-1, 14 bits height-1 after the 0x2f signature byte
    const bits = (800 - 1) | ((600 - 1) << 14);
    const vp8l = Buffer.alloc(13);
    vp8l[4] = 0x2f;
    vp8l.writeUInt32LE(bits, 5);
    expect(sniffImage(riff('VP8L', vp8l))).toEqual({ type: 'image/webp', width: 800, height: 600 });

    const vp8 = Buffer.alloc(18);
    vp8.writeUInt16LE(320, 10);
    vp8.writeUInt16LE(240, 12);
    expect(sniffImage(riff('VP8 ', vp8))).toEqual({ type: 'image/webp', width: 320, height: 240 });
  });

  it('refuses anything else: text, a GIF, an SVG, a truncated PNG', () => {
    expect(sniffImage(Buffer.from('just some text, not an image'))).toBeNull();
    expect(sniffImage(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00'))).toBeNull();
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(png(10, 10).subarray(0, 12))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
  });
});
