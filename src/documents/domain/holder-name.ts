/**
 * The holder's name as the public verification page shows it: the family name in full, every other word cut to
 * its first letter followed by one "*" per hidden letter ("Nguyễn Thị Ánh Tuyết" → "Nguyễn T** Á** T****").
 * Enough to match the paper in hand, not enough to learn who holds a decision from its code alone.
 */
export function maskHolderName(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  return words
    .map((word, index) => {
      if (index === 0) return word;
      const letters = [...word];
      return letters[0] + '*'.repeat(letters.length - 1);
    })
    .join(' ');
}
