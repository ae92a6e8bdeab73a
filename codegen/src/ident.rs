//! The one place that turns spec names into Rust identifiers.

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// `agreement_status` -> `AgreementStatus`.
pub fn type_ident(name: &str) -> Result<String, String> {
    checked(name, name.to_upper_camel_case())
}

/// `isAgreementSigned` -> `is_agreement_signed`.
pub fn snake_ident(name: &str) -> Result<String, String> {
    checked(name, name.to_snake_case())
}

/// `MS-RequestId` -> `MS_REQUEST_ID`.
pub fn const_ident(name: &str) -> Result<String, String> {
    checked(name, name.to_shouty_snake_case())
}

/// Keywords are rejected rather than escaped, so that every generated name can
/// be written by a user exactly as the spec spells it.
fn checked(name: &str, ident: String) -> Result<String, String> {
    let word = ident.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && ident.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if syn::parse_str::<syn::Ident>(&ident).is_ok() {
        Ok(ident)
    } else if ident.is_empty() {
        Err(format!("`{name}` gives no Rust identifier: use letters"))
    } else if word {
        Err(format!(
            "`{name}` becomes `{ident}`, a Rust keyword: rename it"
        ))
    } else {
        Err(format!(
            "`{name}` becomes `{ident}`, which is not a Rust identifier: start it with a letter"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_rust_conventions() {
        assert_eq!(type_ident("tenant_id_not_guid").unwrap(), "TenantIdNotGuid");
        assert_eq!(
            snake_ident("isAgreementSigned").unwrap(),
            "is_agreement_signed"
        );
        assert_eq!(const_ident("MS-RequestId").unwrap(), "MS_REQUEST_ID");
        assert_eq!(const_ident("MS-CV").unwrap(), "MS_CV");
    }

    #[test]
    fn keywords_and_digits_are_rejected() {
        assert!(snake_ident("type").is_err());
        assert!(type_ident("21vianet").is_err());
        assert!(snake_ident("").is_err());
    }
}
