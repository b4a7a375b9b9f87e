/** A parsed document template (see templates/documents/README.md for the text format). */

export type IssuedBy = 'authority' | 'center';

export interface TemplateMeta {
  /** Document type abbreviation in the number, e.g. "QĐ" → "Số: 123/QĐ-SNV". */
  readonly code: string;
  readonly issuedBy: IssuedBy;
}

/** One source line of template text, kept with its line number for error messages. */
export interface TemplateLine {
  readonly text: string;
  readonly lineNumber: number;
}

export type TextBlockType = 'title' | 'heading' | 'basis' | 'paragraph' | 'fields' | 'recipients' | 'signature';

export interface BlockOptions {
  /** Render the block only when this field is truthy (non-zero, non-empty). */
  readonly if?: string;
  readonly italic?: boolean;
  readonly bold?: boolean;
  readonly center?: boolean;
}

export interface TextBlock {
  readonly type: TextBlockType;
  readonly options: BlockOptions;
  readonly lines: readonly TemplateLine[];
}

export interface ListBlock {
  readonly type: 'list';
  readonly options: BlockOptions;
  /** Field holding an array; each element is available as `item`. */
  readonly source: string;
  readonly lines: readonly TemplateLine[];
}

export interface TableBlock {
  readonly type: 'table';
  readonly options: BlockOptions;
  /** Field holding an array; each element is available as `row`. */
  readonly source: string;
  readonly header: readonly string[];
  readonly cells: readonly TemplateLine[];
  /** Relative column widths. */
  readonly widths: readonly number[];
}

export interface PageBreakBlock {
  readonly type: 'page-break';
  readonly options: BlockOptions;
}

export type TemplateBlock = TextBlock | ListBlock | TableBlock | PageBreakBlock;

export interface DocumentTemplate {
  readonly name: string;
  readonly meta: TemplateMeta;
  readonly blocks: readonly TemplateBlock[];
}
