//! The one place that turns spec names into Rust identifiers, and that knows
//! which identifiers the generated crate cannot use.

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// `agreement_status` -> `AgreementStatus`.
pub fn type_ident(name: &str) -> Result<String, String> {
    checked(name, name.to_upper_camel_case())
}

/// `isAgreementSigned` -> `is_agreement_signed`.
pub fn snake_ident(name: &str) -> Result<String, String> {
    checked(name, name.to_snake_case())
}

/// The argument of a path or query parameter: [`snake_ident`], except that a
/// concept the documents name in several ways ([`PARAM_CONCEPTS`]) takes one
/// name in every operation: `customer-id` -> `customer_tenant_id`, as
/// `customer-tenant-id` is.
pub fn param_ident(name: &str) -> Result<String, String> {
    let ident = snake_ident(name)?;
    Ok(PARAM_CONCEPTS
        .iter()
        .find(|(_, spellings)| spellings.contains(&ident.as_str()))
        .map_or(ident, |(concept, _)| concept.to_string()))
}

/// One argument name per concept: the pages name the customer's tenant id
/// `{customer-tenant-id}` (most often), `{customer-id}` and `{customerId}`,
/// a subscription's id `{subscription-id}` and `{id-for-subscription}`, an
/// order's `{order-id}`, `{orderId}` and `{id-for-order}`. Each concept's
/// argument is its first name (the pages' most common), whatever the
/// spelling of the path template; the other spellings, in snake case, follow.
pub const PARAM_CONCEPTS: &[(&str, &[&str])] = &[
    ("customer_tenant_id", &["customer_id"]),
    ("subscription_id", &["id_for_subscription"]),
    ("order_id", &["id_for_order"]),
];

/// `MS-RequestId` -> `MS_REQUEST_ID`.
pub fn const_ident(name: &str) -> Result<String, String> {
    checked(name, name.to_shouty_snake_case())
}

/// The modules of a spec file's operations and models, from its name:
/// `directory-roles.yaml` -> `directory_roles`.
pub fn area_ident(stem: &str) -> Result<String, String> {
    checked(stem, stem.to_snake_case())
}

/// The static of the test server that holds the route of the operation
/// whose method is `fn_ident` (a checked identifier): `get_customer` ->
/// `GET_CUSTOMER`.
pub fn route_static(fn_ident: &str) -> String {
    fn_ident.to_shouty_snake_case()
}

/// The constant of `rate_limits.rs` that holds the rate limit of the model
/// `name` (a checked type name): `Customer` -> `CUSTOMER`.
pub fn rate_limit_const(name: &str) -> String {
    name.to_shouty_snake_case()
}

/// The static of the test server that says how pages of the collection
/// `name` (a checked type name) are written: `PAGE_OF_RESOURCE_COLLECTION`.
pub fn page_static(name: &str) -> String {
    format!("PAGE_OF_{}", name.to_shouty_snake_case())
}

/// Keywords are rejected rather than escaped, so that every generated name can
/// be written by a user exactly as the spec spells it. Identifiers are ASCII:
/// rustc refuses others in some places (E0754: a module's file, an exported
/// symbol), lints them elsewhere, and a user could not always type them.
fn checked(name: &str, ident: String) -> Result<String, String> {
    let word = ident.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && ident.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if word && !KEYWORDS.contains(&ident.as_str()) && syn::parse_str::<syn::Ident>(&ident).is_ok() {
        Ok(ident)
    } else if ident.is_empty() {
        Err(format!("`{name}` gives no Rust identifier: use letters"))
    } else if word {
        Err(format!(
            "`{name}` becomes `{ident}`, a Rust keyword: rename it"
        ))
    } else if !ident.is_ascii() {
        Err(format!(
            "`{name}` becomes `{ident}`, which is not ASCII: the crate's identifiers are ASCII letters, digits and `_`"
        ))
    } else {
        Err(format!(
            "`{name}` becomes `{ident}`, which is not a Rust identifier: start it with a letter"
        ))
    }
}

/// The keywords of Rust in edition 2024, strict and reserved, and `_`: none
/// can be an identifier without `r#`. The generator does not rely on syn's
/// list alone, which lags the editions (it parses `gen` as an identifier).
pub const KEYWORDS: &[&str] = &[
    "_", "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The constant `headers.rs` gives the default value of the request header
/// whose constant is `header`: `X_LOCALE` -> `X_LOCALE_DEFAULT`.
pub fn default_const(header: &str) -> String {
    format!("{header}_DEFAULT")
}

/// The items `headers.rs` has besides a constant per header (and
/// [`default_const`]s), with what each is: no header constant can take them.
pub const HEADERS_MODULE_ITEMS: &[(&str, &str)] = &[
    ("HEADERS", "the table of every header"),
    ("PROTOCOL", "the facts of the protocol the runtime acts on"),
];

/// Why a type name cannot be used at the crate's root, if it cannot: it is a
/// name of the standard prelude, or of the hand-written runtime.
pub fn reserved_type(name: &str) -> Option<&'static str> {
    if PRELUDE.contains(&name) {
        Some("a name of Rust's prelude")
    } else if RUNTIME_TYPES.contains(&name) {
        Some("a type of the client runtime")
    } else if GENERATOR_TYPES.contains(&name) {
        Some("a name the generated code uses itself")
    } else {
        None
    }
}

/// Names the standard prelude brings into every module (types, traits and
/// variants): a generated type of the same name would shadow them.
pub const PRELUDE: &[&str] = &[
    "AsMut",
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Default",
    "DoubleEndedIterator",
    "Drop",
    "Eq",
    "Err",
    "ExactSizeIterator",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "Into",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
];

/// The types the runtime exports at the crate's root (`generated/src/lib.rs`;
/// a test keeps this list complete).
pub const RUNTIME_TYPES: &[&str] = &[
    "Accepted",
    "AllOperations",
    "Answer",
    "ApiError",
    "BuildError",
    "Call",
    "CallInfo",
    "Client",
    "ClientBuilder",
    "Date",
    "DateError",
    "DateTime",
    "DateTimeError",
    "Decimal",
    "DecimalError",
    "DocumentedError",
    "Download",
    "Error",
    "ErrorBody",
    "ErrorCategory",
    "ErrorCodeInfo",
    "InputError",
    "Inputs",
    "Items",
    "Json",
    "JsonError",
    "ListingPosition",
    "Method",
    "NextLink",
    "OperationError",
    "Pages",
    "Paged",
    "RateLimit",
    "Received",
    "Replayed",
    "RequestBuilder",
    "Response",
    "ResponseMeta",
    "RetryPolicy",
    "Script",
    "Scripted",
    "Scripting",
    "TestServer",
    "TokenEndpoint",
    "TokenError",
    "TokenExchange",
    "TokenFuture",
    "TokenProvider",
    "TokenRefusal",
    "Cause",
    "Uuid",
];

/// Names the generated modules use for their own items and imports.
pub const GENERATOR_TYPES: &[&str] = &["Cloud", "Payload", "Request"];

/// The name the generated methods give their request: no argument or setter
/// can take it.
pub const REQUEST_LOCAL: &str = "request";

/// Methods of the runtime's `Call`: an operation's setters cannot take them.
pub const CALL_METHODS: &[&str] = &[
    "correlation_id",
    "header",
    "into_future",
    "items",
    "items_from",
    "pages",
    "pages_from",
    "request_id",
    "retry",
    "send",
    "timeout",
];

/// Methods of the runtime's `Client`: an operation cannot take them.
pub const CLIENT_METHODS: &[&str] = &[
    "base_url",
    "builder",
    "clone",
    "fmt",
    "replay",
    "request",
    "retry_policy",
];

/// Methods of the test server's `TestServer`, which has a method per
/// operation too: an operation cannot take them.
pub const SERVER_METHODS: &[&str] = &[
    "address",
    "all",
    "base_url",
    "client",
    "drop",
    "fmt",
    "requests",
    "reset",
    "routes",
    "scripts",
    "serve",
    "start",
    "start_on",
    "take_requests",
    "token_endpoint",
];

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
        assert_eq!(
            snake_ident("customer-tenant-id").unwrap(),
            "customer_tenant_id"
        );
        assert_eq!(area_ident("directory-roles").unwrap(), "directory_roles");
    }

    #[test]
    fn one_argument_name_per_concept() {
        for spelling in [
            "customer-id",
            "customerId",
            "customer_id",
            "customer-tenant-id",
        ] {
            assert_eq!(param_ident(spelling).unwrap(), "customer_tenant_id");
        }
        assert_eq!(
            param_ident("id-for-subscription").unwrap(),
            "subscription_id"
        );
        assert_eq!(param_ident("id-for-order").unwrap(), "order_id");
        assert_eq!(param_ident("orderId").unwrap(), "order_id");
        // Another concept keeps its own name.
        assert_eq!(param_ident("tenantId").unwrap(), "tenant_id");
        assert!(param_ident("type").is_err());
    }

    #[test]
    fn keywords_and_digits_are_rejected() {
        assert!(snake_ident("type").is_err());
        for keyword in KEYWORDS {
            assert!(checked(keyword, keyword.to_string()).is_err(), "{keyword}");
        }
        assert!(snake_ident("gen").unwrap_err().contains("keyword"));
        assert!(type_ident("self").is_err()); // `Self`
        assert!(snake_ident("union").is_ok()); // a keyword only where a type is declared
        assert!(type_ident("21vianet").is_err());
        assert!(snake_ident("").is_err());
    }

    #[test]
    fn identifiers_are_ascii() {
        let why = snake_ident("agréement_status").unwrap_err();
        assert!(why.contains("not ASCII"), "{why}");
        assert!(type_ident("Änderung").is_err());
        assert!(snake_ident("中文").is_err());
    }

    #[test]
    fn prelude_and_runtime_names_are_reserved() {
        assert!(reserved_type("Option").is_some());
        assert!(reserved_type("Client").is_some());
        assert!(reserved_type("Customer").is_none());
    }
}
