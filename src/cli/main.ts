// The `gongkai` command (bin/gongkai runs its compiled form; `node --import tsx src/cli/main.ts` the sources).
import { buildProgram } from './commands.js';

await (await buildProgram(process.argv.slice(2))).parseAsync(process.argv);
