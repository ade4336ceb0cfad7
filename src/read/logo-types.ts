/** A kind of picture, and how to tell it from its first bytes. */
export interface ImageType {
  name: string;
  mime: string;
  /** Whether the bytes start the way this type's files do. */
  matches: (bytes: Buffer) => boolean;
}

const startsWith = (bytes: Buffer, ...prefix: number[]): boolean => prefix.every((byte, index) => bytes[index] === byte);
const ascii = (bytes: Buffer, offset: number, text: string): boolean => bytes.toString('latin1', offset, offset + text.length) === text;

const png: ImageType = {
  name: 'PNG',
  mime: 'image/png',
  matches: (bytes) => startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
};
const jpeg: ImageType = { name: 'JPEG', mime: 'image/jpeg', matches: (bytes) => startsWith(bytes, 0xff, 0xd8, 0xff) };
const gif: ImageType = { name: 'GIF', mime: 'image/gif', matches: (bytes) => ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a') };
const webp: ImageType = { name: 'WebP', mime: 'image/webp', matches: (bytes) => ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP') };
const svg: ImageType = { name: 'SVG', mime: 'image/svg+xml', matches: () => true };

/** The image types a logo may have, by file extension. */
export const logoTypes: Readonly<Record<string, ImageType>> = {
  '.png': png,
  '.jpg': jpeg,
  '.jpeg': jpeg,
  '.gif': gif,
  '.webp': webp,
  '.svg': svg,
};
