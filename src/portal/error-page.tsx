import type { ViewCtx } from '../platform/http/types.js';
import type { FieldError } from '../platform/errors.js';
import type { Resubmit as ResubmitData } from '../platform/http/expired-form.js';
import { PortalLayout } from '../platform/views/portal-layout.js';
import { ErrorBody, errorTitle } from '../platform/views/error-page.js';

/** A Chinese error page (403, 404, 500 …) in the portal layout; an expired form can be submitted again. */
export function PortalErrorPage({
  view,
  status,
  errors,
  resubmit,
}: {
  view: ViewCtx;
  status: number;
  errors: FieldError[];
  resubmit?: ResubmitData | null;
}) {
  const title = errorTitle(status, resubmit);
  return (
    <PortalLayout view={view} title={title}>
      <h1>{title}</h1>
      <ErrorBody view={view} status={status} errors={errors} resubmit={resubmit} />
    </PortalLayout>
  );
}
