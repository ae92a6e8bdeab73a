//! How an operation's inputs and result are typed: the value a call gives,
//! the argument type of each parameter, and the statements that send it.
//! Shared by the `Client` method and the setters of its optional inputs.

use proc_macro2::TokenStream;
use quote::quote;

use super::{ident, rust_type};
use crate::model::{Encoding, Operation, Param, Type, ValueType};

/// The type of the value a call gives on success.
pub(super) fn value_type(o: &Operation) -> TokenStream {
    if let Some((answer, error)) = accepted(o) {
        return quote!(crate::Accepted<#answer, crate::#error>);
    }
    match (&o.outcome_type, &o.responses[..]) {
        (Some(t), _) => {
            let t = ident(t);
            quote!(#t)
        }
        (None, [r]) => match &r.body {
            Some(t) => rust_type(t),
            None => quote!(()),
        },
        (None, _) => quote!(()),
    }
}

/// The argument type of a parameter, and how its value is sent.
pub(super) fn argument(p: &Param) -> TokenStream {
    let item = match (&p.ty, p.encoding) {
        (Type::Scalar(ValueType::String | ValueType::Uri), _) => quote!(&str),
        (Type::Scalar(ValueType::Decimal | ValueType::DateTime | ValueType::Date), _) => {
            let t = rust_type(&p.ty);
            quote!(&#t)
        }
        (Type::Model(_), Encoding::Json) => {
            let t = rust_type(&p.ty);
            quote!(&#t)
        }
        (t, _) => rust_type(t),
    };
    if p.repeated { quote!(&[#item]) } else { item }
}

/// Statements that send `value` (an expression of the argument type) as `p`.
pub(super) fn send(p: &Param, value: TokenStream, replace: bool) -> TokenStream {
    let name = &p.name;
    let one = |v: TokenStream| match p.encoding {
        Encoding::Json => quote!(request.json_query(#name, #v);),
        Encoding::Text => quote!(request.query(#name, #v);),
    };
    let clear = replace.then(|| quote!(request.remove_query(#name);));
    if p.repeated {
        let each = one(quote!(item));
        quote! { #clear for item in #value { #each } }
    } else {
        let once = one(value);
        quote! { #clear #once }
    }
}

/// For an operation the service accepts and carries out later: the type of
/// what the operation its `Location` addresses answers, and its error type.
pub(super) fn accepted(o: &Operation) -> Option<(TokenStream, proc_macro2::Ident)> {
    let poll = o.responses.iter().find_map(|r| r.poll.as_ref())?;
    let answer = rust_type(poll.answer.as_ref()?);
    Some((answer, ident(&poll.error_type)))
}
