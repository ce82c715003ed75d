import type { FastifyReply } from 'fastify';
import { contentDisposition } from './content-disposition.js';

/** Sends a file only its reader may see (an ID proof, a staff copy): its own type, never sniffed, never cached. */
export function sendPrivateFile(
  reply: FastifyReply,
  f: { mime: string; filename: string; data: Buffer },
): FastifyReply {
  return reply
    .header('content-type', f.mime)
    .header('content-disposition', contentDisposition(f.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(f.data);
}
