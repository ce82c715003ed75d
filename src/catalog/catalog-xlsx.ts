/** The catalogue export as XLSX: the same columns as the CSV, dates as real dates, printed on A4 landscape. */
import { tableXlsx } from '../platform/office/xlsx-table.js';

/**
 * A sheet of the catalogue table (header row first, as `staffCatalogRows` gives it): columns whose header
 * ends with 日期 hold dates (yyyy-mm-dd), long texts wrap in columns of a fitting width, the header row
 * repeats on every printed page. The importer reads the dates back (catalog/import-file.ts).
 */
export const catalogXlsx = (table: readonly string[][]): Promise<Buffer> => tableXlsx(table, '公开目录');
