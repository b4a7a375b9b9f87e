import type { DateRange, DecisionFigures, DocumentData, DocumentHolder, NoticeWords } from '../document-data.types';
import type { DocumentKind } from '../document-kind';
import type { IsoDate } from '../formatting/vietnamese-date.formatter';
import { formatShortDate } from '../formatting/vietnamese-date.formatter';
import type { IssuerProfile } from '../issuer-profile.types';
import type { TemplateMeta } from '../templates/document-template.types';
import { printedNumber } from '../domain/issued-kind';

/** The header of a document as printed (Nghị định 30/2020, Phụ lục I). */
export interface DocumentHeader {
  readonly parentAuthority: string;
  readonly authority: string;
  /** "Số: 123/QĐ-SNV". */
  readonly numberLine: string;
  /** Place name before ", ngày ... tháng ... năm ...". */
  readonly place: string;
  readonly issuedAt: Date;
}

export interface ScheduleRow {
  readonly month: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly notice: string;
}

/** Everything a template can refer to: the kind's data plus issuer, signer and computed fields. */
export interface DocumentViewModel {
  readonly header: DocumentHeader;
  readonly scope: Readonly<Record<string, unknown>>;
}

function salutation(holder: DocumentHolder): string {
  if (holder.sex === 'male') return 'Ông';
  if (holder.sex === 'female') return 'Bà';
  return 'Ông/Bà';
}

function noticeText(notice: IsoDate | DateRange | NoticeWords): string {
  if (typeof notice === 'string') return `Ngày ${formatShortDate(notice)}`;
  if ('words' in notice) return notice.words;
  if (notice.from === notice.to) return `Ngày ${formatShortDate(notice.from)}`;
  return `Từ ${formatShortDate(notice.from)} đến ${formatShortDate(notice.to)}`;
}

/** Pairs each benefit month with its notice date(s) for the appendix table. */
export function buildNoticeSchedule(decision: DecisionFigures): ScheduleRow[] {
  if (decision.noticeDates.length !== decision.periods.length) {
    throw new RangeError(
      `noticeDates (${decision.noticeDates.length}) must have one entry per benefit period (${decision.periods.length})`,
    );
  }
  return decision.periods.map((period, index) => ({
    month: String(index + 1).padStart(2, '0'),
    from: period.from,
    to: period.to,
    notice: noticeText(decision.noticeDates[index]),
  }));
}

function normalizeStrings<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => normalizeStrings(item)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalizeStrings(item)])) as T;
  }
  return value;
}

export function buildDocumentViewModel<K extends DocumentKind>(
  kind: K,
  meta: TemplateMeta,
  rawData: DocumentData<K>,
  rawIssuer: IssuerProfile,
): DocumentViewModel {
  const data = normalizeStrings(rawData) as DocumentData;
  const issuer = normalizeStrings(rawIssuer);
  const center = issuer.center ?? {
    name: issuer.authorityFullName,
    headerName: issuer.authority,
    symbol: issuer.symbol,
    signerTitle: issuer.signerTitle,
    signerName: issuer.signerName,
  };
  const byCenter = meta.issuedBy === 'center';
  const symbol = byCenter ? center.symbol : issuer.symbol;
  const documentNumber = printedNumber(data.documentNumber, meta.code, symbol);
  const signer = byCenter
    ? { onBehalfOf: '', title: center.signerTitle, name: center.signerName }
    : { onBehalfOf: issuer.signerOnBehalfOf ?? '', title: issuer.signerTitle, name: issuer.signerName };

  const scope: Record<string, unknown> = {
    ...data,
    kind,
    documentNumber,
    documentSequence: data.documentNumber,
    holder: { ...data.holder, salutation: salutation(data.holder), phone: data.holder.phone ?? '' },
    issuer: { ...issuer, signerOnBehalfOf: issuer.signerOnBehalfOf ?? '' },
    center: { address: '', phone: '', ...center },
    signer,
  };
  if ('decision' in data) {
    scope.decision = {
      ...data.decision,
      paymentPlace: data.decision.paymentPlace ?? data.decision.socialInsuranceOffice,
      schedule: buildNoticeSchedule(data.decision),
    };
    scope.proposingCenter = data.proposingCenter ?? center.name;
  }
  if ('supplementDeadline' in data || kind === 'supplement-request') {
    const request = data as { supplementDeadline?: IsoDate; wasReceived?: boolean; officerNote?: string };
    scope.supplementDeadline = request.supplementDeadline ?? '';
    scope.officerNote = request.officerNote ?? '';
    // Only a dossier the center received is called "đã tiếp nhận"; older data without the flag keeps that wording.
    scope.wasReceived = request.wasReceived !== false;
    scope.notYetReceived = request.wasReceived === false;
  }
  return {
    header: {
      parentAuthority:
        byCenter && issuer.center ? issuer.authorityFullName.toLocaleUpperCase('vi') : issuer.parentAuthority,
      authority: byCenter ? center.headerName : issuer.authority,
      numberLine: `Số: ${documentNumber}`,
      place: issuer.place,
      issuedAt: data.issuedAt,
    },
    scope,
  };
}
