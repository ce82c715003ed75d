import { extractLegacyStats, type LegacyExtracted } from './legacy-extract.rules.js';
import { readGrids, UnreadableReport } from './read-grids.js';

/** Fewer figure rows than this and the document is not taken for a 统计表. */
const MIN_ROWS = 10;

/**
 * Reads a pre-2019 《政府信息公开情况统计表》 from a published report (HTML, DOCX, XLSX or tab-separated
 * text) with the checker's readers. Never throws for bad input: returns the reason in Chinese instead.
 */
export async function readLegacyStats(buf: Buffer, name: string): Promise<LegacyExtracted | { error: string }> {
  try {
    const { grids } = await readGrids(buf, name);
    const ex = extractLegacyStats(grids);
    if (ex.found < MIN_ROWS)
      return { error: `文件中未找到《政府信息公开情况统计表》（仅识别出 ${ex.found} 行统计指标）。` };
    return ex;
  } catch (e) {
    return { error: e instanceof UnreadableReport ? e.message : '文件无法读取：内容已损坏或格式不正确。' };
  }
}
