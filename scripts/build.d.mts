// Types of scripts/build.mjs (plain JavaScript: bin/gongkai imports it without tsx).
export interface BuildOutput {
  imports?: Array<{ path: string; kind: string; external?: boolean }>;
}
export declare const entryPoints: () => string[];
export declare function isStale(): boolean;
export declare function undeclaredImports(outputs: Record<string, BuildOutput>, dependencies: Set<string>): string[];
export declare function build(opts?: { quiet?: boolean }): Promise<{ files: number; ms: number }>;
export declare function ensureBuilt(): Promise<void>;
export declare function swapIn(
  tmp: string,
  dist: string,
  fs?: {
    renameSync: (from: string, to: string) => void;
    rmSync: (p: string, opts: { recursive: boolean; force: boolean }) => void;
  },
): void;
