/**
 * Which files are reports, said once: the extensions (as a test, a glob for watchers and file
 * searches), the languages of open documents, and a path relative to a folder as globs and
 * ignore entries spell it. The CLI's walk, the config's include/exclude, the server's index and
 * watch, and the client's selector and Targets view all take them from here.
 */
import * as path from 'path';

const TEXT_EXTENSIONS = ['txt', 'md', 'markdown'];
/** Text formats, and the formats read into text by `formats/` (.docx, .pdf). */
const EXTENSIONS = [...TEXT_EXTENSIONS, 'docx', 'pdf'];

/** Reports that are text, which an editor opens as documents. */
const TEXT_REPORT = new RegExp(`\\.(?:${TEXT_EXTENSIONS.join('|')})$`, 'i');

/** Report files by extension: what folders are searched for when no include globs say otherwise. */
export const REPORT_EXTENSIONS = new RegExp(`\\.(?:${EXTENSIONS.join('|')})$`, 'i');

/** The same as one glob per extension: the workspace index's default include. */
export const REPORT_INCLUDE = EXTENSIONS.map((e) => `**/*.${e}`);

/** The same as a glob, for file watchers and file searches. */
export const REPORT_GLOB = `**/*.{${EXTENSIONS.join(',')}}`;

/** The languages of open documents that are reports (the client's selector). */
export const REPORT_LANGUAGES = ['plaintext', 'markdown', 'wengao-report'];

/** What a client may call them besides: 'text', Neovim's name for plain text. */
const OTHER_NAMES = ['text'];

/** Whether an open document is a report: by its language, or else by its file's extension. */
export function isReportDocument(uri: string, languageId: string): boolean {
  return REPORT_LANGUAGES.includes(languageId) || OTHER_NAMES.includes(languageId) || TEXT_REPORT.test(uri);
}

/** `file` relative to `folder`, with '/' on every platform, as globs and ignore entries are written ("../" when outside). */
export function relativeTo(folder: string, file: string): string {
  return path.relative(folder, path.resolve(file)).split(path.sep).join('/');
}
