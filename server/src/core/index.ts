/** The pure analysis core: no editor, no LSP, no file system. */
export * from './analyze';
export * from './findings';
export * from './model';
export * from './outline';
export * from './text';
export * from './decode';
export * from './locale';
export * from './config';
export * from './suppress';
export { globProblem } from './globs';
export { CHECKS, CROSS_CHECKS, LOCAL_CHECKS } from './checks';
export type { Heading, HeadingForm } from './headings';
export * from './figures';
export * from './consistency/index';
export * from './consistency/keys';
export * from './consistency/entry';
export * from './consistency/compare';
export * from './rules';
