/** The documents this library issues; each has one template under templates/documents/<kind>.template.txt. */
export const DOCUMENT_KINDS = [
  'decision-approval',
  'decision-refusal',
  'receipt',
  'supplement-request',
  'intake-refusal',
  'decision-suspension',
  'decision-resumption',
  'decision-termination',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}
