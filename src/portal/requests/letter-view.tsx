/** @deprecated Moved to `platform/views/letter-view.tsx`; re-exported only for the console's request page until its import is updated. */
export { LetterDocument } from '../../platform/views/letter-view.js';
