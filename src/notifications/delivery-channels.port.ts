/** Delivery failures a retry cannot fix (a malformed address): the notification fails at once. */
export class PermanentDeliveryError extends Error {}

export interface EmailMessage {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** The mail relay (`SMTP_URL`). Resolves when the relay accepted the message; throws otherwise. */
export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
  close?(): void;
}

export interface SmsMessage {
  /** Our notification id: the gateway's idempotency key. */
  readonly id: string;
  /** Vietnamese mobile number as the citizen gave it (e.g. 0912345678). */
  readonly to: string;
  readonly text: string;
  readonly encoding: 'gsm7' | 'ucs2';
  readonly segments: number;
}

/** The SMS gateway (`SMS_GATEWAY_URL`). Resolves when the gateway accepted the message; throws otherwise. */
export interface SmsGateway {
  send(message: SmsMessage, signal: AbortSignal): Promise<void>;
}

export const EMAIL_SENDER = Symbol('EMAIL_SENDER');
export const SMS_GATEWAY = Symbol('SMS_GATEWAY');
