import { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'tctn_app';

/**
 * After the decision: what the provincial social insurance office pays, and what the service tells the citizen.
 * - `api_client.scope` gains `social_insurance`: the office's client may only report payments.
 * - `benefit_payment`: one row per dossier and benefit month, `pending` from the approval (the month is expected),
 *   then `paid` or `failed` as the office reports; a failed month goes back to `pending` when the citizen corrects
 *   the account and the office is asked again.
 * - `social_insurance_payment_report`: every report the office sent, as sent, keyed by its own report id (a repeat
 *   is answered from here); append-only.
 * - `payment_account_change`: the citizen's corrections of the payment account (the current account is the latest
 *   row, else the application's); append-only.
 * - `notification`: every e-mail and SMS the service sent or tried to send, with its text and delivery status.
 * - `notification_preference`: a citizen's channels (no row: e-mail when the dossier has an address, SMS always).
 * - `sandbox_*`: state of the sandbox office, mailbox and SMS gateway (not used outside sandbox mode).
 */
export class PaymentsAndNotifications1765400000000 implements MigrationInterface {
  name = 'PaymentsAndNotifications1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_client DROP CONSTRAINT IF EXISTS api_client_scope_check`);
    await q.query(
      `ALTER TABLE api_client ADD CONSTRAINT api_client_scope_check CHECK (scope IN ('portal', 'social_insurance'))`,
    );

    await q.query(`
      CREATE TABLE benefit_payment (
        dossier_id uuid NOT NULL REFERENCES dossier (id),
        dossier_code text NOT NULL,
        personal_id text NOT NULL,
        month integer NOT NULL CHECK (month BETWEEN 1 AND 36),
        period_from date NOT NULL,
        period_to date NOT NULL,
        amount bigint NOT NULL CHECK (amount >= 0),
        status text NOT NULL CHECK (status IN ('pending', 'paid', 'failed')),
        paid_at date,
        failure_reason text,
        last_report_id text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dossier_id, month),
        CHECK ((status = 'paid') = (paid_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX benefit_payment_code_idx ON benefit_payment (dossier_code, month)`);

    await q.query(`
      CREATE TABLE social_insurance_payment_report (
        report_id text PRIMARY KEY,
        client_id text NOT NULL,
        dossier_id uuid NOT NULL REFERENCES dossier (id),
        month integer NOT NULL,
        body_sha256 text NOT NULL,
        body jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX social_insurance_payment_report_dossier_idx ON social_insurance_payment_report (dossier_id, month)`);

    await q.query(`
      CREATE TABLE payment_account_change (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier (id),
        account jsonb NOT NULL,
        retry_months integer[] NOT NULL DEFAULT '{}',
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX payment_account_change_dossier_idx ON payment_account_change (dossier_id, id)`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY,
        personal_id text NOT NULL,
        dossier_id uuid REFERENCES dossier (id),
        channel text NOT NULL CHECK (channel IN ('email', 'sms')),
        template text NOT NULL,
        dedupe_key text UNIQUE,
        recipient text NOT NULL,
        subject text,
        body text NOT NULL,
        encoding text CHECK (encoding IN ('gsm7', 'ucs2')),
        segments integer,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'retrying', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_person_idx ON notification (personal_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE notification_preference (
        personal_id text PRIMARY KEY,
        email boolean NOT NULL,
        sms boolean NOT NULL,
        sms_unaccented boolean,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE sandbox_social_insurance_event (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        personal_id text NOT NULL,
        dossier_code text NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        deliveries integer NOT NULL DEFAULT 1,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE sandbox_social_insurance_payment (
        report_id text PRIMARY KEY,
        dossier_code text NOT NULL,
        month integer NOT NULL,
        attempt integer NOT NULL,
        status text NOT NULL,
        reported boolean NOT NULL DEFAULT false,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (dossier_code, month, attempt)
      )`);
    await q.query(`
      CREATE TABLE sandbox_mail (
        id bigserial PRIMARY KEY,
        mail_from text,
        rcpt_to text[] NOT NULL,
        subject text,
        text_body text,
        raw_size integer NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE sandbox_sms (
        id bigserial PRIMARY KEY,
        message_id text NOT NULL UNIQUE,
        recipient text NOT NULL,
        text text NOT NULL,
        encoding text,
        segments integer,
        deliveries integer NOT NULL DEFAULT 1,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Append-only records: the app role reads and adds, nothing else.
    await q.query(
      `REVOKE UPDATE, DELETE, TRUNCATE ON social_insurance_payment_report, payment_account_change FROM ${APP_ROLE}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'sandbox_sms',
      'sandbox_mail',
      'sandbox_social_insurance_payment',
      'sandbox_social_insurance_event',
      'notification_preference',
      'notification',
      'payment_account_change',
      'social_insurance_payment_report',
      'benefit_payment',
    ])
      await q.query(`DROP TABLE ${table}`);
    await q.query(`DELETE FROM api_client WHERE scope = 'social_insurance'`);
    await q.query(`ALTER TABLE api_client DROP CONSTRAINT IF EXISTS api_client_scope_check`);
    await q.query(`ALTER TABLE api_client ADD CONSTRAINT api_client_scope_check CHECK (scope IN ('portal'))`);
  }
}
