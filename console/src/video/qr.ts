// D10: a QR code for the guest link, drawn as one SVG path. A small encoder of our own (byte
// mode, error correction M, versions 1–6, i.e. links up to 106 bytes, which ours are) because
// the console has no QR package; the layout follows ISO/IEC 18004.

/** [data codewords per block, blocks, EC codewords per block] for versions 1..6 at level M. */
const BLOCKS: readonly (readonly [number, number, number])[] = [[16, 1, 10], [28, 1, 16], [44, 1, 26], [32, 2, 18], [43, 2, 24], [27, 4, 16]];

function gfMul(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

function ecCodewords(data: number[], degree: number): number[] {
  const divisor = new Array<number>(degree).fill(0);
  divisor[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) divisor[j] = gfMul(divisor[j] ?? 0, root) ^ (j + 1 < degree ? divisor[j + 1] ?? 0 : 0);
    root = gfMul(root, 0x02);
  }
  const rem = new Array<number>(degree).fill(0);
  for (const b of data) {
    const factor = b ^ (rem.shift() ?? 0);
    rem.push(0);
    divisor.forEach((coef, i) => { rem[i] = (rem[i] ?? 0) ^ gfMul(coef, factor); });
  }
  return rem;
}

function codewords(bytes: Uint8Array): { version: number; words: number[] } {
  const version = BLOCKS.findIndex(([d, n]) => bytes.length <= d * n - 2) + 1;
  const spec = BLOCKS[version - 1];
  if (!spec) throw new Error('link too long for the QR encoder (max 106 bytes)');
  const [perBlock, blocks, ec] = spec;
  const bits: number[] = [];
  const put = (value: number, length: number) => { for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1); };
  put(0b0100, 4);
  put(bytes.length, 8);
  bytes.forEach((b) => put(b, 8));
  const capacity = perBlock * blocks * 8;
  put(0, Math.min(4, capacity - bits.length));
  while (bits.length % 8) bits.push(0);
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) put(pad, 8);
  const data = Array.from({ length: bits.length / 8 }, (_, i) => bits.slice(i * 8, i * 8 + 8).reduce((a, b) => (a << 1) | b, 0));
  const split = Array.from({ length: blocks }, (_, i) => data.slice(i * perBlock, (i + 1) * perBlock));
  const ecs = split.map((block) => ecCodewords(block, ec));
  const words: number[] = [];
  for (let i = 0; i < perBlock; i++) split.forEach((b) => words.push(b[i] ?? 0));
  for (let i = 0; i < ec; i++) ecs.forEach((b) => words.push(b[i] ?? 0));
  return { version, words };
}

export function qrMatrix(text: string): boolean[][] {
  const { version, words } = codewords(new TextEncoder().encode(text));
  const size = 17 + 4 * version;
  const dark = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const fixed = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const set = (x: number, y: number, on: boolean) => {
    if (x < 0 || y < 0 || x >= size || y >= size) return;
    (dark[y] as boolean[])[x] = on;
    (fixed[y] as boolean[])[x] = true;
  };
  for (let i = 0; i < size; i++) { set(6, i, i % 2 === 0); set(i, 6, i % 2 === 0); }
  for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]] as const) {
    for (let dy = -4; dy <= 4; dy++) for (let dx = -4; dx <= 4; dx++) {
      const d = Math.max(Math.abs(dx), Math.abs(dy));
      set(cx + dx, cy + dy, d !== 2 && d !== 4);
    }
  }
  if (version >= 2) {
    const c = size - 7;
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(c + dx, c + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
  }
  // Format information: level M (00) with mask 0, BCH-protected and masked.
  const formatData = 0b00 << 3;
  let rem = formatData;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const format = ((formatData << 10) | rem) ^ 0x5412;
  const bit = (i: number) => ((format >>> i) & 1) === 1;
  for (let i = 0; i <= 5; i++) set(8, i, bit(i));
  set(8, 7, bit(6)); set(8, 8, bit(7)); set(7, 8, bit(8));
  for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i));
  for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(i));
  set(8, size - 8, true);

  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
        if (fixed[y]?.[x]) continue;
        const on = i < words.length * 8 && (((words[i >>> 3] ?? 0) >>> (7 - (i & 7))) & 1) === 1;
        i++;
        (dark[y] as boolean[])[x] = on !== ((x + y) % 2 === 0); // mask 0
      }
    }
  }
  return dark;
}

/** The dark modules as one SVG path, in module units (add a 4-module quiet zone around it). */
export function qrSvgPath(text: string): { size: number; path: string } {
  const m = qrMatrix(text);
  const path = m.flatMap((row, y) => row.map((on, x) => (on ? `M${x},${y}h1v1h-1z` : ''))).join('');
  return { size: m.length, path };
}
