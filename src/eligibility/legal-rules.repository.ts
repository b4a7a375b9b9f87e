import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isIsoDate, todayInVietnam } from '../calendar/iso-date';
import { DomainError, FieldError } from '../platform/errors/domain-error';
import { LegalParameterEntity } from './legal-parameter.entity';
import {
  KNOWN_PARAMETER_KEYS,
  LegalParameterRow,
  LegalRules,
  ZONED_PARAMETER_KEYS,
  ZONES,
  Zone,
} from './domain/legal-rules';

/** A stored legal figure with its audit columns. */
export interface StoredLegalParameter extends LegalParameterRow {
  id: string;
  createdAt: string;
  createdBy: string;
}

/** The effective-dated legal figures in table `legal_parameter`. Rows are only ever added, never edited. */
@Injectable()
export class LegalRulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async loadRules(): Promise<LegalRules> {
    return new LegalRules(await this.listParameters());
  }

  async listParameters(): Promise<StoredLegalParameter[]> {
    const records = await this.dataSource.getRepository(LegalParameterEntity).find({
      order: { key: 'ASC', zone: { direction: 'ASC', nulls: 'FIRST' }, effectiveFrom: 'ASC' },
    });
    return records.map(toStored);
  }

  /**
   * Adds a figure that takes effect in the future (effectiveFrom after today in Vietnam): past results never change.
   * Throws DomainError.validation for a bad row and DomainError.conflict when the key/zone/date already exists.
   */
  async addParameter(
    row: LegalParameterRow,
    actor: string,
    today: string = todayInVietnam(),
    em: EntityManager = this.dataSource.manager,
  ): Promise<StoredLegalParameter> {
    const errors = validateNewRow(row, today);
    if (!actor || !actor.trim())
      errors.push({ field: 'actor', code: 'required', message: 'Cần ghi rõ người thêm số liệu.' });
    if (errors.length > 0) throw DomainError.validation(errors);
    try {
      const values = {
        key: row.key,
        zone: row.zone,
        value: String(row.value),
        effectiveFrom: row.effectiveFrom,
        legalBasis: row.legalBasis.trim(),
        createdBy: actor,
      };
      const { generatedMaps } = await em.getRepository(LegalParameterEntity).insert(values);
      const generated = generatedMaps[0] as Pick<LegalParameterEntity, 'id' | 'createdAt'>;
      return toStored({ ...values, id: generated.id, createdAt: generated.createdAt });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw DomainError.conflict(
          `Tham số "${row.key}"${row.zone ? ` vùng ${row.zone}` : ''} đã có giá trị hiệu lực từ ${row.effectiveFrom}.`,
        );
      }
      throw error;
    }
  }
}

function validateNewRow(row: LegalParameterRow, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!KNOWN_PARAMETER_KEYS.includes(row.key)) {
    errors.push({ field: 'key', code: 'invalid_value', message: 'Tham số không có trong danh mục.' });
  } else if (ZONED_PARAMETER_KEYS.includes(row.key) && !ZONES.includes(row.zone as Zone)) {
    errors.push({ field: 'zone', code: 'required', message: 'Cần chọn vùng I, II, III hoặc IV.' });
  } else if (!ZONED_PARAMETER_KEYS.includes(row.key) && row.zone !== null) {
    errors.push({ field: 'zone', code: 'invalid_value', message: 'Tham số này không phân theo vùng.' });
  }
  if (!Number.isSafeInteger(row.value) || row.value < 0) {
    errors.push({ field: 'value', code: 'invalid_number', message: 'Giá trị phải là số nguyên không âm.' });
  }
  if (!isIsoDate(row.effectiveFrom)) {
    errors.push({
      field: 'effectiveFrom',
      code: 'invalid_date',
      message: 'Ngày hiệu lực không hợp lệ, cần định dạng YYYY-MM-DD.',
    });
  } else if (row.effectiveFrom <= today) {
    errors.push({
      field: 'effectiveFrom',
      code: 'not_in_future',
      message: 'Ngày hiệu lực phải sau ngày hôm nay; không được thay đổi số liệu đã áp dụng.',
    });
  }
  if (typeof row.legalBasis !== 'string' || !row.legalBasis.trim()) {
    errors.push({ field: 'legalBasis', code: 'required', message: 'Cần ghi căn cứ pháp lý (số hiệu văn bản).' });
  }
  return errors;
}

function toStored(record: LegalParameterEntity): StoredLegalParameter {
  return {
    id: String(record.id),
    key: record.key,
    zone: record.zone,
    value: Number(record.value),
    effectiveFrom: record.effectiveFrom,
    legalBasis: record.legalBasis,
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
  };
}
