import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Multipart } from '@fastify/multipart';
import { FastifyRequest } from 'fastify';
import { DomainError } from '../platform/errors/domain-error';
import { Upload } from './attachments.service';

/**
 * Reads a multipart body with one `file` part and a `kind` field. Size (10 MiB), emptiness and type are judged
 * by the attachments service; a body that is not multipart, or a file over the limit, is a 400 naming the field.
 */
export const UploadedFile = createParamDecorator(async (_data: unknown, context: ExecutionContext): Promise<Upload> => {
  const request = context
    .switchToHttp()
    .getRequest<FastifyRequest & { isMultipart?: () => boolean; parts?: () => AsyncIterable<Multipart> }>();
  if (!request.isMultipart?.()) {
    throw DomainError.validation([
      {
        field: 'file',
        code: 'multipart_required',
        message: 'Cần gửi tệp theo dạng multipart/form-data (trường "file").',
      },
    ]);
  }
  let kind: string | undefined;
  let file: { fileName: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts!()) {
      if (part.type === 'file') {
        const bytes: Buffer = await part.toBuffer();
        if (part.fieldname === 'file' && !file) file = { fileName: part.filename ?? 'tep', bytes };
      } else if (part.fieldname === 'kind') {
        kind = String(part.value);
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw DomainError.validation([{ field: 'file', code: 'too_large', message: 'Tệp vượt quá 10 MB.' }]);
    }
    throw DomainError.validation([
      { field: 'file', code: 'invalid_multipart', message: 'Không đọc được tệp gửi lên.' },
    ]);
  }
  const errors = [];
  if (!file) errors.push({ field: 'file', code: 'required', message: 'Cần chọn tệp để tải lên.' });
  if (!kind) errors.push({ field: 'kind', code: 'required', message: 'Cần chọn loại giấy tờ.' });
  if (errors.length) throw DomainError.validation(errors);
  return { kind: kind!, fileName: file!.fileName, bytes: file!.bytes };
});
