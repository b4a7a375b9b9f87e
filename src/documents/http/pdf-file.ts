import { StreamableFile } from '@nestjs/common';
import type { DocumentFile } from '../services/document-access.service';

/** The signed bytes as they were stored, as a PDF download. */
export function pdfFile(file: DocumentFile): StreamableFile {
  return new StreamableFile(file.bytes, {
    type: 'application/pdf',
    length: file.bytes.length,
    disposition: `attachment; filename="${file.fileName}"`,
  });
}
