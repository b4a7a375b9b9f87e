import type { FastifyReply } from 'fastify';
import { ReportFile } from './export/report-file';

/** Sets the download headers of a rendered report and returns its body for Nest to send. */
export function sendReportFile(reply: FastifyReply, file: ReportFile): Buffer | string {
  void reply.header('content-type', file.contentType);
  if (file.disposition) void reply.header('content-disposition', `${file.disposition}; filename="${file.fileName}"`);
  void reply.header('cache-control', 'no-store');
  return file.body;
}
