/**
 * An image's declared size, read from its header without decoding it (docs/documents.md): a
 * photo is refused before any decoder allocates its pixels when its header is broken or it
 * declares more pixels than MAX_IMAGE_PIXELS, so a small file claiming a huge picture (a
 * decompression bomb) costs nothing.
 */

/** The most pixels a photo may declare (40 megapixels: any camera's photo fits). */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** The thumbnail's longest side, in pixels. */
export const THUMBNAIL_MAX_SIDE = 320;

export type ImageHeader = { ok: true; width: number; height: number } | { ok: false; reason: string };

const u16 = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32 = (b: Uint8Array, at: number) => u16(b, at) * 65536 + u16(b, at + 2);

/** PNG: the IHDR chunk must come first, 13 bytes long (PNG specification, 11.2.2). */
export function pngHeader(bytes: Uint8Array): ImageHeader {
  if (bytes.length < 33) return { ok: false, reason: 'the PNG is cut short' };
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (u32(bytes, 8) !== 13 || type !== 'IHDR') return { ok: false, reason: 'the PNG has no image header (IHDR)' };
  const width = u32(bytes, 16);
  const height = u32(bytes, 20);
  if (width === 0 || height === 0) return { ok: false, reason: 'the PNG declares no pixels' };
  return { ok: true, width, height };
}

/** Start-of-frame markers (ITU T.81, B.1.1.3): C0–CF except C4 (DHT), C8 (JPG) and CC (DAC). */
const isStartOfFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** JPEG: walks the marker segments up to the first start of frame, which declares the size. */
export function jpegHeader(bytes: Uint8Array): ImageHeader {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return { ok: false, reason: 'the JPEG has a broken marker' };
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image or scan data before any frame
    const length = u16(bytes, at + 2);
    if (length < 2) return { ok: false, reason: 'the JPEG has a broken segment' };
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) break;
      const height = u16(bytes, at + 5);
      const width = u16(bytes, at + 7);
      if (width === 0 || height === 0) return { ok: false, reason: 'the JPEG declares no pixels' };
      return { ok: true, width, height };
    }
    at += 2 + length;
  }
  return { ok: false, reason: 'the JPEG has no frame header' };
}

/** The header of a PNG or JPEG, checked against the pixel limit. */
export function checkImageHeader(type: 'jpeg' | 'png', bytes: Uint8Array, maxPixels = MAX_IMAGE_PIXELS): ImageHeader {
  const header = type === 'png' ? pngHeader(bytes) : jpegHeader(bytes);
  if (!header.ok) return header;
  if (header.width * header.height > maxPixels) {
    return {
      ok: false,
      reason: `the image declares ${header.width} × ${header.height} pixels, more than ${maxPixels / 1_000_000} megapixels`,
    };
  }
  return header;
}

/** The thumbnail's size: the longest side at most `maxSide`, never enlarged. */
export function thumbnailSize(width: number, height: number, maxSide = THUMBNAIL_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Area-average downscale of RGBA pixels (each target pixel the mean of the source pixels it
 * covers), composited on white, to RGBA. Integer block bounds: good enough for a thumbnail.
 */
export function downscaleRgba(src: Uint8Array, width: number, height: number, target: { width: number; height: number }): Uint8Array {
  const out = new Uint8Array(target.width * target.height * 4);
  for (let ty = 0; ty < target.height; ty++) {
    const y0 = Math.floor((ty * height) / target.height);
    const y1 = Math.max(y0 + 1, Math.floor(((ty + 1) * height) / target.height));
    for (let tx = 0; tx < target.width; tx++) {
      const x0 = Math.floor((tx * width) / target.width);
      const x1 = Math.max(x0 + 1, Math.floor(((tx + 1) * width) / target.width));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = (y * width + x) * 4;
          const a = (src[i + 3] ?? 255) / 255;
          r += (src[i] ?? 0) * a + 255 * (1 - a);
          g += (src[i + 1] ?? 0) * a + 255 * (1 - a);
          b += (src[i + 2] ?? 0) * a + 255 * (1 - a);
          n++;
        }
      }
      const o = (ty * target.width + tx) * 4;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
      out[o + 3] = 255;
    }
  }
  return out;
}
