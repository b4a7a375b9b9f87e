import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NotificationPreferenceEntity } from '../../src/notifications/notification-preference.entity';
import { NotificationEntity } from '../../src/notifications/notification.entity';
import { NotificationRepository } from '../../src/notifications/notification.repository';
import { createTestDatabase } from '../support/database';

/**
 * NotificationRepository on PostgreSQL with the real migrations, as the service's least-privileged role: the
 * records keep their shape (timestamps as RFC 3339 UTC strings with milliseconds, as PostgreSQL formats them), a
 * dedupe key queues once, a sent notification is never marked failed afterwards, preferences are created and replaced.
 */
describe('NotificationRepository (PostgreSQL)', () => {
  let dataSource: DataSource;
  let repository: NotificationRepository;

  beforeAll(async () => {
    const { appUrl } = await createTestDatabase();
    dataSource = await new DataSource({
      type: 'postgres',
      url: appUrl,
      entities: [NotificationEntity, NotificationPreferenceEntity],
    }).initialize();
    repository = new NotificationRepository(
      dataSource.getRepository(NotificationEntity),
      dataSource.getRepository(NotificationPreferenceEntity),
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  const email = (personalId: string, dedupeKey: string | null = null) => ({
    id: randomUUID(),
    personalId,
    dossierId: null,
    channel: 'email' as const,
    template: 'filed',
    recipient: 'ban@example.vn',
    subject: 'Hồ sơ đã được nộp',
    body: 'Xin chào bạn',
    encoding: null,
    segments: null,
    dedupeKey,
  });

  /** The instant as the API shows it, formatted by PostgreSQL itself (independent of the repository's mapping). */
  async function formatted(id: string, column: 'created_at' | 'sent_at'): Promise<string | null> {
    const [row] = (await dataSource.query(
      `SELECT to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM notification WHERE id = $1`,
      [id],
    )) as { at: string | null }[];
    return row.at;
  }

  it('queues once per dedupe key and reads the record back in its API shape', async () => {
    const first = email('079190000001', `test:${randomUUID()}`);
    expect(await dataSource.transaction((em) => repository.insert(em, first))).toBe(true);
    const again = { ...first, id: randomUUID() };
    expect(await dataSource.transaction((em) => repository.insert(em, again))).toBe(false);
    expect(await repository.find(again.id)).toBeUndefined();

    expect(await repository.find(first.id)).toEqual({
      id: first.id,
      personalId: first.personalId,
      dossierId: null,
      channel: 'email',
      template: 'filed',
      recipient: 'ban@example.vn',
      subject: 'Hồ sơ đã được nộp',
      body: 'Xin chào bạn',
      encoding: null,
      segments: null,
      status: 'queued',
      attempts: 0,
      lastError: null,
      createdAt: await formatted(first.id, 'created_at'),
      sentAt: null,
    });
  });

  it('records a retry, then the delivery; a later failure does not undo a sent notification', async () => {
    const n = email('079190000002');
    await dataSource.transaction((em) => repository.insert(em, n));

    await repository.markFailure(n.id, 1, 'x'.repeat(1500), false);
    const retrying = await repository.find(n.id);
    expect(retrying).toMatchObject({ status: 'retrying', attempts: 1, sentAt: null });
    expect(retrying?.lastError).toHaveLength(1000);

    await repository.markSent(n.id, 2);
    const sent = await repository.find(n.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(sent?.sentAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(sent?.sentAt).toBe(await formatted(n.id, 'sent_at'));

    await repository.markFailure(n.id, 3, 'late timeout', true);
    expect(await repository.find(n.id)).toEqual(sent);

    const failing = email('079190000002');
    await dataSource.transaction((em) => repository.insert(em, failing));
    await repository.markFailure(failing.id, 5, 'mailbox unavailable', true);
    expect(await repository.find(failing.id)).toMatchObject({ status: 'failed', lastError: 'mailbox unavailable' });
  });

  it("lists only the person's notifications, newest first, up to the limit", async () => {
    const personalId = '079190000003';
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const n = email(personalId);
      await dataSource.transaction((em) => repository.insert(em, n));
      await dataSource.query(`UPDATE notification SET created_at = now() - make_interval(mins => $2) WHERE id = $1`, [
        n.id,
        10 - i,
      ]);
      ids.push(n.id);
    }
    await dataSource.transaction((em) => repository.insert(em, email('079190000004')));

    const listed = await repository.forPerson(personalId, 2);
    expect(listed.map((n) => n.id)).toEqual([ids[2], ids[1]]);
    expect(listed[0].createdAt).toBe(await formatted(ids[2], 'created_at'));
    expect((await repository.forPerson(personalId, 10)).map((n) => n.id)).toEqual([ids[2], ids[1], ids[0]]);
  });

  it('creates and replaces preferences, read with or without a transaction', async () => {
    const personalId = '079190000005';
    expect(await repository.preferences(personalId)).toBeUndefined();

    await repository.savePreferences(personalId, { email: false, sms: true, smsUnaccented: null });
    expect(await repository.preferences(personalId)).toEqual({ email: false, sms: true, smsUnaccented: null });

    await repository.savePreferences(personalId, { email: true, sms: false, smsUnaccented: true });
    const inTransaction = await dataSource.transaction((em) => repository.preferences(personalId, em));
    expect(inTransaction).toEqual({ email: true, sms: false, smsUnaccented: true });
  });
});
