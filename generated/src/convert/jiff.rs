//! jiff: [`DateTime`] and `jiff::Timestamp`, [`Date`] and
//! `jiff::civil::Date`.

use ::jiff::Timestamp;
use ::jiff::civil;

use super::IN_RANGE;
use crate::{Date, DateError, DateTime, DateTimeError};

/// The instant (a time without a zone is UTC). The offset the text gives,
/// if any, is not kept: a `Timestamp` has none.
impl From<&DateTime> for Timestamp {
    fn from(value: &DateTime) -> Self {
        // Under a billion: it fits.
        let nanos = value.nanosecond() as i32;
        Timestamp::new(value.unix_timestamp(), nanos).expect(IN_RANGE)
    }
}

/// The instant (a time without a zone is UTC).
impl From<DateTime> for Timestamp {
    fn from(value: DateTime) -> Self {
        Timestamp::from(&value)
    }
}

/// RFC 3339 in UTC (`Z`); a year outside 0000 to 9999 is refused.
impl TryFrom<Timestamp> for DateTime {
    type Error = DateTimeError;

    fn try_from(value: Timestamp) -> Result<Self, Self::Error> {
        let nanos = value.as_nanosecond();
        // A `Timestamp` spans ±10 000 years: its seconds fit an i64, and
        // the remainder is under a billion.
        let seconds = nanos.div_euclid(1_000_000_000) as i64;
        let nanos = nanos.rem_euclid(1_000_000_000) as u32;
        DateTime::from_instant(seconds, nanos, 0)
    }
}

impl From<&Date> for civil::Date {
    fn from(value: &Date) -> Self {
        // 9999, 12 and 31 at most: each fits.
        let (year, month, day) = (value.year() as i16, value.month() as i8, value.day() as i8);
        civil::Date::new(year, month, day).expect(IN_RANGE)
    }
}

impl From<Date> for civil::Date {
    fn from(value: Date) -> Self {
        civil::Date::from(&value)
    }
}

/// A year outside 0000 to 9999 is refused.
impl TryFrom<civil::Date> for Date {
    type Error = DateError;

    fn try_from(value: civil::Date) -> Result<Self, Self::Error> {
        let (year, month, day) = (value.year(), value.month(), value.day());
        let text = || format!("{year}-{month:02}-{day:02}");
        let year = u16::try_from(year)
            .ok()
            .filter(|y| *y <= 9999)
            .ok_or_else(|| DateError::new(text(), "the year is not 0000 to 9999"))?;
        // A civil date's month and day are positive.
        Date::new(year, month as u8, day as u8)
    }
}
