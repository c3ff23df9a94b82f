import { csvRecords } from './csv-records';

async function* pieces(...parts: string[]): AsyncGenerator<string> {
  yield* parts;
}

async function all(...parts: string[]): Promise<string[][]> {
  const out: string[][] = [];
  for await (const batch of csvRecords(pieces(...parts))) out.push(...batch);
  return out;
}

describe('CSV records', () => {
  it('splits plain lines, CRLF and a last line without a newline', async () => {
    expect(await all('a,b,c\r\n1,2,3\n', '4,5', ',6')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('reads quoted fields with commas, "" escapes and line breaks, across chunk boundaries', async () => {
    expect(await all('x,"a,b","say ""hi""\n', 'there",y\n', '"",z\n')).toEqual([
      ['x', 'a,b', 'say "hi"\nthere', 'y'],
      ['', 'z'],
    ]);
  });

  it('names an unclosed quote at the end of the file', async () => {
    await expect(all('a,"b\n')).rejects.toThrow(/ends inside a quoted field/);
  });
});
