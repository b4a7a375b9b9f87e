import { Client } from 'minio';
import { Readable } from 'node:stream';
import { ObjectStore } from './object-store.port';

export interface S3Settings {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
}

/** The S3 API through the MinIO client: the same code talks to MinIO in production and s3rver when embedded. */
export class S3ObjectStore implements ObjectStore {
  private readonly client: Client;

  constructor(private readonly settings: S3Settings) {
    const url = new URL(settings.endpoint);
    this.client = new Client({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
      useSSL: url.protocol === 'https:',
      accessKey: settings.accessKey,
      secretKey: settings.secretKey,
      pathStyle: true,
      region: 'us-east-1',
    });
  }

  async ensureBucket(): Promise<void> {
    if (!(await this.client.bucketExists(this.settings.bucket))) {
      await this.client.makeBucket(this.settings.bucket, 'us-east-1');
    }
  }

  async put(key: string, body: Buffer, contentType: string, metadata: Record<string, string> = {}): Promise<void> {
    await this.client.putObject(this.settings.bucket, key, body, body.length, {
      'Content-Type': contentType,
      ...metadata,
    });
  }

  async get(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.stream(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  stream(key: string): Promise<Readable> {
    return this.client.getObject(this.settings.bucket, key);
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.statObject(this.settings.bucket, key);
      return true;
    } catch (error: unknown) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'NotFound' || code === 'NoSuchKey') return false;
      throw error;
    }
  }

  async ping(): Promise<void> {
    await this.client.bucketExists(this.settings.bucket);
  }
}
