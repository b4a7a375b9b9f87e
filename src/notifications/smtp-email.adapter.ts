import { createTransport, Transporter } from 'nodemailer';
import { EmailMessage, EmailSender, PermanentDeliveryError } from './delivery-channels.port';

/**
 * E-mail over SMTP with nodemailer: `SMTP_URL` is `smtp://[user:password@]host:port` (STARTTLS when the relay offers
 * it) or `smtps://…` (TLS from the start). The same adapter talks to the sandbox mailbox's embedded SMTP server.
 */
export class SmtpEmailSender implements EmailSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    timeoutMs = 15000,
  ) {
    const url = new URL(smtpUrl);
    this.transport = createTransport({
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(message: EmailMessage): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.id}@tro-cap-that-nghiep>`,
        textEncoding: 'base64',
      });
    } catch (error) {
      const e = error as { responseCode?: number; message?: string };
      // 5xx on the recipient or the message: the relay will never take it.
      if (e.responseCode && e.responseCode >= 550 && e.responseCode < 560)
        throw new PermanentDeliveryError(`SMTP ${e.responseCode}: ${e.message}`);
      throw error;
    }
  }

  close(): void {
    this.transport.close();
  }
}
