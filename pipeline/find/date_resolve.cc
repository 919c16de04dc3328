#include "pipeline/find/date_resolve.h"

#include <chrono>

namespace dossier {

namespace {

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

void AppendTwo(int n, std::string* out) {
  out->push_back(static_cast<char>('0' + (n / 10) % 10));
  out->push_back(static_cast<char>('0' + n % 10));
}

// The day `d` (valid, day precision) on the proleptic Gregorian calendar.
std::chrono::sys_days SysDays(const CalendarDate& d) {
  namespace c = std::chrono;
  return c::year_month_day(c::year(d.year), c::month(static_cast<unsigned>(d.month)),
                           c::day(static_cast<unsigned>(d.day)));
}

}  // namespace

CalendarDate AddDays(const CalendarDate& d, int days) {
  const std::chrono::year_month_day moved(SysDays(d) + std::chrono::days(days));
  return {static_cast<int>(moved.year()), static_cast<int>(static_cast<unsigned>(moved.month())),
          static_cast<int>(static_cast<unsigned>(moved.day()))};
}

CalendarDate AddMonths(const CalendarDate& d, int months) {
  const int index = d.year * 12 + (d.month - 1) + months;  // months since year 0
  return {index / 12, index % 12 + 1, 0};
}

int IsoWeekday(const CalendarDate& d) {
  return static_cast<int>(std::chrono::weekday(SysDays(d)).iso_encoding()) - 1;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && (year == 0 || IsLeap(year))) return 29;
  return kDays[month - 1];
}

bool IsValidDate(const CalendarDate& d) {
  if (d.year < 0 || d.year > 9999) return false;
  if (d.month == 0) return d.day == 0 && d.year > 0;
  if (d.month < 1 || d.month > 12) return false;
  if (d.day == 0) return true;
  return d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

std::string_view PrecisionName(const CalendarDate& d) {
  if (d.day != 0) return "day";
  if (d.month != 0) return "month";
  return "year";
}

int CompareDates(const CalendarDate& a, const CalendarDate& b) {
  const int pairs[3][2] = {{a.year, b.year}, {a.month, b.month}, {a.day, b.day}};
  for (const auto& p : pairs) {
    if (p[0] == 0 || p[1] == 0) return 0;  // compare only what both state
    if (p[0] != p[1]) return p[0] < p[1] ? -1 : 1;
  }
  return 0;
}

void AppendIsoDate(const CalendarDate& d, std::string* out) {
  if (d.year > 0) {
    AppendTwo(d.year / 100, out);
    AppendTwo(d.year % 100, out);
  } else {
    out->push_back('-');  // ISO 8601 truncated form: "--MM-DD"
  }
  if (d.month == 0) return;
  out->push_back('-');
  AppendTwo(d.month, out);
  if (d.day == 0) return;
  out->push_back('-');
  AppendTwo(d.day, out);
}

std::string FormatIsoDate(const CalendarDate& d) {
  std::string out;
  AppendIsoDate(d, &out);
  return out;
}

int ExpandShortYear(int yy, int near_year) {
  if (near_year <= 0) return yy < 50 ? 2000 + yy : 1900 + yy;
  int year = near_year - near_year % 100 + yy;
  if (year <= near_year) year += 100;
  return year;
}

int ParseDigits(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace dossier
