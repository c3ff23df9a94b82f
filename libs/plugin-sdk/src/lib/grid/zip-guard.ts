import { inflateRawSync } from 'node:zlib';

import { AdapterError } from '../contract/errors';
import type { ImportLimits } from '../contract/adapter';

/**
 * Inspects an xlsx (a zip) before anything else decompresses it. exceljs inflates every
 * entry into memory without a size limit, so a crafted file of a few kilobytes could take
 * the API down. We read the central directory ourselves, reject declared sizes over the
 * limit, then inflate each entry with a hard output cap (node:zlib's maxOutputLength) so a
 * header that lies about its size is caught too. node:zlib does no I/O.
 */

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;

function corrupt(file: string, detail: string): AdapterError {
  return new AdapterError('CORRUPT_FILE', `the file is not a readable xlsx (${detail})`, { file });
}

function readU64(view: DataView, offset: number): number {
  // Sizes beyond 2^53 are bombs anyway; Number keeps the comparison meaningful.
  return view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 2 ** 32;
}

function findEndOfCentralDirectory(view: DataView, file: string): number {
  const minOffset = Math.max(0, view.byteLength - 22 - U16_MAX);
  for (let offset = view.byteLength - 22; offset >= minOffset; offset--) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) return offset;
  }
  throw corrupt(file, 'no zip end-of-central-directory record');
}

/** Lists the entries of a zip from its central directory. Throws CORRUPT_FILE on garbage. */
export function listZipEntries(bytes: Uint8Array, file: string): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.byteLength < 22) throw corrupt(file, 'too short for a zip');
  const eocd = findEndOfCentralDirectory(view, file);
  let entryCount = view.getUint16(eocd + 10, true);
  let directoryOffset = view.getUint32(eocd + 16, true);
  if (
    (entryCount === U16_MAX || directoryOffset === U32_MAX) &&
    eocd >= 20 &&
    view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE
  ) {
    const zip64Offset = readU64(view, eocd - 20 + 8);
    if (
      zip64Offset + 56 > view.byteLength ||
      view.getUint32(zip64Offset, true) !== ZIP64_EOCD_SIGNATURE
    ) {
      throw corrupt(file, 'bad zip64 record');
    }
    entryCount = readU64(view, zip64Offset + 32);
    directoryOffset = readU64(view, zip64Offset + 48);
  }
  const entries: ZipEntryInfo[] = [];
  let offset = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) {
      throw corrupt(file, 'bad central directory');
    }
    const method = view.getUint16(offset + 10, true);
    let compressedSize = view.getUint32(offset + 20, true);
    let uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    let localHeaderOffset = view.getUint32(offset + 42, true);
    const nameEnd = offset + 46 + nameLength;
    if (nameEnd + extraLength > view.byteLength) throw corrupt(file, 'truncated central directory');
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, nameEnd));
    // ZIP64 extra field: the 64-bit values appear only for fields saturated at 0xFFFFFFFF.
    let extra = nameEnd;
    while (extra + 4 <= nameEnd + extraLength) {
      const id = view.getUint16(extra, true);
      const size = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        if (uncompressedSize === U32_MAX) {
          uncompressedSize = readU64(view, field);
          field += 8;
        }
        if (compressedSize === U32_MAX) {
          compressedSize = readU64(view, field);
          field += 8;
        }
        if (localHeaderOffset === U32_MAX) localHeaderOffset = readU64(view, field);
      }
      extra += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    offset = nameEnd + extraLength + commentLength;
  }
  return entries;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/**
 * Refuses zip bombs and non-xlsx zips. Returns the entry list for callers that want it.
 * Must run before the bytes are handed to exceljs.
 */
export function guardXlsxZip(
  bytes: Uint8Array,
  file: string,
  limits: Pick<ImportLimits, 'maxUncompressedBytes' | 'maxZipEntries'>,
): ZipEntryInfo[] {
  const entries = listZipEntries(bytes, file);
  if (entries.length > limits.maxZipEntries) {
    throw new AdapterError(
      'ZIP_BOMB',
      `the xlsx holds ${entries.length} zip entries, more than the limit of ${limits.maxZipEntries}`,
      { file },
    );
  }
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limits.maxUncompressedBytes) {
    throw new AdapterError(
      'ZIP_BOMB',
      `the xlsx would decompress to ${formatBytes(declared)}, more than the limit of ${formatBytes(limits.maxUncompressedBytes)}`,
      { file },
    );
  }
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('[Content_Types].xml') || ![...names].some((n) => n.startsWith('xl/'))) {
    throw new AdapterError(
      'UNSUPPORTED_FILE_TYPE',
      'the file is a zip archive but not an Excel workbook (.xlsx)',
      { file },
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    const local = entry.localHeaderOffset;
    if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== LOCAL_SIGNATURE) {
      throw corrupt(file, `bad local header for ${entry.name}`);
    }
    const dataStart =
      local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > bytes.byteLength) throw corrupt(file, `truncated entry ${entry.name}`);
    const data = bytes.subarray(dataStart, dataEnd);
    let actual: number;
    if (entry.method === 0) {
      actual = data.byteLength;
    } else if (entry.method === 8) {
      try {
        actual = inflateRawSync(data, {
          maxOutputLength: Math.max(1, entry.uncompressedSize),
        }).byteLength;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new AdapterError(
            'ZIP_BOMB',
            `zip entry "${entry.name}" inflates beyond its declared size of ${formatBytes(entry.uncompressedSize)}`,
            { file },
          );
        }
        throw corrupt(file, `entry ${entry.name} does not inflate`);
      }
    } else {
      throw corrupt(
        file,
        `entry ${entry.name} uses unsupported compression method ${entry.method}`,
      );
    }
    if (actual > entry.uncompressedSize) {
      throw new AdapterError(
        'ZIP_BOMB',
        `zip entry "${entry.name}" inflates beyond its declared size of ${formatBytes(entry.uncompressedSize)}`,
        { file },
      );
    }
  }
  return entries;
}
