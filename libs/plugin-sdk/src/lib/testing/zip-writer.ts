import { deflateRawSync, inflateRawSync } from 'node:zlib';

import { listZipEntries } from '../grid/zip-guard';

/**
 * A small deterministic zip writer for tests and fixture scripts. exceljs stamps the
 * current time into the zip entries, so two runs give different bytes (and a different
 * sha256 in the golden batch); re-packing with a fixed timestamp makes fixtures stable.
 * It can also lie about sizes, which is how the zip-bomb tests build their inputs.
 */

export interface ZipEntryInput {
  name: string;
  data: Uint8Array;
  /** 8 = deflate (default), 0 = stored. */
  method?: 0 | 8;
  /**
   * Write this uncompressed size into the headers instead of the real one (zip-bomb tests).
   * Sizes of 4 GiB and more are written as ZIP64 extra fields, as real zip tools do.
   */
  declaredSize?: number;
}

let crcTable: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// 1980-01-01 00:00, the zip epoch: fixed so output bytes never depend on the clock.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function buildZip(entries: readonly ZipEntryInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.method ?? 8;
    const compressed =
      method === 8 ? deflateRawSync(entry.data, { level: 9 }) : Buffer.from(entry.data);
    const size = entry.declaredSize ?? entry.data.byteLength;
    const crc = crc32(entry.data);
    const zip64 = size >= 0xffffffff;
    const extra = Buffer.alloc(zip64 ? 12 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.byteLength, 18);
    local.writeUInt32LE(Math.min(size, 0xffffffff), 22);
    local.writeUInt16LE(name.byteLength, 26);
    local.writeUInt16LE(extra.byteLength, 28);
    locals.push(local, name, extra, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.byteLength, 20);
    central.writeUInt32LE(Math.min(size, 0xffffffff), 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt16LE(extra.byteLength, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += local.byteLength + name.byteLength + extra.byteLength + compressed.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** Reads all entries of a zip (trusted input only: no limits). */
export function readZipEntries(bytes: Uint8Array): Array<{ name: string; data: Uint8Array }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return listZipEntries(bytes, '(zip)').map((entry) => {
    const local = entry.localHeaderOffset;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + entry.compressedSize);
    const data = entry.method === 8 ? new Uint8Array(inflateRawSync(raw)) : new Uint8Array(raw);
    return { name: entry.name, data };
  });
}

/** Re-packs a zip with fixed timestamps and sorted-as-given entries: same input, same bytes. */
export function repackZipDeterministically(bytes: Uint8Array): Uint8Array {
  return buildZip(readZipEntries(bytes).map((entry) => ({ name: entry.name, data: entry.data })));
}

/**
 * A minimal xlsx-looking zip whose single sheet inflates to `inflatedBytes` of zeros while
 * the file stays tiny. With `lie: true` the headers declare a small size, so only the
 * actual-inflation check can catch it.
 */
export function buildZipBomb(options: { inflatedBytes: number; lie?: boolean }): Uint8Array {
  const payload = new Uint8Array(options.inflatedBytes);
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
    { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0"?><workbook/>') },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: payload,
      ...(options.lie ? { declaredSize: 1024 } : {}),
    },
  ]);
}
