import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A number register of an issuing authority for one year (table `document_number_sequence`): the last number handed
 * out. Advanced by IssuedDocumentRepository.nextNumber inside the issuance transaction.
 */
@Entity({ name: 'document_number_sequence' })
export class DocumentNumberSequenceEntity {
  /** The register key (authority symbol, or symbol and document code). */
  @PrimaryColumn({ name: 'authority_symbol', type: 'text' })
  authoritySymbol: string;

  @PrimaryColumn({ name: 'year', type: 'integer' })
  year: number;

  @Column({ name: 'last_value', type: 'integer', nullable: false })
  lastValue: number;
}
