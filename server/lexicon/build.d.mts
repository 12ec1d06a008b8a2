/** Types of build.mjs, for the test set-up. */
export declare function compileLexicon(dict: string): string;
export declare function lexiconText(): string;
export declare function writeLexicon(file: string): void;
