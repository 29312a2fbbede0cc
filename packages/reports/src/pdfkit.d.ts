/**
 * The part of pdfkit 0.20 the dossier uses. pdfkit ships no types, and the only typings package
 * (@types/pdfkit) trails the library; these few declarations are checked against its source.
 */
declare module 'pdfkit' {
  import type { EventEmitter } from 'node:events';

  interface PDFMargins {
    top: number;
    bottom: number;
    left: number;
    right: number;
  }

  interface PDFDocumentOptions {
    size?: string | [number, number];
    margins?: PDFMargins;
    bufferPages?: boolean;
    autoFirstPage?: boolean;
    /** The initial font (a path or the font file's bytes); without it pdfkit loads Helvetica, which cannot write ő or ű. */
    font?: string | Buffer;
    lang?: string;
    displayTitle?: boolean;
    info?: { Title?: string; Author?: string; Subject?: string; Creator?: string; Producer?: string; CreationDate?: Date };
  }

  interface PDFTextOptions {
    width?: number;
    height?: number;
    align?: 'left' | 'center' | 'right' | 'justify';
    indent?: number;
    paragraphGap?: number;
    lineGap?: number;
    continued?: boolean;
    lineBreak?: boolean;
  }

  interface PDFPage {
    width: number;
    height: number;
    margins: PDFMargins;
  }

  class PDFDocument extends EventEmitter {
    constructor(options?: PDFDocumentOptions);
    x: number;
    y: number;
    page: PDFPage;
    registerFont(name: string, src: string | Buffer): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    text(text: string, options?: PDFTextOptions): this;
    text(text: string, x: number, y: number, options?: PDFTextOptions): this;
    heightOfString(text: string, options?: PDFTextOptions): number;
    widthOfString(text: string, options?: PDFTextOptions): number;
    dash(length: number, options?: { space?: number }): this;
    undash(): this;
    moveDown(lines?: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    rect(x: number, y: number, width: number, height: number): this;
    stroke(): this;
    fill(color?: string): this;
    save(): this;
    restore(): this;
    addPage(): this;
    bufferedPageRange(): { start: number; count: number };
    switchToPage(index: number): this;
    end(): void;
  }

  export default PDFDocument;
}
