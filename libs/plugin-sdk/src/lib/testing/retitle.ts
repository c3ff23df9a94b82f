import { readFileSync } from 'node:fs';

import { Workbook } from 'exceljs';

/**
 * An ok fixture as another office would print it: `from` replaced by `to` in the text cells of
 * every sheet's first `titleRows` rows (the title rows that carry the region), the rest and the
 * merges kept. For the specs that give an adapter a place of another province.
 */
export async function retitledWorkbook(
  path: string,
  from: string,
  to: string,
  titleRows = 3,
): Promise<Uint8Array> {
  const workbook = new Workbook();
  const file = readFileSync(path);
  await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
  for (const sheet of workbook.worksheets) {
    for (let row = 1; row <= titleRows; row += 1) {
      sheet.getRow(row).eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = cell.value.split(from).join(to);
      });
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
