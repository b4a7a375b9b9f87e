/** A template cannot be parsed or refers to a field the data does not have. */
export class TemplateError extends Error {
  constructor(
    readonly templateName: string,
    readonly lineNumber: number | undefined,
    detail: string,
  ) {
    super(`${templateName}${lineNumber === undefined ? '' : `:${lineNumber}`}: ${detail}`);
    this.name = 'TemplateError';
  }
}
