// The little of pdfkit the test helper uses (it ships no types of its own).
declare module 'pdfkit' {
  export default class PDFDocument {
    constructor(options?: { size?: string; margin?: number; autoFirstPage?: boolean; userPassword?: string; ownerPassword?: string });
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    addPage(): this;
    registerFont(name: string, font: Buffer | string, family?: string): this;
    font(name: string): this;
    fontSize(size: number): this;
    text(text: string, x: number, y: number, options?: { lineBreak?: boolean }): this;
    widthOfString(text: string): number;
    end(): void;
  }
}
