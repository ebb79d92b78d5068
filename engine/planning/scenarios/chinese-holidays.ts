import { type DayNumber, formatDay, parseDay } from '../calendar/index.js';

/**
 * Gregorian dates of the lunar festivals (Spring Festival, Dragon Boat, Mid-Autumn) and of Qingming,
 * which no simple rule gives. Years outside the table get the fixed-date holidays only.
 */
const LUNAR_FESTIVALS: Readonly<Record<number, { springFestival: string; qingming: string; dragonBoat: string; midAutumn: string }>> = {
  2024: { springFestival: '02-10', qingming: '04-04', dragonBoat: '06-10', midAutumn: '09-17' },
  2025: { springFestival: '01-29', qingming: '04-04', dragonBoat: '05-31', midAutumn: '10-06' },
  2026: { springFestival: '02-17', qingming: '04-05', dragonBoat: '06-19', midAutumn: '09-25' },
  2027: { springFestival: '02-06', qingming: '04-05', dragonBoat: '06-09', midAutumn: '09-15' },
  2028: { springFestival: '01-26', qingming: '04-04', dragonBoat: '05-28', midAutumn: '10-03' },
  2029: { springFestival: '02-13', qingming: '04-04', dragonBoat: '06-16', midAutumn: '09-22' },
  2030: { springFestival: '02-03', qingming: '04-05', dragonBoat: '06-05', midAutumn: '09-12' },
};

/**
 * The statutory holidays of a year for a synthetic factory calendar: New Year's Day, Spring Festival
 * (eve to the sixth day), Qingming, Labour Day (1-5 May), Dragon Boat, Mid-Autumn and National Day
 * (1-7 October). The make-up working days the State Council announces each year are not modelled.
 */
export function chineseHolidays(year: number): string[] {
  const days = new Set<DayNumber>();
  const add = (monthDay: string, count = 1) => {
    const first = parseDay(`${year}-${monthDay}`)!;
    for (let i = 0; i < count; i++) days.add(first + i);
  };
  add('01-01');
  add('05-01', 5);
  add('10-01', 7);
  const festivals = LUNAR_FESTIVALS[year];
  if (festivals !== undefined) {
    const springFestival = parseDay(`${year}-${festivals.springFestival}`)!;
    for (let i = -1; i <= 6; i++) days.add(springFestival + i);
    add(festivals.qingming);
    add(festivals.dragonBoat);
    add(festivals.midAutumn);
  }
  return [...days].sort((a, b) => a - b).map(formatDay);
}
