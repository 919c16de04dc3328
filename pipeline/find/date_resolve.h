// Calendar arithmetic for the date finder: a date known to day, month or
// year precision, its ISO 8601 form, validity and two-digit years.
//
// Kept apart from the finder so the rules that turn matched digits into a
// calendar value (leap years, "2019-20" short years, "1/25/19") are tested
// on their own.
//
// Example:
//   CalendarDate d{2019, 1, 25};
//   FormatIsoDate(d);                          // "2019-01-25"
//   PrecisionName(CalendarDate{2019, 12, 0});  // "month"
//   ExpandShortYear(20, 2019);                 // 2020
#ifndef DOSSIER_PIPELINE_FIND_DATE_RESOLVE_H_
#define DOSSIER_PIPELINE_FIND_DATE_RESOLVE_H_

#include <string>
#include <string_view>

namespace dossier {

// A date at day, month or year precision; 0 marks a part not stated.
struct CalendarDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

// Returns the number of days in `month` of `year` (29 for February of an
// unknown year 0, so "February 29" without a year stays valid).
int DaysInMonth(int year, int month);

// Returns true when the stated parts make a real date: month 1-12, day
// within its month, and a day only together with a month.
bool IsValidDate(const CalendarDate& d);

// Returns "day", "month" or "year": the finest part stated.
std::string_view PrecisionName(const CalendarDate& d);

// Returns -1, 0 or 1 comparing `a` and `b` on the parts both state.
int CompareDates(const CalendarDate& a, const CalendarDate& b);

// Appends the ISO 8601 form of `d` to `out`: "2019-01-25", "2019-01",
// "2019"; without a year the truncated forms "--01-25" and "--01".
void AppendIsoDate(const CalendarDate& d, std::string* out);

// Returns the ISO 8601 form of `d` (see AppendIsoDate).
std::string FormatIsoDate(const CalendarDate& d);

// Returns the four-digit year a two-digit `yy` stands for next to
// `near_year`: the first year after `near_year` ending in yy ("2019-20" ->
// 2020, "1999-00" -> 2000); with no `near_year` (0), 2000-2049 or
// 1950-1999.
int ExpandShortYear(int yy, int near_year);

// Returns the day-precision date `days` days after `d` (before, when
// negative). `d` must be a valid day-precision date.
CalendarDate AddDays(const CalendarDate& d, int days);

// Returns `d` moved by `months` months, its day (if any) dropped: "last
// month" of 2021-03-10 is 2021-02.
CalendarDate AddMonths(const CalendarDate& d, int months);

// Returns the weekday of a valid day-precision date, 0 (Monday) to 6.
int IsoWeekday(const CalendarDate& d);

// Returns the decimal value of the ASCII digits `s`, or -1 when `s` is
// empty, longer than 9 characters or holds another character.
int ParseDigits(std::string_view s);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_DATE_RESOLVE_H_
