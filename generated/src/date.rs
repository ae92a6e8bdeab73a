//! Dates without a time, as the documents write them where they say
//! `yyyy-mm-dd` (the audit records' `startDate` and `endDate`, for one).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::datetime::{Scanner, days_in_month};

/// A calendar date, `YYYY-MM-DD`, without a time or a zone.
///
/// Ordered and compared as dates; written back as the text it was read
/// from (which is always `YYYY-MM-DD`). With the features `time`, `jiff`
/// and `chrono` it converts to and from those crates' dates (`From` into
/// theirs, `TryFrom` back: a year outside 0000 to 9999 is refused).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    text: String,
    reason: &'static str,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a date (YYYY-MM-DD): {}",
            self.text, self.reason
        )
    }
}

impl std::error::Error for DateError {}

impl DateError {
    #[cfg(any(feature = "time", feature = "jiff", feature = "chrono"))]
    pub(crate) fn new(text: String, reason: &'static str) -> DateError {
        DateError { text, reason }
    }
}

impl Date {
    /// The date of `year`, `month` (1 to 12) and `day` (1 to the month's
    /// last), or why there is no such date.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, DateError> {
        Date::from_str(&format!("{year:04}-{month:02}-{day:02}"))
    }

    /// The year, 0 to 9999.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(&self) -> u8 {
        self.day
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = |reason| DateError {
            text: text.to_string(),
            reason,
        };
        let mut s = Scanner(text.as_bytes());
        let year = s.digits(4).ok_or(error("no four-digit year"))?;
        s.expect(b'-').ok_or(error("no `-` after the year"))?;
        let month = s.digits(2).ok_or(error("no two-digit month"))?;
        s.expect(b'-').ok_or(error("no `-` after the month"))?;
        let day = s.digits(2).ok_or(error("no two-digit day"))?;
        if !s.0.is_empty() {
            return Err(error("unexpected text after the day"));
        }
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return Err(error("no such day"));
        }
        // Four digits, two and two: each fits.
        Ok(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_and_write_back_as_written() {
        let d: Date = "2024-02-29".parse().unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
        assert_eq!(d.to_string(), "2024-02-29");
        assert_eq!(Date::new(2017, 6, 1).unwrap().to_string(), "2017-06-01");
        assert!("2017-06-01".parse::<Date>().unwrap() < "2017-06-02".parse().unwrap());
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, "\"2024-02-29\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), d);
    }

    #[test]
    fn what_is_not_a_date_is_refused() {
        for bad in [
            "",
            "2023-02-29",
            "2017-6-1",
            "2017-06-01T00:00:00",
            "6/1/2017 12:00:00 AM",
            "2017-13-01",
            "2017-00-10",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert!(Date::new(2019, 2, 29).is_err());
    }
}
