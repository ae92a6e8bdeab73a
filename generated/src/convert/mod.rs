//! Conversions of [`DateTime`], [`Date`](crate::Date) and
//! [`Decimal`](crate::Decimal) to and from other crates' types, each behind
//! the feature named after that crate: `time`, `jiff`, `chrono`,
//! `rust_decimal`.
//!
//! Into another crate's type, a value converts as the instant (or date, or
//! number) it is; a time the service wrote without a zone is UTC, as
//! everywhere in this crate. From another crate's type, the text is what
//! the service writes (RFC 3339, the shortest fraction of a second, `Z` for
//! UTC) and the conversion fails only where that text cannot say it: a year
//! outside 0000 to 9999, an offset of seconds or of a day and more, a
//! number too long for the other side.

#[cfg(feature = "chrono")]
mod chrono;
#[cfg(feature = "jiff")]
mod jiff;
#[cfg(feature = "rust_decimal")]
mod rust_decimal;
#[cfg(feature = "time")]
mod time;

#[cfg(any(feature = "time", feature = "jiff", feature = "chrono"))]
use crate::datetime::{DateTime, DateTimeError};

/// The other crates' ranges all hold a year from 0000 to 9999, the only
/// ones a [`DateTime`] or a [`crate::Date`] holds.
#[cfg(any(feature = "time", feature = "jiff", feature = "chrono"))]
const IN_RANGE: &str = "years 0000 to 9999 and offsets under a day are in range";

#[cfg(any(feature = "time", feature = "jiff", feature = "chrono"))]
impl DateTime {
    /// The instant `seconds` (from 1970-01-01T00:00:00Z) and `nanos`
    /// after, written as RFC 3339 at `offset_seconds` east of UTC.
    pub(crate) fn from_instant(
        seconds: i64,
        nanos: u32,
        offset_seconds: i32,
    ) -> Result<DateTime, DateTimeError> {
        let local = seconds + i64::from(offset_seconds);
        let (year, month, day) = civil_from_days(local.div_euclid(86_400));
        let of_day = local.rem_euclid(86_400);
        let mut text = format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
            of_day / 3600,
            of_day / 60 % 60,
            of_day % 60
        );
        if nanos > 0 {
            let fraction = format!("{nanos:09}");
            text.push('.');
            text.push_str(fraction.trim_end_matches('0'));
        }
        let minutes = offset_seconds / 60;
        if minutes == 0 {
            text.push('Z');
        } else {
            let sign = if minutes < 0 { '-' } else { '+' };
            let minutes = minutes.unsigned_abs();
            text.push_str(&format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60));
        }
        let why = if !(0..=9999).contains(&year) {
            Some("RFC 3339 writes the years 0000 to 9999 only")
        } else if offset_seconds % 60 != 0 {
            Some("RFC 3339 writes offsets in whole minutes")
        } else if offset_seconds.unsigned_abs() >= 86_400 {
            Some("RFC 3339 writes offsets under a day")
        } else {
            None
        };
        match why {
            Some(why) => Err(DateTimeError::new(&text, why)),
            None => text.parse(),
        }
    }
}

/// The date of a day counted from 1970-01-01 in the proleptic Gregorian
/// calendar: the inverse of `datetime::days_from_civil` (years counted from
/// March, 400-year eras of 146 097 days).
#[cfg(any(feature = "time", feature = "jiff", feature = "chrono"))]
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    // Both fit: a day is 1 to 31, a month 1 to 12.
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(all(test, any(feature = "time", feature = "jiff", feature = "chrono")))]
mod tests {
    use super::*;

    #[test]
    fn instants_are_written_as_the_service_writes_them() {
        let text = |s, n, o| {
            DateTime::from_instant(s, n, o)
                .unwrap()
                .as_str()
                .to_string()
        };
        assert_eq!(text(0, 0, 0), "1970-01-01T00:00:00Z");
        assert_eq!(text(1_482_354_804, 0, 0), "2016-12-21T21:13:24Z");
        assert_eq!(
            text(1_482_354_804, 123_456_700, 3600),
            "2016-12-21T22:13:24.1234567+01:00"
        );
        assert_eq!(text(-1, 0, -90 * 60), "1969-12-31T22:29:59-01:30");
        assert_eq!(text(951_782_400, 0, 0), "2000-02-29T00:00:00Z");
        assert_eq!(text(-62_167_219_200, 0, 0), "0000-01-01T00:00:00Z");
        assert_eq!(
            text(253_402_300_799, 999_999_999, 0),
            "9999-12-31T23:59:59.999999999Z"
        );
        for (seconds, offset) in [
            (-62_167_219_201, 0),
            (253_402_300_800, 0),
            (0, 30),
            (0, 86_400),
        ] {
            let err = DateTime::from_instant(seconds, 0, offset).unwrap_err();
            assert!(err.to_string().contains("RFC 3339"), "{err}");
        }
    }

    #[test]
    fn every_day_of_four_centuries_reads_back() {
        for days in (-719_528..2_932_896).step_by(97) {
            let (year, month, day) = civil_from_days(days);
            let text = format!("{year:04}-{month:02}-{day:02}");
            let back: DateTime = text.parse().unwrap();
            assert_eq!(back.unix_timestamp(), days * 86_400, "{text}");
        }
    }
}
