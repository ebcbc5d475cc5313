/** A calendar day (YYYY-MM-DD) in the user's time zone. */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Today as YYYY-MM-DD in the user's time zone (deliveries and needed-by dates are calendar days). */
export const localToday = () => localDay(new Date());

/** Today plus `days`, as YYYY-MM-DD in the user's time zone. */
export function localDayIn(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localDay(d);
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isMonth = (value: string) => MONTH.test(value);

/** This month as YYYY-MM, plus `offset` months. */
export function monthIn(offset = 0): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to` (YYYY-MM, inclusive); empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  if (!isMonth(from) || !isMonth(to) || to < from) return [];
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  for (;;) {
    const value = `${year}-${String(month).padStart(2, '0')}`;
    if (value > to) return months;
    months.push(value);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
