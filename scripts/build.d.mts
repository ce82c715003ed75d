// Types of scripts/build.mjs (plain JavaScript: bin/gongkai imports it without tsx).
export declare const sourceFiles: () => string[];
export declare function isStale(): boolean;
export declare function undeclaredImports(dir: string, dependencies: Set<string>): string[];
export declare function build(opts?: { quiet?: boolean }): Promise<{ files: number; ms: number }>;
export declare function ensureBuilt(): Promise<void>;
