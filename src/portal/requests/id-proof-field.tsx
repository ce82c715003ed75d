/** @deprecated Moved to `platform/views/id-proof-field.tsx`; re-exported only for the console's request pages until their imports are updated. */
export { IdProofField, idProofLimitMb, readApplicationUpload, uploadedProofs } from '../../platform/views/id-proof-field.js';
