import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { sql } from '../platform/database/sql';
import { ServiceCenterEntity } from './service-center.entity';

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

/** A center as a dossier's documents and views name it. */
export interface CenterRecord {
  code: string;
  name: string;
  provinceName: string;
  address: string;
}

/** A center as the public directory shows it: where to go, whom to call, when. */
export type PublicCenter = Omit<AdministeredCenter, 'active' | 'closedAt' | 'closedReason' | 'successorCode'>;

/** Statuses after the decision in which the center still has work on a dossier (returning the result). */
const AWAITING_RETURN = ['APPROVED', 'DENIED'];

/**
 * The one owner of `service_center` and of which center a dossier belongs to: the public directory, the lookups of
 * filing and of the documents (through DossierReader), and the write port the administration module
 * (src/organisation) calls inside its own transaction.
 */
@Injectable()
export class CenterDirectory {
  constructor(private readonly dataSource: DataSource) {}

  private repository(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(ServiceCenterEntity);
  }

  async list(em?: EntityManager): Promise<AdministeredCenter[]> {
    const rows = await this.repository(em).find({ order: { active: 'DESC', code: 'ASC' } });
    return rows.map(administered);
  }

  /** The center, locked for the rest of the transaction when `lock` is set (then `em` is the transaction's). */
  async find(code: string, em?: EntityManager, lock = false): Promise<AdministeredCenter | undefined> {
    const row = await this.repository(em).findOne({
      where: { code },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? administered(row) : undefined;
  }

  /** The center as a dossier's documents and views name it. */
  async summary(code: string, em?: EntityManager): Promise<CenterRecord | undefined> {
    const row = await this.repository(em).findOneBy({ code });
    return row ? { code: row.code, name: row.name, provinceName: row.provinceName, address: row.address } : undefined;
  }

  /** Whether the center takes dossiers (the filing's first statement, kept as the filing bench measures it). */
  async takesDossiers(code: string): Promise<boolean> {
    const row = await sql.one(this.dataSource, `SELECT 1 FROM service_center WHERE code = $1 AND active`, [code]);
    return row !== undefined;
  }

  /** The public directory: the centers that take dossiers (phone and hours empty when not known). */
  async publicDirectory(): Promise<PublicCenter[]> {
    const rows = await this.repository().find({ where: { active: true }, order: { code: 'ASC' } });
    return rows.map(({ code, name, provinceName, address, phone, hours, communes }) => ({
      code,
      name,
      provinceName,
      address,
      phone,
      hours,
      communes,
    }));
  }

  /** The first center that takes dossiers (where a dossier transferred from another province starts). */
  async firstActive(em: EntityManager): Promise<string | undefined> {
    const row = await this.repository(em).findOne({ where: { active: true }, order: { code: 'ASC' } });
    return row?.code;
  }

  /** Inserts a center; false when the code is taken. */
  async insert(em: EntityManager, code: string, f: CenterFields): Promise<boolean> {
    const rows = await sql.rows<{ code: string }>(
      em,
      `INSERT INTO service_center (code, name, province_name, address, phone, hours, communes)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [code, f.name, f.provinceName, f.address, f.phone, f.hours, f.communes],
    );
    return rows.length > 0;
  }

  async update(em: EntityManager, code: string, f: CenterFields): Promise<void> {
    await this.repository(em).update(
      { code },
      {
        name: f.name,
        provinceName: f.provinceName,
        address: f.address,
        phone: f.phone,
        hours: f.hours,
        communes: f.communes,
        updatedAt: () => 'now()',
      },
    );
  }

  /** Active centers other than `except` that already serve one of `communes` (a commune has one center). */
  async communeOwners(
    em: EntityManager,
    communes: string[],
    except: string,
  ): Promise<{ code: string; commune: string }[]> {
    if (!communes.length) return [];
    const rows = await sql.rows<{ code: string; commune: string }>(
      em,
      `SELECT code, unnest(communes) AS commune FROM service_center
       WHERE active AND code <> $1 AND communes && $2::text[]`,
      [except, communes],
    );
    return rows.filter((r) => communes.includes(r.commune));
  }

  /** Closes a center: inactive, with when, why and where its work went; its communes go to the successor. */
  async close(em: EntityManager, code: string, successor: string, reason: string, at: Date): Promise<void> {
    await sql.run(
      em,
      `UPDATE service_center s SET communes = ARRAY(SELECT DISTINCT unnest(s.communes || c.communes) ORDER BY 1),
         updated_at = now()
       FROM service_center c WHERE s.code = $2 AND c.code = $1`,
      [code, successor],
    );
    await this.repository(em).update(
      { code },
      {
        active: false,
        closedAt: at,
        closedReason: reason,
        successorCode: successor,
        communes: [],
        updatedAt: () => 'now()',
      },
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
    return sql.rows<{ id: string; code: string; status: string }>(
      em,
      `UPDATE dossier SET center_code = $2, updated_at = now()
       WHERE center_code = $1 AND (is_open OR status = ANY($3::text[]) OR id = ANY($4::uuid[]))
       RETURNING id, code, status`,
      [from, to, AWAITING_RETURN, withBenefit],
    );
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
      await sql.run(
        this.dataSource,
        `INSERT INTO service_center (code, name, province_name, address, phone, hours, communes)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (code) DO UPDATE SET communes = EXCLUDED.communes
           WHERE service_center.communes = '{}' AND service_center.active`,
        [c.code, c.name, c.provinceName, c.address ?? '', c.phone ?? '', c.hours ?? '', [...(c.communes ?? [])]],
      );
    }
  }
}

function administered(c: ServiceCenterEntity): AdministeredCenter {
  return {
    code: c.code,
    name: c.name,
    provinceName: c.provinceName,
    address: c.address,
    phone: c.phone,
    hours: c.hours,
    communes: c.communes,
    active: c.active,
    closedAt: c.closedAt?.toISOString() ?? null,
    closedReason: c.closedReason,
    successorCode: c.successorCode,
  };
}
