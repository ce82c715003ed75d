/** @deprecated Moved to `platform/views/id-proof-field.tsx` (the limit: `requests/id-proof-limit.ts`); kept only for the console's request pages until their imports are updated. */
import type { Db } from '../../platform/db/schema.js';
import { idProofLimitMb as limitMb } from '../../requests/id-proof-limit.js';

export { IdProofField, readApplicationUpload, uploadedProofs } from '../../platform/views/id-proof-field.js';

/** @deprecated Use `idProofLimitMb(ctx)` of `requests/id-proof-limit.ts`. */
export const idProofLimitMb = (db: Db): Promise<number> => limitMb({ db });
