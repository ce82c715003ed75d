/**
 * `Content-Disposition: attachment` for a download with a Chinese file name: the name in UTF-8
 * (`filename*`, RFC 6266/5987) and an ASCII stand-in (`filename`) for clients that read only that.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
