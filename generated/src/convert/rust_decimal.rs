//! rust_decimal: [`Decimal`] and `rust_decimal::Decimal`.

use crate::{Decimal, DecimalError};

type Exact = ::rust_decimal::Decimal;

const TOO_LONG: &str = "does not fit a rust_decimal::Decimal (96 bits, at most 28 decimal places)";

/// The number in plain notation (`1.5E3` is `1500`), the scale of a text
/// without an exponent kept (`12.50` stays `12.50`); `None` when it is far
/// longer than any `rust_decimal::Decimal`.
fn plain(value: &Decimal) -> Option<String> {
    let text = value.as_str();
    let text = text.strip_prefix('+').unwrap_or(text);
    if !text.contains(['e', 'E']) {
        return Some(text.to_string());
    }
    let (negative, digits, exponent) = value.key();
    if digits.is_empty() {
        return Some("0".to_string());
    }
    if digits.len() as u64 + exponent.unsigned_abs() > 64 {
        return None;
    }
    let sign = if negative { "-" } else { "" };
    let shift = exponent.unsigned_abs() as usize;
    Some(if exponent >= 0 {
        format!("{sign}{digits}{}", "0".repeat(shift))
    } else if shift >= digits.len() {
        format!("{sign}0.{}{digits}", "0".repeat(shift - digits.len()))
    } else {
        let (whole, fraction) = digits.split_at(digits.len() - shift);
        format!("{sign}{whole}.{fraction}")
    })
}

/// The same number, never rounded: one of more than 28 decimal places or
/// beyond 96 bits is refused.
impl TryFrom<&Decimal> for Exact {
    type Error = DecimalError;

    fn try_from(value: &Decimal) -> Result<Self, Self::Error> {
        plain(value)
            .and_then(|text| Exact::from_str_exact(&text).ok())
            .ok_or_else(|| DecimalError::new(value.as_str(), TOO_LONG))
    }
}

/// The same number, never rounded: one of more than 28 decimal places or
/// beyond 96 bits is refused.
impl TryFrom<Decimal> for Exact {
    type Error = DecimalError;

    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        Exact::try_from(&value)
    }
}

/// The number as rust_decimal writes it, its scale kept (`12.50`).
impl From<&Exact> for Decimal {
    fn from(value: &Exact) -> Self {
        Decimal::written(value.to_string())
    }
}

/// The number as rust_decimal writes it, its scale kept (`12.50`).
impl From<Exact> for Decimal {
    fn from(value: Exact) -> Self {
        Decimal::from(&value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponents_are_written_out() {
        let p = |t: &str| plain(&t.parse().unwrap()).unwrap();
        assert_eq!(p("1.5E3"), "1500");
        assert_eq!(p("-12.5e-3"), "-0.0125");
        assert_eq!(p("125e-1"), "12.5");
        assert_eq!(p("+0e5"), "0");
        assert_eq!(p("+12.50"), "12.50");
        assert!(plain(&"1e999".parse().unwrap()).is_none());
    }
}
