/**
 * @deprecated Moved: the fields to `platform/views/application-form.tsx`, the schema to
 * `requests/application-form.schemas.ts`. Kept only for the console's registration page
 * (console/requests/request-new-routes.tsx) until its imports are updated; delete then.
 */
import { intOrUndef, str } from '../../platform/http/form.js';
import type { ApplicationInput } from '../../requests/applicant.rules.js';
import type { ApplicationFormValues } from '../../requests/application-form.schemas.js';

export { ApplicationFields, type ApplicationFormValues } from '../../platform/views/application-form.js';

const KEYS = ['applicantType', 'orgKind', 'name', 'idType', 'idNumber', 'legalRep', 'contactName', 'phone', 'email', 'address', 'postcode', 'infoTitle', 'infoRef', 'infoDescription', 'form', 'delivery'] as const;

/** @deprecated The console's untyped reading of the form; the portal reads the typed body (`applicationValues`). */
export function applicationFromBody(b: unknown): ApplicationFormValues {
  const v = Object.fromEntries(KEYS.map((k) => [k, str(b, k)])) as unknown as ApplicationInput;
  return { ...v, orgId: intOrUndef(b, 'orgId') };
}
