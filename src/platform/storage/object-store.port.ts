import { Readable } from 'node:stream';

export const OBJECT_STORE = Symbol('OBJECT_STORE');

/** Where attachments and signed documents live. Production: MinIO; embedded: s3rver. Always the S3 API. */
export interface ObjectStore {
  put(key: string, body: Buffer, contentType: string, metadata?: Record<string, string>): Promise<void>;
  get(key: string): Promise<Buffer>;
  stream(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Throws when the store cannot be reached; used by /health/ready. */
  ping(): Promise<void>;
}
