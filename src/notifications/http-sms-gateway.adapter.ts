import { PermanentDeliveryError, SmsGateway, SmsMessage } from './delivery-channels.port';

/**
 * POSTs `{messageId, to, text, encoding, segments}` as JSON to `SMS_GATEWAY_URL` with `Idempotency-Key: <messageId>`
 * (or to the sandbox gateway served by this process). 2xx: accepted; 400/422: the gateway will never take it
 * (a bad number); anything else is retried.
 */
export class HttpSmsGateway implements SmsGateway {
  constructor(
    readonly url: string,
    private readonly timeoutMs = 10000,
  ) {}

  async send(message: SmsMessage, signal: AbortSignal): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': message.id, accept: 'application/json' },
      body: JSON.stringify({
        messageId: message.id,
        to: message.to,
        text: message.text,
        encoding: message.encoding,
        segments: message.segments,
      }),
      signal: AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]),
      redirect: 'error',
    });
    const text = await response.text().catch(() => '');
    if (response.ok) return;
    const error = `SMS gateway HTTP ${response.status}${text ? `: ${text.slice(0, 300)}` : ''}`;
    if (response.status === 400 || response.status === 422) throw new PermanentDeliveryError(error);
    throw new Error(error);
  }
}
