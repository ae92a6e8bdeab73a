//! Amounts of money: decimal numbers kept exactly as the service wrote them,
//! never through a float.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

mod serde;

/// A decimal number, exactly as written: `12.50` stays `12.50`, and
/// `0.1 + 0.2` questions never arise. Read it with [`Decimal::as_str`] into
/// the decimal type of your choice, or with the `rust_decimal` feature
/// convert it to and from `rust_decimal::Decimal`. Two values are equal when
/// they are the same number (`12.5` equals `12.50`).
///
/// With serde it is written as a JSON number, digit for digit, by
/// serde_json, and as a string by every other format (MessagePack, bincode,
/// YAML...), which keeps it exact there too. It is read from a number or a
/// string in any format. Inside an untagged or internally tagged enum
/// serde_json hands numbers over as `f64`: read there, `12.50` comes back
/// as `12.5` (the same number), and a number of more than 15 significant
/// digits may not come back exactly.
#[derive(Clone)]
pub struct Decimal {
    text: String,
}

/// Why a text is not a decimal number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecimalError {
    text: String,
    /// What is wrong, after the text.
    why: &'static str,
}

impl DecimalError {
    pub(crate) fn new(text: &str, why: &'static str) -> DecimalError {
        DecimalError {
            text: text.to_string(),
            why,
        }
    }
}

impl fmt::Display for DecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} {}", self.text, self.why)
    }
}

impl std::error::Error for DecimalError {}

impl Decimal {
    /// The number as written, e.g. `-12.50` or `1.5E3`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// (negative, significant digits, exponent): the same for equal numbers.
    pub(crate) fn key(&self) -> (bool, String, i64) {
        let text = self.text.as_str();
        let (negative, rest) = match text.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
            Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
            None => (rest, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = format!("{whole}{fraction}");
        let exponent = exponent - fraction.len() as i64;
        let digits = digits.trim_start_matches('0');
        let trimmed = digits.trim_end_matches('0');
        if trimmed.is_empty() {
            return (false, String::new(), 0);
        }
        let exponent = exponent + (digits.len() - trimmed.len()) as i64;
        (negative, trimmed.to_string(), exponent)
    }
}

impl Decimal {
    /// A number another crate wrote, which is known to be one.
    #[cfg(feature = "rust_decimal")]
    pub(crate) fn written(text: String) -> Decimal {
        Decimal { text }
    }
}

impl FromStr for Decimal {
    type Err = DecimalError;

    /// The JSON number grammar, with a leading `+` allowed.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || DecimalError::new(text, "is not a decimal number");
        let rest = text.strip_prefix(['-', '+']).unwrap_or(text);
        let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
            Some((m, e)) => (m, Some(e.strip_prefix(['-', '+']).unwrap_or(e))),
            None => (rest, None),
        };
        let (whole, fraction) = match mantissa.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (mantissa, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let valid = digits(whole)
            && fraction.is_none_or(digits)
            && exponent.is_none_or(|e| digits(e) && e.len() <= 6);
        if !valid {
            return Err(error());
        }
        Ok(Decimal {
            text: text.to_string(),
        })
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Decimal({})", self.text)
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Decimal {}

impl Hash for Decimal {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn exact_text_and_numeric_equality() {
        let v: Decimal = serde_json::from_str("1234567890123456789.123456789").unwrap();
        assert_eq!(v.as_str(), "1234567890123456789.123456789");
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            "1234567890123456789.123456789"
        );
        assert_eq!(d("12.5"), d("12.50"));
        assert_eq!(d("1.5E3"), d("1500"));
        assert_eq!(d("0.00"), d("-0"));
        assert_ne!(d("12.5"), d("-12.5"));
        assert_ne!(d("12.5"), d("125"));
        let s: Decimal = serde_json::from_str("\"0.10\"").unwrap();
        assert_eq!(s.as_str(), "0.10");
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        for bad in ["", "-", "1.", ".5", "1e", "abc", "1,5", "0x10", "1e9999999"] {
            assert!(bad.parse::<Decimal>().is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<Decimal>("true").is_err());
    }
}
