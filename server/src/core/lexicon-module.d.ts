/** The compiled word list (server/lexicon/build.mjs), a virtual module of the bundler and of vitest. */
declare module 'wengao-lexicon' {
  const compiled: string;
  export default compiled;
}
