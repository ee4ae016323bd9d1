import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';

/** A QR code as rows of dark (true) and light modules, quiet zone excluded. */
export type ModuleMatrix = boolean[][];

/** The modules `qrcode` lays out for `text`: what a scanner decodes back to `text`. */
export const expectedModules = (text: string, errorCorrectionLevel: QRCode.QRCodeErrorCorrectionLevel = 'M'): ModuleMatrix => {
  const { modules } = QRCode.create(text, { errorCorrectionLevel });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))));
};

/**
 * Reads the modules back from an SVG drawn by `qrcode`: one path of horizontal runs, `M x y.5` / `m dx dy` moves and
 * `h n` dark runs (relative moves in module units). Reading the drawing, not comparing strings, means a different
 * margin or colour would still pass and a different URL would not.
 */
export const svgModules = (svg: string): ModuleMatrix => {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path[^>]*stroke="[^"]+"[^>]*d="([^"]+)"/.exec(svg);
  if (!viewBox || !path) throw new Error('not a qrcode SVG');
  const width = Number(viewBox[1]);
  const dark: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of path[1]!.matchAll(/([MmHhVv])([^MmHhVv]*)/g)) {
    const numbers = args!.trim().split(/[\s,]+/).filter(Boolean).map(Number);
    if (command === 'M') [x, y] = [numbers[0]!, numbers[1]!];
    else if (command === 'm') [x, y] = [x + numbers[0]!, y + numbers[1]!];
    else if (command === 'h') {
      for (let i = 0; i < numbers[0]!; i += 1) dark.push([Math.floor(y), x + i]);
      x += numbers[0]!;
    } else throw new Error(`unexpected path command ${command}`);
  }
  return cropQuietZone(width, (row, col) => dark.some(([r, c]) => r === row && c === col));
};

/** Decodes an 8-bit PNG (grey, grey+alpha, RGB or RGBA) and samples one pixel in the middle of each module. */
export const pngModules = (png: Buffer): ModuleMatrix => {
  const { width, height, pixelDark } = decodePng(png);
  // The top-left finder pattern starts at the quiet zone's edge and is 7 modules of dark along its top row.
  const first = firstDark(width, height, pixelDark);
  let run = 0;
  while (pixelDark(first.col + run, first.row)) run += 1;
  const scale = run / 7;
  const modules = (width - 2 * first.col) / scale;
  return Array.from({ length: modules }, (_, row) =>
    Array.from({ length: modules }, (_, col) => pixelDark(first.col + Math.floor((col + 0.5) * scale), first.row + Math.floor((row + 0.5) * scale))),
  );
};

const cropQuietZone = (size: number, isDark: (row: number, col: number) => boolean): ModuleMatrix => {
  const first = firstDark(size, size, (col, row) => isDark(row, col));
  const modules = size - 2 * first.col;
  return Array.from({ length: modules }, (_, row) => Array.from({ length: modules }, (_, col) => isDark(first.row + row, first.col + col)));
};

const firstDark = (width: number, height: number, isDark: (x: number, y: number) => boolean) => {
  for (let row = 0; row < height; row += 1) {
    for (let col = 0; col < width; col += 1) if (isDark(col, row)) return { row, col };
  }
  throw new Error('no dark module at all');
};

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 4: 2, 2: 3, 6: 4 };

const decodePng = (png: Buffer) => {
  if (!png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      channels = CHANNELS[body[9]!] ?? 0;
      if (!channels) throw new Error(`PNG colour type ${body[9]} not supported`);
    } else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let row = 0; row < height; row += 1) {
    const filter = raw[row * (stride + 1)]!;
    for (let i = 0; i < stride; i += 1) {
      const value = raw[row * (stride + 1) + 1 + i]!;
      const left = i >= channels ? pixels[row * stride + i - channels]! : 0;
      const up = row > 0 ? pixels[(row - 1) * stride + i]! : 0;
      const upLeft = row > 0 && i >= channels ? pixels[(row - 1) * stride + i - channels]! : 0;
      pixels[row * stride + i] = (value + unfilter(filter, left, up, upLeft)) & 0xff;
    }
  }
  const pixelDark = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < width && y < height && pixels[y * stride + x * channels]! < 128;
  return { width, height, pixelDark };
};

const unfilter = (filter: number, left: number, up: number, upLeft: number): number => {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return Math.floor((left + up) / 2);
    case 4: {
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      throw new Error(`PNG filter ${filter} unknown`);
  }
};
