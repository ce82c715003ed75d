import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(import.meta.url);

/** The nearest folder above `dir` holding package.json and public/. */
function findRoot(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'package.json')) && existsSync(path.join(d, 'public'))) return d;
    if (path.dirname(d) === d) throw new Error(`Gongkai: no package root (package.json and public/) above ${dir}`);
  }
}

/**
 * The root of the installed package or the checkout (package.json, public/, and dist/ or src/). Found
 * from this code's own location, wherever the build placed it, and never from the working directory.
 */
export const PACKAGE_ROOT = findRoot(path.dirname(HERE));

/** Where the running code lives: dist/ when compiled, src/ when the sources run through tsx. */
export const CODE_DIR = path.join(PACKAGE_ROOT, /\.tsx?$/.test(HERE) ? 'src' : 'dist');
