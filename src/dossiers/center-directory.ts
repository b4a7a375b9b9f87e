import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A public employment service center as administered (docs/centers-and-signers.md). */
export interface AdministeredCenter {
  code: string;
  name: string;
  provinceName: string;
  address: string;
  phone: string;
  hours: string;
  /** Commune codes (xã/phường/đặc khu) the center serves. */
  communes: string[];
  active: boolean;
  closedAt: string | null;
  closedReason: string | null;
  successorCode: string | null;
}

export type CenterFields = Omit<AdministeredCenter, 'code' | 'active' | 'closedAt' | 'closedReason' | 'successorCode'>;

const COLUMNS = `code, name, province_name AS "provinceName", address, phone, hours, communes, active,
  to_char(closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "closedAt",
  closed_reason AS "closedReason", successor_code AS "successorCode"`;

/** Statuses after the decision in which the center still has work on a dossier (returning the result). */
const AWAITING_RETURN = ['APPROVED', 'DENIED'];

/**
 * The dossiers module's write port on `service_center` and on which center a dossier belongs to: the
 * administration module (src/organisation) calls it inside its own transaction.
 */
@Injectable()
export class CenterDirectory {
  constructor(private readonly dataSource: DataSource) {}

  private db(em?: EntityManager) {
    return em ?? this.dataSource.manager;
  }

  list(em?: EntityManager): Promise<AdministeredCenter[]> {
    return this.db(em).query(`SELECT ${COLUMNS} FROM service_center ORDER BY active DESC, code`);
  }

  /** The center, locked for the rest of the transaction when `lock` is set. */
  async find(code: string, em?: EntityManager, lock = false): Promise<AdministeredCenter | undefined> {
    const [row] = await this.db(em).query(
      `SELECT ${COLUMNS} FROM service_center WHERE code = $1${lock ? ' FOR UPDATE' : ''}`,
      [code],
    );
    return row;
  }

  /** Inserts a center; false when the code is taken. */
  async insert(em: EntityManager, code: string, f: CenterFields): Promise<boolean> {
    const rows = await em.query(
      `INSERT INTO service_center (code, name, province_name, address, phone, hours, communes)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [code, f.name, f.provinceName, f.address, f.phone, f.hours, f.communes],
    );
    return rows.length > 0;
  }

  async update(em: EntityManager, code: string, f: CenterFields): Promise<void> {
    await em.query(
      `UPDATE service_center SET name = $2, province_name = $3, address = $4, phone = $5, hours = $6, communes = $7,
         updated_at = now() WHERE code = $1`,
      [code, f.name, f.provinceName, f.address, f.phone, f.hours, f.communes],
    );
  }

  /** Active centers other than `except` that already serve one of `communes` (a commune has one center). */
  async communeOwners(
    em: EntityManager,
    communes: string[],
    except: string,
  ): Promise<{ code: string; commune: string }[]> {
    if (!communes.length) return [];
    return em
      .query(
        `SELECT code, unnest(communes) AS commune FROM service_center
       WHERE active AND code <> $1 AND communes && $2::text[]`,
        [except, communes],
      )
      .then((rows: { code: string; commune: string }[]) => rows.filter((r) => communes.includes(r.commune)));
  }

  /** Closes a center: inactive, with when, why and where its work went; its communes go to the successor. */
  async close(em: EntityManager, code: string, successor: string, reason: string, at: Date): Promise<void> {
    await em.query(
      `UPDATE service_center s SET communes = ARRAY(SELECT DISTINCT unnest(s.communes || c.communes) ORDER BY 1),
         updated_at = now()
       FROM service_center c WHERE s.code = $2 AND c.code = $1`,
      [code, successor],
    );
    await em.query(
      `UPDATE service_center SET active = false, closed_at = $2, closed_reason = $3, successor_code = $4,
         communes = '{}', updated_at = now() WHERE code = $1`,
      [code, at, reason, successor],
    );
  }

  /**
   * Moves the center's unfinished dossiers to another center: open ones, decided ones whose result is still to be
   * returned, and those of `withBenefit` (a benefit still running). Returns what moved.
   */
  async moveDossiers(
    em: EntityManager,
    from: string,
    to: string,
    withBenefit: string[],
  ): Promise<{ id: string; code: string; status: string }[]> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [rows]: [{ id: string; code: string; status: string }[], number] = await em.query(
      `UPDATE dossier SET center_code = $2, updated_at = now()
       WHERE center_code = $1 AND (is_open OR status = ANY($3::text[]) OR id = ANY($4::uuid[]))
       RETURNING id, code, status`,
      [from, to, AWAITING_RETURN, withBenefit],
    );
    return rows;
  }

  /** Centers inserted at start (sandbox): created when absent, never overwriting what an administrator changed. */
  async seed(
    centers: {
      code: string;
      name: string;
      provinceName: string;
      address?: string;
      phone?: string;
      hours?: string;
      communes?: readonly string[];
    }[],
  ): Promise<void> {
    for (const c of centers) {
      await this.dataSource.query(
        `INSERT INTO service_center (code, name, province_name, address, phone, hours, communes)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (code) DO UPDATE SET communes = EXCLUDED.communes
           WHERE service_center.communes = '{}' AND service_center.active`,
        [c.code, c.name, c.provinceName, c.address ?? '', c.phone ?? '', c.hours ?? '', [...(c.communes ?? [])]],
      );
    }
  }
}
