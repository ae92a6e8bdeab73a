//! An operation's replay (feature `test-server`): its method called with
//! inputs given by name, as a recorded request gives them, each read as the
//! type the method takes. `Client::replay` finds it by the operation's id,
//! so that replaying every example of every page is data, not code.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::signature::value_type;
use super::text::doc;
use super::{ident, rust_type};
use crate::model::{Encoding, Operation, Param, Type, ValueType};

/// The name of `o`'s replay function.
pub(super) fn replay_ident(o: &Operation) -> proc_macro2::Ident {
    format_ident!("replay_{}", o.fn_ident)
}

/// `fn replay_<op>`: reads each input, calls the method, sets the optional
/// inputs given, and shows what came back as JSON.
pub(super) fn function(o: &Operation) -> TokenStream {
    let name = replay_ident(o);
    let method = ident(&o.fn_ident);
    let mut steps = Vec::new();
    let mut args = Vec::new();
    for p in &o.path_params {
        args.push(required(p));
    }
    for p in o.query.iter().filter(|p| p.required) {
        args.push(required(p));
    }
    if let Some(group) = &o.one_of {
        let ty = ident(&group.rust_type);
        let ty = quote!(crate::#ty);
        let names = group.params.iter().map(|p| &p.name);
        // `one_of` gives one of the names: the last is every other.
        let last = group.params.len().saturating_sub(1);
        let arms = group.params.iter().enumerate().map(|(i, p)| {
            let (name, variant) = (&p.name, ident(&p.variant));
            let pattern = if i == last { quote!(_) } else { quote!(#name) };
            quote! { #pattern => #ty::#variant(inputs.parse(#name)?), }
        });
        let arg = ident(&group.arg_ident);
        steps.push(quote! {
            let #arg = match inputs.one_of(&[#(#names),*])? {
                #(#arms)*
            };
        });
        args.push(quote!(#arg));
    }
    for h in o
        .request_headers
        .iter()
        .filter(|h| h.required && h.from_body.is_none())
    {
        let name = &h.name;
        args.push(quote!(inputs.required_header(#name)?));
    }
    if let Some(body) = &o.body {
        let ty = match &body.ty {
            Type::Array(item) => {
                let item = rust_type(item);
                quote!(Vec<#item>)
            }
            other => rust_type(other),
        };
        args.push(quote!(&inputs.body::<#ty>()?));
    }
    let setters = o.query.iter().filter(|p| !p.required).map(optional);
    let headers = o.request_headers.iter().map(|h| {
        let (name, setter) = (&h.name, ident(&h.rust_ident));
        quote! {
            if let Some(value) = inputs.header(#name) {
                call = call.#setter(value);
            }
        }
    });
    // A file is read whole and shown as its text.
    let done = if o.responses.iter().any(|r| r.body == Some(Type::Binary)) {
        quote!(Ok(ts::downloaded(call.await).await))
    } else {
        let show = show(o);
        quote!(Ok(ts::done(call.await, #show)))
    };
    let optional = o.query.iter().any(|p| !p.required) || !o.request_headers.is_empty();
    let call = if optional {
        quote!(let mut call)
    } else {
        quote!(let call)
    };
    let takes_inputs = o.params().next().is_some() || o.body.is_some() || optional;
    let unused = (!takes_inputs).then(|| quote!(let _ = inputs;));
    let text = doc(&format!(
        "Calls [`Client::{0}`](crate::Client::{0}) with `inputs`.",
        o.fn_ident
    ));
    quote! {
        #text
        fn #name<'a>(client: &'a crate::Client, inputs: &'a ts::Inputs) -> ts::Replaying<'a> {
            Box::pin(async move {
                #unused
                #(#steps)*
                #call = client.#method(#(#args),*);
                #(#setters)*
                #(#headers)*
                #done
            })
        }
    }
}

/// A required input, as the method's argument takes it.
fn required(p: &Param) -> TokenStream {
    let name = &p.name;
    if p.repeated && is_text(&p.ty) {
        return quote!(&inputs.all_text(#name));
    }
    if p.repeated {
        return quote!(&inputs.all(#name)?);
    }
    match (&p.ty, p.encoding) {
        (_, Encoding::Json) => quote!(&inputs.json(#name)?),
        (Type::Scalar(ValueType::String | ValueType::Uri), _) => quote!(inputs.text(#name)?),
        (Type::Scalar(ValueType::Decimal | ValueType::DateTime | ValueType::Date), _) => {
            quote!(&inputs.parse(#name)?)
        }
        _ => quote!(inputs.parse(#name)?),
    }
}

/// An optional query input: its setter called when it is given.
fn optional(p: &Param) -> TokenStream {
    let (name, setter) = (&p.name, ident(&p.rust_ident));
    let (read, pass) = if p.repeated {
        let all = if is_text(&p.ty) {
            quote!(inputs.all_text(#name))
        } else {
            quote!(inputs.all(#name)?)
        };
        (
            quote!(Some(#all).filter(|all: &Vec<_>| !all.is_empty())),
            quote!(&value),
        )
    } else {
        match (&p.ty, p.encoding) {
            (_, Encoding::Json) => (quote!(inputs.optional_json(#name)?), quote!(&value)),
            (Type::Scalar(ValueType::String | ValueType::Uri), _) => {
                (quote!(inputs.optional_text(#name)), quote!(value))
            }
            (Type::Scalar(ValueType::Decimal | ValueType::DateTime | ValueType::Date), _) => {
                (quote!(inputs.optional(#name)?), quote!(&value))
            }
            _ => (quote!(inputs.optional(#name)?), quote!(value)),
        }
    };
    quote! {
        if let Some(value) = #read {
            call = call.#setter(#pass);
        }
    }
}

fn is_text(t: &Type) -> bool {
    matches!(t, Type::Scalar(ValueType::String | ValueType::Uri))
}

/// How the value a call gives is shown as JSON: an outcome of several by
/// the spec's name of its answer, anything else as it serializes.
fn show(o: &Operation) -> TokenStream {
    // An accepted operation's 202 has no body: where to follow it is a header.
    if o.responses.iter().any(|r| r.poll.is_some()) {
        return quote!(|_| crate::Json::null());
    }
    let Some(outcome) = &o.outcome_type else {
        return quote!(ts::json);
    };

    let ty = ident(outcome);
    let value = value_type(o);
    let arms = o.responses.iter().map(|r| {
        let variant = r.variant.as_deref().unwrap_or("Ok");
        let v = ident(variant);
        match &r.body {
            Some(_) => quote! { crate::#ty::#v(_) => ts::name(#variant), },
            None => quote! { crate::#ty::#v => ts::name(#variant), },
        }
    });
    quote! {
        |value: &crate::#value| match value {
            #(#arms)*
        }
    }
}
