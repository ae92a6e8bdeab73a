//! Dates and times as the service writes them: RFC 3339, with or without a
//! time zone (the documents show both), or a date alone.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date and time, kept as the service wrote it and read as an instant.
///
/// Accepted forms: `2016-12-21T21:13:24Z`, with a fraction of a second
/// (`.1234567`), with an offset (`+01:00`), without a zone
/// (`2017-05-30T00:00:00`, taken as UTC), or a date alone (`2017-05-30`,
/// midnight UTC). Two values are equal when they are the same instant.
///
/// With the features `time`, `jiff` and `chrono` it converts to and from
/// those crates' date-times (`From` into theirs, `TryFrom` back: a year
/// outside 0000 to 9999 has no RFC 3339 text); a time without a zone
/// converts as UTC.
///
/// ```
/// use partner_center::DateTime;
///
/// let at: DateTime = "2017-05-30T00:00:00".parse()?;
/// assert_eq!(at.unix_timestamp(), 1_496_102_400);
/// assert_eq!(at.offset_minutes(), None); // no zone written: UTC
/// # Ok::<(), partner_center::DateTimeError>(())
/// ```
#[derive(Clone)]
pub struct DateTime {
    text: String,
    /// Seconds since 1970-01-01T00:00:00Z.
    seconds: i64,
    nanos: u32,
    /// Minutes east of UTC; `None` when the text gives no zone.
    offset: Option<i32>,
}

/// Why a text is not a date and time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateTimeError {
    text: String,
    reason: &'static str,
}

impl fmt::Display for DateTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a date and time: {}", self.text, self.reason)
    }
}

impl std::error::Error for DateTimeError {}

impl DateTimeError {
    #[cfg(any(feature = "time", feature = "jiff", feature = "chrono"))]
    pub(crate) fn new(text: &str, reason: &'static str) -> DateTimeError {
        DateTimeError {
            text: text.to_string(),
            reason,
        }
    }
}

impl DateTime {
    /// The text, as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Seconds since 1970-01-01T00:00:00Z (a time without a zone is taken as UTC).
    pub fn unix_timestamp(&self) -> i64 {
        self.seconds
    }

    /// The fraction of the second, in nanoseconds.
    pub fn nanosecond(&self) -> u32 {
        self.nanos
    }

    /// The offset from UTC in minutes, or `None` when the text gives no zone.
    pub fn offset_minutes(&self) -> Option<i32> {
        self.offset
    }
}

impl FromStr for DateTime {
    type Err = DateTimeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = |reason| DateTimeError {
            text: text.to_string(),
            reason,
        };
        let mut s = Scanner(text.as_bytes());
        let year = s.digits(4).ok_or(error("no four-digit year"))?;
        s.expect(b'-').ok_or(error("no `-` after the year"))?;
        let month = s.digits(2).ok_or(error("no two-digit month"))?;
        s.expect(b'-').ok_or(error("no `-` after the month"))?;
        let day = s.digits(2).ok_or(error("no two-digit day"))?;
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return Err(error("no such day"));
        }
        let (mut hour, mut minute, mut second, mut nanos) = (0, 0, 0, 0);
        if s.expect(b'T')
            .or_else(|| s.expect(b't'))
            .or_else(|| s.expect(b' '))
            .is_some()
        {
            hour = s.digits(2).ok_or(error("no two-digit hour"))?;
            s.expect(b':').ok_or(error("no `:` after the hour"))?;
            minute = s.digits(2).ok_or(error("no two-digit minute"))?;
            if s.expect(b':').is_some() {
                second = s.digits(2).ok_or(error("no two-digit second"))?;
                if s.expect(b'.').is_some() {
                    nanos = s.fraction().ok_or(error("no digits after `.`"))?;
                }
            }
            if hour > 23 || minute > 59 || second > 60 {
                return Err(error("no such time"));
            }
        }
        let offset = match s.0.first() {
            None => None,
            Some(b'Z' | b'z') => {
                s.0 = &s.0[1..];
                Some(0)
            }
            Some(&sign @ (b'+' | b'-')) => {
                s.0 = &s.0[1..];
                let hours = s.digits(2).ok_or(error("no two-digit offset hours"))?;
                s.expect(b':');
                let minutes = s.digits(2).ok_or(error("no two-digit offset minutes"))?;
                if hours > 23 || minutes > 59 {
                    return Err(error("no such offset"));
                }
                let total = (hours * 60 + minutes) as i32;
                Some(if sign == b'-' { -total } else { total })
            }
            Some(_) => return Err(error("unexpected text after the time")),
        };
        if !s.0.is_empty() {
            return Err(error("unexpected text after the zone"));
        }
        // A leap second is read as the last second of its minute.
        let second = second.min(59);
        let days = days_from_civil(year as i64, month, day);
        let local = days * 86_400 + (hour * 3600 + minute * 60 + second) as i64;
        Ok(DateTime {
            text: text.to_string(),
            seconds: local - i64::from(offset.unwrap_or(0)) * 60,
            nanos,
            offset,
        })
    }
}

/// Reads digits and separators from the front of the text.
pub(crate) struct Scanner<'a>(pub(crate) &'a [u8]);

impl Scanner<'_> {
    pub(crate) fn digits(&mut self, n: usize) -> Option<u32> {
        let (head, rest) = self.0.split_at_checked(n)?;
        if !head.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.0 = rest;
        Some(head.iter().fold(0, |acc, d| acc * 10 + u32::from(d - b'0')))
    }

    pub(crate) fn expect(&mut self, byte: u8) -> Option<()> {
        let rest = self.0.strip_prefix(&[byte])?;
        self.0 = rest;
        Some(())
    }

    /// Fraction digits as nanoseconds: the first nine count, more are dropped.
    fn fraction(&mut self) -> Option<u32> {
        let n = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        let mut nanos = 0;
        for i in 0..9 {
            let digit = self
                .0
                .get(i)
                .filter(|_| i < n)
                .map_or(0, |d| u32::from(d - b'0'));
            nanos = nanos * 10 + digit;
        }
        self.0 = &self.0[n..];
        Some(nanos)
    }
}

fn is_leap(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

pub(crate) fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar. The
/// year is counted from March, so that the leap day ends it; a 400-year era
/// has 146 097 days.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    // 719 468 days separate 0000-03-01 from 1970-01-01.
    era * 146_097 + day_of_era - 719_468
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DateTime({:?})", self.text)
    }
}

impl PartialEq for DateTime {
    fn eq(&self, other: &Self) -> bool {
        (self.seconds, self.nanos) == (other.seconds, other.nanos)
    }
}

impl Eq for DateTime {}

impl Hash for DateTime {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.seconds, self.nanos).hash(state);
    }
}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DateTime {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.seconds, self.nanos).cmp(&(other.seconds, other.nanos))
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn instants_with_and_without_a_zone() {
        assert_eq!(at("1970-01-01T00:00:00Z").unix_timestamp(), 0);
        assert_eq!(at("2016-12-21T21:13:24Z").unix_timestamp(), 1_482_354_804);
        assert_eq!(at("2016-12-21T21:13:24").unix_timestamp(), 1_482_354_804);
        assert_eq!(at("2016-12-21T21:13:24").offset_minutes(), None);
        assert_eq!(at("2016-12-21T22:13:24+01:00"), at("2016-12-21T21:13:24Z"));
        assert_eq!(
            at("2016-12-21T20:13:24-0100").unix_timestamp(),
            1_482_354_804
        );
        assert_eq!(at("2000-02-29").unix_timestamp(), 951_782_400);
        assert_eq!(at("1969-12-31T23:59:59Z").unix_timestamp(), -1);
        assert_eq!(at("2019-08-21T17:55:58.1234567Z").nanosecond(), 123_456_700);
        assert_eq!(
            at("2019-08-21T17:55:58.1234567891Z").nanosecond(),
            123_456_789
        );
        assert_eq!(at("2019-08-21 17:55").as_str(), "2019-08-21 17:55");
    }

    #[test]
    fn what_is_not_a_date_is_refused() {
        for bad in [
            "",
            "2019",
            "2019-02-29",
            "2019-13-01",
            "2019-01-01T24:00:00Z",
            "2019-01-01T10:00:00Zulu",
            "2019-01-01T10:00:00.Z",
            "<date>",
            "2019-01-01T10:00:00+25:00",
        ] {
            assert!(bad.parse::<DateTime>().is_err(), "{bad}");
        }
    }

    #[test]
    fn serde_keeps_the_text() {
        let d: DateTime = serde_json::from_str("\"2017-05-30T00:00:00\"").unwrap();
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            "\"2017-05-30T00:00:00\""
        );
        assert!(serde_json::from_str::<DateTime>("12").is_err());
    }
}
