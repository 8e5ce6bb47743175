/**
 * Thumbnails of photos (docs/documents.md): a JPEG whose longest side is at most 320 pixels,
 * made at upload by jpeg-js and pngjs (pure JavaScript). The header is checked first
 * (domain/program/image-header.ts: broken headers and more than 40 megapixels are refused before
 * decoding), and jpeg-js is held to the same limits by its own options. EXIF orientation is left
 * alone: a thumbnail of a photo taken sideways shows it as stored.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { MAX_IMAGE_PIXELS, checkImageHeader, downscaleRgba, thumbnailSize } from '../domain/program/image-header.js';

export type ThumbnailResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** Decoded RGBA pixels use 4 bytes each; jpeg-js also keeps its components (about as much again). */
const MAX_DECODE_MB = Math.ceil((MAX_IMAGE_PIXELS * 8) / (1024 * 1024));

function decode(type: 'jpeg' | 'png', bytes: Uint8Array): { width: number; height: number; data: Uint8Array } {
  if (type === 'png') {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
  }
  return jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: MAX_IMAGE_PIXELS / 1_000_000,
    maxMemoryUsageInMB: MAX_DECODE_MB,
  });
}

/** A JPEG thumbnail of a JPEG or PNG photo, or why it cannot be made (the upload is then refused). */
export function makeThumbnail(type: 'jpeg' | 'png', bytes: Uint8Array): ThumbnailResult {
  const header = checkImageHeader(type, bytes);
  if (!header.ok) return header;
  let image: { width: number; height: number; data: Uint8Array };
  try {
    image = decode(type, bytes);
  } catch (error) {
    // A decoder's refusal is the file's fault (corrupt data, limits): it becomes the upload's refusal.
    return { ok: false, reason: `the image cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
  if (image.width !== header.width || image.height !== header.height || image.data.length < image.width * image.height * 4)
    return { ok: false, reason: 'the image data does not match its header' };
  const size = thumbnailSize(image.width, image.height);
  const pixels = downscaleRgba(image.data, image.width, image.height, size);
  const encoded = jpeg.encode({ data: pixels, width: size.width, height: size.height }, 80);
  return { ok: true, bytes: new Uint8Array(encoded.data) };
}
