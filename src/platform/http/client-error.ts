/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a URL or headers over the size limit,
 * malformed requests, timeouts) answered with a short Chinese page instead of Fastify's English JSON.
 */
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';

const PAGES: Record<number, [reason: string, title: string, text: string]> = {
  400: ['Bad Request', '请求无效', '浏览器发送的请求无法识别。请返回首页重新操作。'],
  408: ['Request Timeout', '请求超时', '请求等待时间过长，已中止。请检查网络后重试。'],
  431: [
    'Request Header Fields Too Large',
    '网址或请求过长',
    '您访问的网址或浏览器发送的信息过长，无法处理。请返回首页，通过菜单或搜索重新查找；如问题持续，可清除本网站的 Cookie 后重试。',
  ],
};

/** The status Node's parser error maps to (431 for a URL or headers too large). */
export function clientErrorStatus(err: Error & { code?: string }): number {
  if (err.code === 'HPE_HEADER_OVERFLOW') return 431;
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/** The short page of a status (PAGES), and its reason phrase. */
function page(status: number): { reason: string; body: string } {
  const [reason, title, text] = PAGES[status] ?? PAGES[400]!;
  return {
    reason,
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">返回首页</a></p></main></body></html>`,
  };
}

/** Fastify `clientErrorHandler`: writes the Chinese page and closes the connection. */
export function chineseClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) return;
  const status = clientErrorStatus(err);
  const { reason, body } = page(status);
  const bytes = Buffer.byteLength(body);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${bytes}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Fastify `frameworkErrors`: a URL Fastify cannot decode (`/%`, a cut UTF-8 sequence) or a path parameter
 * over its length limit, before any route or hook: the same Chinese page (the API: `{ errors }`).
 */
export function chineseFrameworkError(_err: Error, req: FastifyRequest, reply: FastifyReply): void {
  if (req.url.startsWith('/api/'))
    void reply.code(400).send({ errors: [{ code: 'bad_url', message: '网址无效，无法识别。' }] });
  else void reply.code(400).type('text/html; charset=utf-8').send(page(400).body);
}
