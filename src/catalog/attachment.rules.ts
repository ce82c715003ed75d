/**
 * Attachments of catalogue items (条例第二十四条: the platform offers 检索、查阅、下载).
 * The type is decided from the content, never the name: a file whose name claims another type
 * (a forged type) is refused. Allowed: PDF, OFD, DOC/DOCX, XLS/XLSX, WPS, images, ZIP.
 */
import type { FieldError } from '../platform/errors.js';

/** Kinds we accept, keyed by the detected content kind, with the filename extensions each may carry. */
export const ATTACHMENT_KINDS: Readonly<Record<string, { label: string; mime: string; exts: readonly string[] }>> = {
  pdf: { label: 'PDF', mime: 'application/pdf', exts: ['pdf'] },
  ofd: { label: 'OFD', mime: 'application/ofd', exts: ['ofd'] },
  docx: {
    label: 'Word（DOCX）',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    exts: ['docx'],
  },
  xlsx: {
    label: 'Excel（XLSX）',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    exts: ['xlsx'],
  },
  cfb: { label: 'DOC / XLS / WPS', mime: 'application/octet-stream', exts: ['doc', 'xls', 'wps', 'et', 'dps'] },
  png: { label: 'PNG 图片', mime: 'image/png', exts: ['png'] },
  jpg: { label: 'JPEG 图片', mime: 'image/jpeg', exts: ['jpg', 'jpeg'] },
  gif: { label: 'GIF 图片', mime: 'image/gif', exts: ['gif'] },
  webp: { label: 'WebP 图片', mime: 'image/webp', exts: ['webp'] },
  zip: { label: 'ZIP 压缩包', mime: 'application/zip', exts: ['zip'] },
};

/** What content sniffing found: the file-type extension (or null) and, for ZIPs, whether OFD.xml is inside. */
export interface Sniffed {
  ext: string | null;
  zipHasOfdXml?: boolean;
  /** It starts as a PDF or an image but does not open: cut short, malformed, or a picture too large to show. */
  damaged?: boolean;
}

/** The extension of a filename, lower case ('' when none). */
export const extOf = (filename: string): string => {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(filename.trim());
  return m ? (m[1] as string).toLowerCase() : '';
};

/** Decides the kind of an upload from its sniffed content, name and size; or a Chinese field error. */
export function classifyAttachment(
  filename: string,
  size: number,
  sniffed: Sniffed,
  limitBytes: number,
): { kind: string; mime: string } | FieldError {
  const field = 'file';
  if (size === 0) return { code: 'attachment_empty', message: `文件“${filename}”是空文件。`, field };
  if (size > limitBytes)
    return {
      code: 'attachment_too_large',
      message: `文件“${filename}”超过 ${Math.floor(limitBytes / 1048576)} MB 的大小限制。`,
      field,
    };
  let kind = sniffed.ext;
  if (kind === 'jpeg') kind = 'jpg';
  if (kind === 'zip' && sniffed.zipHasOfdXml) kind = 'ofd';
  const spec = kind ? ATTACHMENT_KINDS[kind] : undefined;
  if (sniffed.damaged)
    return {
      code: 'attachment_damaged',
      message: `文件“${filename}”已损坏或不完整（或图片尺寸过大），无法打开。请检查文件后重新上传。`,
      field,
    };
  if (!kind || !spec) {
    return {
      code: 'attachment_type_unsupported',
      message: `文件“${filename}”的类型不受支持。可上传 PDF、OFD、DOC/DOCX、XLS/XLSX、WPS、图片或 ZIP。`,
      field,
    };
  }
  const ext = extOf(filename);
  if (!spec.exts.includes(ext)) {
    return {
      code: 'attachment_type_mismatch',
      message: `文件“${filename}”的扩展名与内容不符：内容实际为 ${spec.label}。请检查文件后重新上传。`,
      field,
    };
  }
  return { kind, mime: spec.mime };
}
