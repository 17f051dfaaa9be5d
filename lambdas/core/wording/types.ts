/**
 * One language's acknowledgement wording. Every function gets values that are
 * already plain (see `plainValue` in templates.ts) and returns finished text;
 * the wording decides word order, prepositions and punctuation around them.
 */
export interface Wording {
  /** BCP 47 locale the dates, times and numbers are formatted in. */
  locale: string;
  greeting(name: string | undefined): string;
  /** The message arrived at `team`; a person answers by `due` (from `due`/`dueForCustomer`), or as soon as they can. */
  received(team: string, due: string | undefined): string;
  reference(ref: string): string;
  faqIntro: string;
  /** `size` comes from formatBytes in this language. */
  attachments(size: string): string;
  /** The line before the signature (German has no comma after it). */
  closing: string;
  /** Put in front of the subject of our reply as is (it carries its own spacing). */
  subjectPrefix: string;
  /** The relay's note that an agent's attachments were too large to send. */
  withheldAttachments(count: number, size: string, agentName: string): string;
  /** Size units as the language writes them; MB/KB when absent. */
  byteUnits?: { mega: string; kilo: string };
  /** How the clock time is written when the locale's 24-hour "14:00" is not what the market reads. */
  clock?(hour: number, minute: number): string;
  /** The promised time in the company's zone: "14:00 on Monday 30 November (Beijing time)". */
  due(company: Moment, zone: string): string;
  /**
   * The promised time when the customer's clock differs: their time first, labelled as
   * theirs with `offset` ("UTC+9"), then the company's. `sameDay` tells whether the
   * company's calendar date is the customer's, so it need not be repeated.
   */
  dueForCustomer(customer: Moment, offset: string, company: Moment, zone: string, sameDay: boolean): string;
}

/** One instant as a wall clock shows it, with the pieces formatted in the wording's locale. */
export interface Moment {
  hour: number;
  minute: number;
  /** "Monday", "lundi", "понедельник", "星期一", "月曜日". */
  weekday: string;
  /** "Mon", "lun.", "пн", "週一", "月", "월". */
  weekdayShort: string;
  /** "30 November", "30. November", "30 de noviembre", "11月30日", "11월 30일". */
  dayMonth: string;
  /** Weekday, day and month as the locale joins them: "Monday 30 November", "Montag, 30. November". */
  date: string;
  /** The clock time: the locale's 24-hour form, or the wording's own `clock`. */
  time: string;
  /** Calendar day as YYYY-MM-DD, to tell whether two moments fall on the same date. */
  day: string;
}
