/** How an attachment is described to a citizen before they download it: its type and size (pure). */

const TYPES: Array<[RegExp, string]> = [
  [/\.pdf$/i, 'PDF'],
  [/\.(docx?|wps|odt)$/i, 'Word'],
  [/\.(xlsx?|et|ods|csv)$/i, 'Excel'],
  [/\.(pptx?|dps|odp)$/i, '演示文稿'],
  [/\.(jpe?g|png|gif|webp|bmp|tiff?)$/i, '图片'],
  [/\.(zip|rar|7z)$/i, '压缩包'],
  [/\.(txt)$/i, '文本'],
  [/\.(ofd)$/i, 'OFD'],
];

/** `PDF`, `Word`, `图片` … from the file name (then the MIME type), or the extension in capitals. */
export function attachmentType(filename: string, mime: string): string {
  for (const [re, label] of TYPES) if (re.test(filename)) return label;
  if (mime === 'application/pdf') return 'PDF';
  if (mime.startsWith('image/')) return '图片';
  const ext = /\.([A-Za-z0-9]{1,6})$/.exec(filename)?.[1];
  return ext ? ext.toUpperCase() : '文件';
}

/** `856 KB`, `2.4 MB`: a size a person can read. */
export function readableSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `（PDF，2.4 MB）` */
export const attachmentLabel = (a: { filename: string; mime: string; size: number }): string =>
  `（${attachmentType(a.filename, a.mime)}，${readableSize(a.size)}）`;
