//! The `time` crate: [`DateTime`] and `OffsetDateTime`, [`Date`] and
//! `time::Date`.

use ::time::{Month, OffsetDateTime, UtcOffset};

use super::IN_RANGE;
use crate::{Date, DateError, DateTime, DateTimeError};

/// The instant, at the offset the text gives (UTC when it gives none).
impl From<&DateTime> for OffsetDateTime {
    fn from(value: &DateTime) -> Self {
        let nanos =
            i128::from(value.unix_timestamp()) * 1_000_000_000 + i128::from(value.nanosecond());
        let offset = UtcOffset::from_whole_seconds(value.offset_minutes().unwrap_or(0) * 60);
        OffsetDateTime::from_unix_timestamp_nanos(nanos)
            .ok()
            .zip(offset.ok())
            .and_then(|(utc, offset)| utc.checked_to_offset(offset))
            .expect(IN_RANGE)
    }
}

/// The instant, at the offset the text gives (UTC when it gives none).
impl From<DateTime> for OffsetDateTime {
    fn from(value: DateTime) -> Self {
        OffsetDateTime::from(&value)
    }
}

/// RFC 3339 at the value's offset (`Z` for UTC); a year outside 0000 to
/// 9999, or an offset with seconds, is refused.
impl TryFrom<OffsetDateTime> for DateTime {
    type Error = DateTimeError;

    fn try_from(value: OffsetDateTime) -> Result<Self, Self::Error> {
        let offset = value.offset().whole_seconds();
        DateTime::from_instant(value.unix_timestamp(), value.nanosecond(), offset)
    }
}

impl From<&Date> for ::time::Date {
    fn from(value: &Date) -> Self {
        Month::try_from(value.month())
            .ok()
            .and_then(|month| {
                ::time::Date::from_calendar_date(i32::from(value.year()), month, value.day()).ok()
            })
            .expect(IN_RANGE)
    }
}

impl From<Date> for ::time::Date {
    fn from(value: Date) -> Self {
        ::time::Date::from(&value)
    }
}

/// A year outside 0000 to 9999 is refused.
impl TryFrom<::time::Date> for Date {
    type Error = DateError;

    fn try_from(value: ::time::Date) -> Result<Self, Self::Error> {
        let (year, month, day) = (value.year(), u8::from(value.month()), value.day());
        let year = u16::try_from(year)
            .ok()
            .filter(|y| *y <= 9999)
            .ok_or_else(|| {
                DateError::new(
                    format!("{year}-{month:02}-{day:02}"),
                    "the year is not 0000 to 9999",
                )
            })?;
        Date::new(year, month, day)
    }
}
