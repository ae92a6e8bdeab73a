//! The crate's dates and amounts meet the ecosystem's types (features
//! `time`, `jiff`, `chrono`, `rust_decimal`), as a user converts them: a
//! `From` into the other crate's type, a `TryFrom` back, no text re-parsed.
//! A time the service writes without a zone is UTC.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use partner_center::{Date, DateTime, Decimal};

fn at(text: &str) -> DateTime {
    text.parse().unwrap()
}

#[test]
fn date_times_into_time_and_back() {
    use time::{OffsetDateTime, UtcOffset};

    let utc = OffsetDateTime::from(at("2016-12-21T21:13:24Z"));
    assert_eq!(utc.unix_timestamp(), 1_482_354_804);
    assert_eq!(utc.offset(), UtcOffset::UTC);
    // No zone written: UTC.
    let bare = OffsetDateTime::from(&at("2017-05-30T00:00:00"));
    assert_eq!(
        (bare.unix_timestamp(), bare.offset()),
        (1_496_102_400, UtcOffset::UTC)
    );
    // An offset is kept, and so is the fraction of the second.
    let east = OffsetDateTime::from(at("2019-08-21T19:55:58.1234567+02:00"));
    assert_eq!(east.offset().whole_minutes(), 120);
    assert_eq!((east.hour(), east.nanosecond()), (19, 123_456_700));

    let back = DateTime::try_from(east).unwrap();
    assert_eq!(back.as_str(), "2019-08-21T19:55:58.1234567+02:00");
    assert_eq!(back, at("2019-08-21T17:55:58.1234567Z"));
    assert_eq!(
        DateTime::try_from(utc).unwrap().as_str(),
        "2016-12-21T21:13:24Z"
    );

    let before_year_0 = OffsetDateTime::from_unix_timestamp(-62_167_219_201).unwrap();
    let err = DateTime::try_from(before_year_0).unwrap_err();
    assert!(err.to_string().contains("0000 to 9999"), "{err}");
    let seconds = utc.to_offset(UtcOffset::from_hms(1, 0, 30).unwrap());
    let err = DateTime::try_from(seconds).unwrap_err();
    assert!(err.to_string().contains("whole minutes"), "{err}");
}

#[test]
fn date_times_into_jiff_and_back() {
    use jiff::Timestamp;

    let stamp = Timestamp::from(at("2019-08-21T19:55:58.1234567+02:00"));
    assert_eq!(stamp.as_second(), 1_566_410_158);
    assert_eq!(stamp.subsec_nanosecond(), 123_456_700);
    assert_eq!(
        Timestamp::from(&at("2017-05-30")).as_second(),
        1_496_102_400
    );
    let back = DateTime::try_from(stamp).unwrap();
    assert_eq!(back.as_str(), "2019-08-21T17:55:58.1234567Z");

    let before = Timestamp::new(-1, 500_000_000).unwrap();
    assert_eq!(
        DateTime::try_from(before).unwrap().as_str(),
        "1969-12-31T23:59:59.5Z"
    );
    assert!(DateTime::try_from(Timestamp::MIN).is_err());
}

#[test]
fn date_times_into_chrono_and_back() {
    use chrono::{FixedOffset, TimeZone, Timelike, Utc};

    let utc: chrono::DateTime<Utc> = at("2017-05-30T00:00:00").into();
    assert_eq!(utc, Utc.with_ymd_and_hms(2017, 5, 30, 0, 0, 0).unwrap());
    let fixed: chrono::DateTime<FixedOffset> = at("2019-08-21T19:55:58.25-03:30").into();
    assert_eq!(fixed.offset().local_minus_utc(), -(3 * 3600 + 30 * 60));
    assert_eq!((fixed.hour(), fixed.nanosecond()), (19, 250_000_000));

    assert_eq!(
        DateTime::try_from(fixed).unwrap().as_str(),
        "2019-08-21T19:55:58.25-03:30"
    );
    assert_eq!(
        DateTime::try_from(utc).unwrap().as_str(),
        "2017-05-30T00:00:00Z"
    );
    let far = Utc.with_ymd_and_hms(10_000, 1, 1, 0, 0, 0).unwrap();
    assert!(DateTime::try_from(far).is_err());
}

#[test]
fn dates_into_each_crate_and_back() {
    let date: Date = "2024-02-29".parse().unwrap();

    let t = time::Date::from(&date);
    assert_eq!((t.year(), u8::from(t.month()), t.day()), (2024, 2, 29));
    assert_eq!(Date::try_from(t).unwrap(), date);
    let j = jiff::civil::Date::from(&date);
    assert_eq!(j, jiff::civil::date(2024, 2, 29));
    assert_eq!(Date::try_from(j).unwrap(), date);
    let c = chrono::NaiveDate::from(date.clone());
    assert_eq!(c, chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
    assert_eq!(Date::try_from(c).unwrap(), date);

    let err = Date::try_from(jiff::civil::date(-1, 1, 1)).unwrap_err();
    assert!(err.to_string().contains("0000 to 9999"), "{err}");
    assert!(Date::try_from(chrono::NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap()).is_err());
    assert!(Date::try_from(time::Date::MIN).is_err());
}

#[test]
fn amounts_into_rust_decimal_and_back() {
    use rust_decimal::Decimal as Exact;

    let amount: Decimal = serde_json::from_str("12.50").unwrap();
    let exact = Exact::try_from(&amount).unwrap();
    assert_eq!(exact, Exact::new(1250, 2));
    assert_eq!(exact.to_string(), "12.50", "the scale is kept");
    assert_eq!(Decimal::from(exact).as_str(), "12.50");
    assert_eq!(
        serde_json::to_string(&Decimal::from(Exact::new(-5, 3))).unwrap(),
        "-0.005"
    );

    let scientific: Decimal = "1.5E3".parse().unwrap();
    assert_eq!(Exact::try_from(scientific).unwrap(), Exact::new(1500, 0));
    // Never rounded: too many places, or too large, is refused.
    for text in [
        "0.00000000000000000000000000001",
        "1e40",
        "79228162514264337593543950336",
    ] {
        let too_long: Decimal = text.parse().unwrap();
        let err = Exact::try_from(&too_long).unwrap_err();
        assert!(err.to_string().contains("rust_decimal"), "{err}");
    }
    let most = Exact::MAX;
    assert_eq!(Exact::try_from(Decimal::from(most)).unwrap(), most);
}
