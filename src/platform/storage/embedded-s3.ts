import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { S3Settings } from './s3-object-store.adapter';

/** What this module uses of s3rver, which has no type declarations. */
interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: {
  port: number;
  address: string;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}) => S3rverServer;

/** A local S3-compatible server (s3rver) keeping objects on disk, for the embedded default. */
export interface EmbeddedS3 {
  settings: S3Settings;
  stop(): Promise<void>;
}

export async function startEmbeddedS3(directory: string, bucket = 'tro-cap-that-nghiep'): Promise<EmbeddedS3> {
  mkdirSync(directory, { recursive: true });
  // s3rver has no type declarations.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const S3rver = require('s3rver') as S3rverClass;
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  return {
    settings: { endpoint: `http://127.0.0.1:${address.port}`, accessKey: 'S3RVER', secretKey: 'S3RVER', bucket },
    stop: () => server.close(),
  };
}
