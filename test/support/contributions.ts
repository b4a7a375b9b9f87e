/** `count` consecutive contribution months from `from` ('YYYY-MM'), each with the same salary. */
export function contributionMonths(from: string, count: number, salary: number) {
  const [y, m] = from.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) + i;
    return { month: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, salary };
  });
}
