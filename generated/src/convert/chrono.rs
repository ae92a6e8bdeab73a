//! chrono: [`DateTime`] and `chrono::DateTime` (in UTC, at a fixed offset,
//! or from any time zone), [`Date`] and `NaiveDate`.

use ::chrono::{Datelike, FixedOffset, NaiveDate, Offset, TimeZone, Utc};

use super::IN_RANGE;
use crate::{Date, DateError, DateTime, DateTimeError};

type Chrono<Tz> = ::chrono::DateTime<Tz>;

/// The instant in UTC (a time without a zone is UTC).
impl From<&DateTime> for Chrono<Utc> {
    fn from(value: &DateTime) -> Self {
        Chrono::from_timestamp(value.unix_timestamp(), value.nanosecond()).expect(IN_RANGE)
    }
}

/// The instant in UTC (a time without a zone is UTC).
impl From<DateTime> for Chrono<Utc> {
    fn from(value: DateTime) -> Self {
        Chrono::<Utc>::from(&value)
    }
}

/// The instant, at the offset the text gives (UTC when it gives none).
impl From<&DateTime> for Chrono<FixedOffset> {
    fn from(value: &DateTime) -> Self {
        let offset = FixedOffset::east_opt(value.offset_minutes().unwrap_or(0) * 60);
        Chrono::<Utc>::from(value).with_timezone(&offset.expect(IN_RANGE))
    }
}

/// The instant, at the offset the text gives (UTC when it gives none).
impl From<DateTime> for Chrono<FixedOffset> {
    fn from(value: DateTime) -> Self {
        Chrono::<FixedOffset>::from(&value)
    }
}

/// RFC 3339 at the value's offset (`Z` for UTC; a leap second is the last
/// second of its minute); a year outside 0000 to 9999, or an offset with
/// seconds, is refused.
impl<Tz: TimeZone> TryFrom<Chrono<Tz>> for DateTime {
    type Error = DateTimeError;

    fn try_from(value: Chrono<Tz>) -> Result<Self, Self::Error> {
        let offset = value.offset().fix().local_minus_utc();
        let nanos = value.timestamp_subsec_nanos() % 1_000_000_000;
        DateTime::from_instant(value.timestamp(), nanos, offset)
    }
}

impl From<&Date> for NaiveDate {
    fn from(value: &Date) -> Self {
        let (year, month, day) = (value.year(), value.month(), value.day());
        NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day)).expect(IN_RANGE)
    }
}

impl From<Date> for NaiveDate {
    fn from(value: Date) -> Self {
        NaiveDate::from(&value)
    }
}

/// A year outside 0000 to 9999 is refused.
impl TryFrom<NaiveDate> for Date {
    type Error = DateError;

    fn try_from(value: NaiveDate) -> Result<Self, Self::Error> {
        let (year, month, day) = (value.year(), value.month(), value.day());
        let text = || format!("{year}-{month:02}-{day:02}");
        let year = u16::try_from(year)
            .ok()
            .filter(|y| *y <= 9999)
            .ok_or_else(|| DateError::new(text(), "the year is not 0000 to 9999"))?;
        // 12 and 31 at most: each fits.
        Date::new(year, month as u8, day as u8)
    }
}
