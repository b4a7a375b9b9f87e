/**
 * Human-readable dossier code: center code, filing date and a per-center daily sequence,
 * e.g. `DNA-BH-20261126-00042`. Unique by construction (the sequence is allocated in the filing transaction).
 */
export function dossierCode(centerCode: string, filingDate: string, sequence: number): string {
  return `${centerCode}-${filingDate.replace(/-/g, '')}-${String(sequence).padStart(5, '0')}`;
}
