/** The identity-proof size limit as staff set it and forms state it (whole MB). */
import type { Ctx } from '../platform/context.js';
import { idProofLimit } from './identity-proofs.js';

/** The size limit per identity-proof file, in MB (the settings page and the registration form's hint). */
export const idProofLimitMb = async (ctx: Pick<Ctx, 'db'>): Promise<number> =>
  Math.floor((await idProofLimit(ctx.db)) / 1048576);
