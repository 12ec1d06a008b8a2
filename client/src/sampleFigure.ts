/**
 * Where the walkthrough's hover step puts the cursor in the sample report: on the body's figure
 * that disagrees with the 民生实事清单 (20个 against 25个). Pure, so a test checks it against
 * samples/示例报告.txt.
 */
export const SAMPLE_FILE = '示例报告.txt';

const FIGURE_CONTEXT = '改造提升公办养老机构';
const FIGURE = '20个';

/** The offset of the figure in the sample's text, or -1 if the sample was edited away from it. */
export function sampleFigureOffset(text: string): number {
  const at = text.indexOf(FIGURE_CONTEXT + FIGURE);
  return at < 0 ? -1 : at + FIGURE_CONTEXT.length;
}
