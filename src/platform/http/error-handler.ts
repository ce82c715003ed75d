/**
 * What a failed request gets: the not-found page and the error handler, with Chinese messages; a page for
 * a browser, `{ errors }` for JSON. Unhandled errors are logged (with or without the access log).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicActor } from '../context.js';
import { clockFor } from '../clock.js';
import { isAppError, type FieldError } from '../errors.js';
import { validationMessages, type SchemaError } from './validation-messages.js';
import { resubmittable } from './expired-form.js';
import { readAsUploadForm, uploadForm } from './upload-form.js';
import type { ServerDeps } from './server.js';
import type { ViewCtx } from './types.js';

/** True when the request expects JSON rather than a page. */
export const wantsJson = (req: FastifyRequest): boolean =>
  req.url.startsWith('/api/') || (req.headers.accept ?? '').startsWith('application/json');

/** Installs the not-found page and the error handler on the app. */
export function installErrorHandlers(app: FastifyInstance, deps: ServerDeps): void {
  app.setNotFoundHandler((req, reply) => {
    const errors = [{ code: 'not_found', message: '您访问的页面不存在。' }];
    if (wantsJson(req)) return reply.status(404).send({ errors });
    return reply.page(deps.errorPage(safeView(reply, req, deps), 404, errors), 404);
  });

  app.setErrorHandler((error, req, reply) => {
    let status = 500;
    let errors: FieldError[] = [
      { code: 'internal_error', message: '系统出现错误，请稍后重试。如问题持续，请联系管理员。' },
    ];
    if (isAppError(error)) {
      status = error.status;
      errors = error.errors;
    } else {
      const e = error as { statusCode?: number; code?: string; validation?: SchemaError[] };
      if (e.validation) {
        status = 400;
        errors = validationMessages(e.validation);
      } else if (
        e.statusCode === 413 ||
        e.code === 'FST_REQ_FILE_TOO_LARGE' ||
        e.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ) {
        status = 413;
        errors = [{ code: 'body_too_large', message: '提交的内容过大，超过了允许的上限。' }];
      } else if (e.code?.startsWith('FST_CSRF')) {
        status = 403;
        errors = [{ code: 'csrf_invalid', message: '表单已过期或来源无效，请刷新页面后重新提交。' }];
        const upload = readAsUploadForm(req) ? uploadForm(req) : null;
        const again = wantsJson(req) ? null : resubmittable(req, deps.config.publicUrl, upload);
        if (again) {
          errors = [
            {
              code: 'form_expired',
              message: '页面已过期：为了安全，表单有时效。您填写的内容已保留，请核对后点击“重新提交”。',
            },
          ];
          return reply
            .header('cache-control', 'no-store')
            .page(deps.errorPage(safeView(reply, req, deps), status, errors, again), status);
        }
      } else if (e.statusCode === 429) {
        status = 429;
        errors = [{ code: 'rate_limited', message: '操作过于频繁，请稍后再试。' }];
      } else if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
        status = e.statusCode;
        errors = [{ code: 'bad_request', message: '请求无效。' }];
      } else {
        req.log.error({ err: error }, 'unhandled error');
        if (deps.config.env !== 'production' && deps.config.logLevel === 'silent') console.error(error);
      }
    }
    if (status === 401 && !wantsJson(req))
      return reply.redirect(`/console/login?next=${encodeURIComponent(req.url)}`, 303);
    if (wantsJson(req)) return reply.status(status).send({ errors });
    return reply.page(deps.errorPage(safeView(reply, req, deps), status, errors), status);
  });
}

/** The view of a page, or a minimal one when the request failed before it had one. */
function safeView(reply: FastifyReply, req: FastifyRequest, deps: ServerDeps): ViewCtx {
  try {
    return reply.view();
  } catch {
    return {
      actor: req.actor ?? publicActor(null),
      csrf: '',
      path: req.url,
      url: req.url,
      elder: false,
      hant: false,
      flash: null,
      siteName: deps.siteName(),
      now: (deps.now ?? clockFor(deps.config))(),
    };
  }
}
