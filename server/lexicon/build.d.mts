/** Types of build.mjs, for vitest.config.mts. */
export declare const LEXICON_MODULE: string;
export declare function compileLexicon(dict: string): string;
export declare function lexiconText(): string;
export declare const lexiconEsbuildPlugin: { name: string; setup(build: unknown): void };
export declare const lexiconVitePlugin: { name: string; resolveId(id: string): string | undefined; load(id: string): string | undefined };
