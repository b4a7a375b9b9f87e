/**
 * `npm run -s admin:first -- --username <name> --full-name "<Họ và tên>" [--email <address>]`; in the production
 * image `node dist/src/admin-first.js --username … --full-name "…"` (it lives in src/ so the image compiles it).
 *
 * First start in production: creates the first administrator when none exists, and refuses (exit code 2) once one
 * does. Runs pending migrations first (DATABASE_MIGRATION_URL, else DATABASE_URL), so it works before the service
 * has ever started. Prints the username and a one-time password on stdout: the administrator changes it at the
 * first login (/can-bo/dang-nhap) and then enrols an authenticator app (two-factor is required for administrators).
 */
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from './config/app-config';
import { runMigrations } from './platform/database/migrate';
import { createFirstAdmin } from './identity/accounts/first-admin';
import { StaffAccountEntity } from './identity/staff/staff-account.entity';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, 'full-name': { type: 'string' }, email: { type: 'string' } },
  });
  if (!values.username || !values['full-name']) {
    console.error('usage: npm run -s admin:first -- --username <name> --full-name "<full name>" [--email <address>]');
    return 64;
  }
  const config = loadConfig();
  if (!config.databaseUrl) {
    console.error('DATABASE_URL is not set: run the command in the environment of the service');
    return 1;
  }
  await runMigrations(config.databaseMigrationUrl ?? config.databaseUrl);
  const dataSource = await new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    entities: [StaffAccountEntity],
  }).initialize();
  try {
    const outcome = await createFirstAdmin(dataSource, {
      username: values.username.trim().toLowerCase(),
      fullName: values['full-name'],
      email: values.email,
    });
    if (!outcome.created) {
      console.error(`refused: ${outcome.reason}`);
      return 2;
    }
    process.stdout.write(`username: ${outcome.username}\n`);
    process.stdout.write(`one-time password: ${outcome.oneTimePassword}\n`);
    console.error(
      `Log in at ${config.publicBaseUrl}/can-bo/dang-nhap: you will choose a new password and enrol an authenticator app.`,
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
