import { describe, expect, it } from 'vitest';
import { checkImageHeader, downscaleRgba, jpegHeader, pngHeader, thumbnailSize } from './image-header.js';

/** The first bytes of a PNG: signature, IHDR length and type, width, height. */
function pngStart(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

/** SOI, an APP0 segment, then a SOF0 declaring the size. */
function jpegStart(width: number, height: number, frame = 0xc0): Uint8Array {
  return new Uint8Array([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x04,
    0x00,
    0x00,
    0xff,
    frame,
    0x00,
    0x0b,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x01,
  ]);
}

describe('image headers', () => {
  it('reads a PNG’s and a JPEG’s declared size without decoding', () => {
    expect(pngHeader(pngStart(640, 480))).toEqual({ ok: true, width: 640, height: 480 });
    expect(jpegHeader(jpegStart(1024, 768))).toEqual({ ok: true, width: 1024, height: 768 });
    expect(jpegHeader(jpegStart(300, 200, 0xc2))).toEqual({ ok: true, width: 300, height: 200 });
  });

  it('refuses a header declaring more than 40 megapixels, and broken headers', () => {
    expect(checkImageHeader('png', pngStart(50_000, 50_000))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('40 megapixels'),
    });
    expect(checkImageHeader('jpeg', jpegStart(65_535, 65_535))).toMatchObject({ ok: false });
    expect(checkImageHeader('png', pngStart(0, 10))).toMatchObject({ ok: false });
    expect(checkImageHeader('png', pngStart(10, 10).subarray(0, 20))).toMatchObject({ ok: false });
    expect(checkImageHeader('jpeg', new Uint8Array([0xff, 0xd8, 0x00, 0x00, 0x00]))).toMatchObject({ ok: false });
    expect(checkImageHeader('jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toMatchObject({ ok: false });
  });

  it('sizes a thumbnail to a longest side of 320 pixels, never enlarging', () => {
    expect(thumbnailSize(640, 400)).toEqual({ width: 320, height: 200 });
    expect(thumbnailSize(400, 4000)).toEqual({ width: 32, height: 320 });
    expect(thumbnailSize(100, 50)).toEqual({ width: 100, height: 50 });
  });

  it('averages the area each thumbnail pixel covers, on white where transparent', () => {
    // 2 × 1: black and white, halved to one grey pixel; a transparent pixel becomes white.
    expect([...downscaleRgba(new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255]), 2, 1, { width: 1, height: 1 })]).toEqual([
      128, 128, 128, 255,
    ]);
    expect([...downscaleRgba(new Uint8Array([0, 0, 0, 0]), 1, 1, { width: 1, height: 1 })]).toEqual([255, 255, 255, 255]);
  });
});
