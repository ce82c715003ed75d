import type { ViewCtx } from '../platform/http/types.js';
import type { FieldError } from '../platform/errors.js';
import type { Resubmit as ResubmitData } from '../platform/http/expired-form.js';
import { ErrorBody, errorTitle } from '../platform/views/error-page.js';
import { ConsoleLayout } from '../console/layout.js';
import { PortalErrorPage } from '../portal/error-page.js';

/** The app's error pages: in the console layout under /console, in the portal layout elsewhere. */
export function ErrorPage({
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
  if (!view.path.startsWith('/console'))
    return <PortalErrorPage view={view} status={status} errors={errors} resubmit={resubmit} />;
  return (
    <ConsoleLayout view={view} title={errorTitle(status, resubmit)}>
      <ErrorBody view={view} status={status} errors={errors} resubmit={resubmit} />
    </ConsoleLayout>
  );
}
