/**
 * CSV records (RFC 4180: quoted fields, "" escapes, CRLF, line breaks inside quotes) from a
 * stream of decoded text, as arrays of fields. Written for throughput: a case export has
 * millions of rows and csv-parse reaches about a third of what PostgreSQL's COPY takes, so
 * unquoted lines (nearly all of them) are split with indexOf/split, and only lines with a
 * quote go through the quote-aware path. Records come in batches, one per input chunk.
 */
export async function* csvRecords(text: AsyncIterable<string>): AsyncGenerator<string[][]> {
  let rest = '';
  for await (const chunk of text) {
    const data = rest + chunk;
    const batch: string[][] = [];
    let start = 0;
    // The next quote in the chunk, found once: searching from every line would scan to the end
    // of the chunk for each line when it has no quote at all.
    let quote = data.indexOf('"');
    for (;;) {
      if (quote >= 0 && quote < start) quote = data.indexOf('"', start);
      const end = recordEnd(data, start, quote);
      if (end < 0) break;
      pushRecord(batch, data, start, end, quote >= 0 && quote < end);
      start = end + 1;
    }
    rest = data.slice(start);
    if (batch.length > 0) yield batch;
  }
  if (rest.length > 0) {
    if (quoteCount(rest, 0, rest.length) % 2 === 1)
      throw new Error('the file ends inside a quoted field (a " is not closed)');
    const batch: string[][] = [];
    pushRecord(batch, rest, 0, rest.length, rest.includes('"'));
    if (batch.length > 0) yield batch;
  }
}

/** Index of the newline ending the record that starts at `start`, or -1 if it is incomplete. */
function recordEnd(data: string, start: number, quote: number): number {
  let nl = data.indexOf('\n', start);
  if (nl < 0) return -1;
  if (quote < 0 || quote > nl) return nl;
  // A quote in this line: extend the line until its quotes balance.
  let quotes = quoteCount(data, start, nl);
  while (quotes % 2 === 1) {
    const next = data.indexOf('\n', nl + 1);
    if (next < 0) return -1;
    quotes += quoteCount(data, nl + 1, next);
    nl = next;
  }
  return nl;
}

function quoteCount(data: string, from: number, to: number): number {
  let n = 0;
  for (let i = data.indexOf('"', from); i >= 0 && i < to; i = data.indexOf('"', i + 1)) n += 1;
  return n;
}

/** The record between `start` and `end`; `quoted` when a quote stands in it (found by the caller). */
function pushRecord(
  batch: string[][],
  data: string,
  start: number,
  end: number,
  quoted: boolean,
): void {
  let stop = end;
  if (stop > start && data.charCodeAt(stop - 1) === 13) stop -= 1; // CRLF
  if (stop === start) return; // empty line
  const line = data.slice(start, stop);
  batch.push(quoted ? splitQuoted(line) : line.split(','));
}

function splitQuoted(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) throw new Error(`a quoted field is not closed: ${line.slice(0, 80)}`);
        value += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i >= line.length) return fields;
      if (line.charCodeAt(i) !== 44)
        throw new Error(`text after a closing quote: ${line.slice(0, 80)}`);
      i += 1;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/**
 * UTF-8 bytes to text, keeping characters split across chunks whole and dropping a BOM.
 * TextDecoder rather than StringDecoder: it decodes the Chinese-heavy exports about a third
 * faster, which matters at millions of rows.
 */
export async function* utf8Text(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}
