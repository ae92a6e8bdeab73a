//! `rate_limits.rs`: the rate limits the documents state, a constant per
//! resource, for the client's builder to keep to.

use quote::quote;

use super::text::doc2;
use super::{Module, ident};
use crate::ident::rate_limit_const;
use crate::model::Api;

pub fn emit(api: &Api) -> Module {
    let limits = api.models.iter().filter_map(|m| {
        let limit = m.rate_limit.as_ref()?;
        let name = ident(&rate_limit_const(&m.name));
        let text = doc2(
            &format!(
                "The rate limit of the [`{model}`](crate::{model}) resource: at most {} requests \
                 per {} per {}, as `{}` states it.",
                limit.requests,
                limit.per.word(),
                limit.scope,
                m.doc,
                model = m.name,
            ),
            "For [`ClientBuilder::rate_limit`](crate::ClientBuilder::rate_limit), which counts \
             the requests of each customer, and those of the partner, apart.",
        );
        let requests = proc_macro2::Literal::u32_unsuffixed(limit.requests);
        let seconds = proc_macro2::Literal::u64_unsuffixed(limit.per.seconds());
        Some(quote! {
            #text
            pub const #name: crate::RateLimit =
                crate::RateLimit::new(#requests, std::time::Duration::from_secs(#seconds));
        })
    });
    Module {
        file_name: "rate_limits.rs".into(),
        doc: "The rate limits the documents state, one per resource: values for \
              `ClientBuilder::rate_limit`."
            .into(),
        tokens: quote! { #(#limits)* },
        exports: Vec::new(),
        feature: None,
        table: None,
    }
}
