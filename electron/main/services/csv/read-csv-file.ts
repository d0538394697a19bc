// Reads a CSV file from disk as a stream of records: refuses what is not a text CSV (workbook,
// binary, too large), detects the encoding (BOM, UTF-16 without BOM, UTF-8 else Windows-1252),
// decodes with iconv-lite, sniffs the delimiter, and parses 1 MB at a time with papaparse.
import { isAscii, isUtf8 } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import iconv from 'iconv-lite';
import {
  CSV_FILE_ERROR_MESSAGES,
  MAX_CSV_FILE_BYTES,
  type CsvDelimiter,
  type CsvEncoding,
} from '../../../../common/csv/file-check';
import type { FileError, LineSplitter } from '../../../../common/csv/record-intake';
import { sniffDelimiter, sniffNewline } from '../../../../common/csv/sniff';
import { LineRecordParser, lineSplitter } from './line-records';

const CHUNK_BYTES = 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

export type CsvFileFormat = { encoding: CsvEncoding; delimiter: CsvDelimiter };

export type ReadCsvOutcome =
  ({ ok: true } & CsvFileFormat) | { ok: false; error: FileError } | { ok: false; cancelled: true };

/** How far reading is: bytes read of the file's size (the encoding scan and the parse each once). */
export type ReadProgress = { bytesRead: number; totalBytes: number };

export interface ReadCsvOptions {
  /** Stops reading at the next chunk (the outcome is then `cancelled`). */
  signal?: AbortSignal;
  /** Called after every chunk parsed. */
  onProgress?: (progress: ReadProgress) => void;
}

const CANCELLED = { ok: false, cancelled: true } as const;

const fail = (code: Exclude<FileError['code'], 'MISSING_COLUMNS'>): ReadCsvOutcome => ({
  ok: false,
  error: { code, message: CSV_FILE_ERROR_MESSAGES[code] },
});

const startsWith = (head: Buffer, bytes: number[]): boolean =>
  bytes.every((byte, index) => head[index] === byte);

/** What the first bytes say: a workbook, binary, or a text encoding (null: decide by scanning). */
export function classifyHead(head: Buffer): FileError['code'] | CsvEncoding | null {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const text = head.toString('latin1');
    return /xl\/|\[Content_Types\]\.xml|opendocument\.spreadsheet/.test(text)
      ? 'WORKBOOK'
      : 'NOT_TEXT';
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'WORKBOOK';
  // UTF-16 without a BOM: every other byte of ASCII text is NUL.
  let evenNul = 0;
  let oddNul = 0;
  let control = 0;
  for (let index = 0; index < head.length; index += 1) {
    const byte = head[index]!;
    if (byte === 0) {
      if (index % 2 === 0) evenNul += 1;
      else oddNul += 1;
    } else if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control += 1;
  }
  const pairs = head.length / 2;
  if (oddNul > pairs * 0.3 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul === 0) return 'utf-16be';
  if (evenNul + oddNul > 0 || control > head.length * 0.01) return 'NOT_TEXT';
  return null;
}

/** Bytes at the end of `chunk` that start a UTF-8 sequence the next chunk completes. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back += 1) {
    const byte = chunk[chunk.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * The file 1 MB at a time, in one buffer read into again and again: each chunk is consumed (checked
 * or decoded) before the next is read, so a file costs one megabyte, not its size, in buffers.
 */
async function* chunks(file: FileHandle): AsyncGenerator<Buffer> {
  let position = 0;
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  for (;;) {
    const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

/** UTF-8 when every byte sequence of the file is valid UTF-8, else Windows-1252. */
async function scanEncoding(file: FileHandle, signal?: AbortSignal): Promise<CsvEncoding | null> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks(file)) {
    if (signal?.aborted) return null;
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const cut = bytes.length - incompleteTail(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) return 'windows-1252';
    carry = Buffer.from(bytes.subarray(cut));
  }
  return carry.length > 0 ? 'windows-1252' : 'utf-8';
}

const ICONV_NAMES: Record<CsvEncoding, string> = {
  'utf-8': 'utf8',
  'utf-8-bom': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  'windows-1252': 'win1252',
};

/**
 * Decodes a file chunk after chunk. A chunk of ASCII bytes only (most chunks of most files) reads
 * the same in UTF-8 and Windows-1252 and is copied as one-byte text, several times faster than a
 * decoder reads it. The first chunk always goes through the decoder (a BOM is stripped there only),
 * and so does any chunk after one that ended inside a character (the decoder holds its start).
 */
function chunkDecoder(encoding: CsvEncoding): { write(chunk: Buffer): string; end(): string } {
  const decoder = iconv.getDecoder(ICONV_NAMES[encoding], { stripBOM: true });
  const asciiReadsAsIs = encoding !== 'utf-16le' && encoding !== 'utf-16be';
  let decoderHoldsNothing = false;
  return {
    write(chunk) {
      if (asciiReadsAsIs && decoderHoldsNothing && isAscii(chunk)) return chunk.toString('latin1');
      decoderHoldsNothing = encoding === 'windows-1252' || incompleteTail(chunk) === 0;
      return decoder.write(chunk);
    },
    end: () => decoder.end() ?? '',
  };
}

/** What reading hands over, in file order. */
export interface CsvRecordSink {
  /** The file's delimiter and line break are known (before any record): how to split a line again. */
  format(splitLine: LineSplitter): void;
  /** The parser's next input: the records that follow are at positions in it. */
  text(input: string): void;
  /** One record and its line, `start`–`end` of the last input (line break included); false stops. */
  record(cells: string[], start: number, end: number): boolean;
}

/**
 * Streams the records of a CSV file to `sink` (false from it stops reading). Whole-file problems of
 * the bytes themselves come back as an error; the records' meaning is the caller's.
 */
export async function readCsvFile(
  filePath: string,
  sink: CsvRecordSink,
  options: ReadCsvOptions = {},
): Promise<ReadCsvOutcome> {
  const { signal, onProgress } = options;
  const file = await open(filePath, 'r');
  try {
    const { size } = await file.stat();
    if (size === 0) return fail('EMPTY');
    if (size > MAX_CSV_FILE_BYTES) return fail('TOO_LARGE');
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await file.read(head, 0, head.length, 0);
    const kind = classifyHead(head);
    if (kind === 'WORKBOOK' || kind === 'NOT_TEXT') return fail(kind);
    const encoding = (kind as CsvEncoding | null) ?? (await scanEncoding(file, signal));
    if (encoding === null) return CANCELLED;
    const decoder = chunkDecoder(encoding);

    let parser: LineRecordParser | null = null;
    let format: CsvFileFormat | null = null;
    let newline: '\r\n' | '\n' | '\r' = '\n';
    let pending = '';
    const stopped = (): boolean => parser?.done === true;
    /** Parses `input` (see LineRecordParser.parse); what is left of it waits for the next text. */
    const parseInput = (input: string, last: boolean): void => {
      sink.text(input);
      const cursor = parser!.parse(input, last);
      pending = last ? '' : input.substring(cursor);
    };
    const parse = (text: string, last: boolean): void => {
      if (stopped()) return;
      if (format === null) {
        pending += text;
        // The delimiter and line break are read from the header line, once it is whole.
        if (!last && !/[\r\n]/.test(pending) && pending.length < HEAD_BYTES) return;
        format = { encoding, delimiter: sniffDelimiter(pending) };
        newline = sniffNewline(pending);
        parser = new LineRecordParser(format.delimiter, newline, sink.record.bind(sink));
        sink.format(lineSplitter(format.delimiter, newline));
        text = pending;
        pending = '';
      }
      // The line the last text ended inside is completed from this text on its own, so this text
      // is parsed as it was decoded instead of copied behind that line's start (a megabyte a
      // chunk). Only when no quote is near: a quoted cell may hold line breaks.
      const lineEnd = pending === '' ? -1 : text.indexOf(newline);
      if (lineEnd >= 0 && pending.indexOf('"') < 0 && text.lastIndexOf('"', lineEnd) < 0) {
        const split = lineEnd + newline.length;
        parseInput(pending + text.slice(0, split), false);
        if (stopped()) return;
        text = text.slice(split);
      }
      parseInput(pending + text, last);
    };
    let bytesRead = 0;
    for await (const chunk of chunks(file)) {
      if (signal?.aborted) return CANCELLED;
      parse(decoder.write(chunk), false);
      bytesRead += chunk.length;
      onProgress?.({ bytesRead, totalBytes: size });
      if (stopped()) break;
    }
    if (!stopped()) parse(decoder.end(), true);
    const decoded = format as CsvFileFormat | null;
    if (decoded === null) return fail('EMPTY');
    return { ok: true, ...decoded };
  } finally {
    await file.close();
  }
}
