/**
 * @deprecated Moved: the fields to `platform/views/message-form.tsx`, the schema to
 * `interaction/message-form.schemas.ts`. Kept only for the console's registration page
 * (console/interaction/messages-list-routes.tsx) until its imports are updated; delete then.
 */
import { str } from '../../platform/http/form.js';
import type { MessageFormValues } from '../../interaction/message-form.schemas.js';

export { MessageFields, type MessageFormValues } from '../../platform/views/message-form.js';

/** @deprecated The console's untyped reading of the form; the portal reads the typed body (`messageValues`). */
export function messageFromBody(b: unknown): MessageFormValues {
  const org = str(b, 'orgId');
  return {
    orgId: /^\d{1,9}$/.test(org) ? Number(org) : undefined,
    type: str(b, 'type'),
    subject: str(b, 'subject'),
    content: str(b, 'content'),
    name: str(b, 'name'),
    phone: str(b, 'phone'),
    email: str(b, 'email'),
    address: str(b, 'address'),
    publishConsent: str(b, 'publishConsent') === '1',
  };
}
