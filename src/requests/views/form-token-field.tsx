/**
 * The application forms' one-time key: a random id rendered with the page and stored with the application
 * it sends (`requests.form_key`), so a form sent twice — the page refreshed after submitting, a double
 * click — is refused as the application it already is. Named like a token, so the expired-form page does
 * not list it.
 */
import { randomUUID } from 'node:crypto';

/** The hidden field; a new key each time the page is rendered. */
export const FormTokenField = () => <input type="hidden" name="formToken" value={randomUUID()} />;
