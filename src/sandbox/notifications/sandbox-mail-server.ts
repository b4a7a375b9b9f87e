import { Injectable, Logger, OnApplicationShutdown, OnModuleInit, Inject } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { SandboxNotificationsRepository } from './sandbox-notifications.repository';

export const SANDBOX_SMTP_PORT = Symbol('SANDBOX_SMTP_PORT');

/** The most a sandbox message may weigh. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * The sandbox mailbox's SMTP server (smtp-server, no TLS, no authentication, on 127.0.0.1 only): every message it
 * accepts is parsed with mailparser and kept in `sandbox_mail`, shown at /sandbox/mailbox. The service sends to it
 * over real SMTP with the same adapter it uses for a real relay.
 */
@Injectable()
export class SandboxMailServer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('sandbox-mail');
  private server?: SMTPServer;

  constructor(
    private readonly received: SandboxNotificationsRepository,
    @Inject(SANDBOX_SMTP_PORT) private readonly port: number,
  ) {}

  async onModuleInit(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      banner: 'SANDBOX mailbox',
      size: MAX_MESSAGE_BYTES,
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
            callback(Object.assign(new Error('message too large'), { responseCode: 552 }));
            return;
          }
          const raw = Buffer.concat(chunks);
          this.store(
            raw,
            session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            session.envelope.rcptTo.map((r) => r.address),
          )
            .then(() => callback())
            .catch((e: Error) => callback(Object.assign(e, { responseCode: 451 })));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.logger.log(`SANDBOX mailbox: SMTP on 127.0.0.1:${this.port}, messages at /sandbox/mailbox`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }

  private async store(raw: Buffer, from: string | null, to: string[]): Promise<void> {
    const parsed = await simpleParser(raw);
    await this.received.addMail({
      from,
      to,
      subject: parsed.subject ?? null,
      text: (parsed.text ?? '').normalize('NFC'),
      rawSize: raw.length,
    });
  }
}
