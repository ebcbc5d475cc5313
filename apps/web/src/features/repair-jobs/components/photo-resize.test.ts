import { fitWithin, PHOTO_MAX_SIDE, resizePhoto } from './photo-resize';

describe('fitWithin', () => {
  it('brings the longest side down to 1600 px and keeps the proportions', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(4000, 1000)).toEqual({ width: 1600, height: 400 });
  });

  it('rounds to whole pixels and never to 0', () => {
    expect(fitWithin(4001, 3001)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(100_000, 10)).toEqual({ width: 1600, height: 1 });
  });

  it('keeps a photo that already fits, the limit itself included', () => {
    expect(fitWithin(1024, 768)).toEqual({ width: 1024, height: 768 });
    expect(fitWithin(PHOTO_MAX_SIDE, 900)).toEqual({ width: PHOTO_MAX_SIDE, height: 900 });
  });

  it('takes another limit', () => {
    expect(fitWithin(800, 600, 400)).toEqual({ width: 400, height: 300 });
  });
});

describe('resizePhoto', () => {
  it('sends the file as it is where the browser cannot decode images (jsdom has no createImageBitmap)', async () => {
    const file = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    expect(await resizePhoto(file)).toBe(file);
  });
});
