import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { AppError } from './errors/app-error';

/** Reads the first sheet of an .xlsx or a .csv (UTF-8, with or without BOM) into rows of text cells. */
export async function readTable(file: { buffer: Buffer; originalname?: string; mimetype?: string }): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const isZip = file.buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  try {
    if (isZip) {
      await workbook.xlsx.load(file.buffer as unknown as ArrayBuffer);
    } else if (/\.csv$/i.test(file.originalname ?? '') || /csv|text\/plain/.test(file.mimetype ?? '')) {
      const text = file.buffer.toString('utf8').replace(/^\uFEFF/, '');
      // Identity map: keep every cell as written ("0101" must not become 101, a phone must not become a number).
      await workbook.csv.read(Readable.from([text]), { map: (value: unknown) => value, parserOptions: { delimiter: ',' } } as never);
    } else {
      throw new AppError('UNSUPPORTED_MEDIA', '请上传 .xlsx 或 .csv 文件');
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IMPORT_INVALID', '文件无法读取，请确认是 .xlsx 或 UTF-8 编码的 .csv');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map(cellText));
  });
  return rows;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const v = value as { text?: string; result?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return String(v.result);
    if (value instanceof Date) return value.toISOString();
  }
  return String(value);
}
