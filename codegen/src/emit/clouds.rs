//! `clouds.rs`: the versions of Partner Center and their base URLs.

use quote::quote;

use super::text::doc2;
use super::{Module, ident};
use crate::model::Api;

pub fn emit(api: &Api) -> Module {
    let variants = api.clouds.iter().map(|c| {
        let v = ident(&c.variant);
        let text = doc2(&c.name, &format!("Base URL: `{}`.", c.base_url));
        quote! { #text #v }
    });
    let all = api.clouds.iter().map(|c| ident(&c.variant));
    let arm = |f: fn(&crate::model::Cloud) -> &str| {
        let arms = api.clouds.iter().map(move |c| {
            let v = ident(&c.variant);
            let value = f(c);
            quote! { Cloud::#v => #value }
        });
        quote! { match self { #(#arms),* } }
    };
    let base_urls = arm(|c| &c.base_url);
    let names = arm(|c| &c.name);
    let ids = arm(|c| &c.id);
    Module {
        file_name: "clouds.rs".into(),
        doc: "The versions of Partner Center (clouds) and the base URL of each.".into(),
        tokens: quote! {
            use std::fmt;

            /// A version of Partner Center, each served from its own base URL.
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
            #[non_exhaustive]
            pub enum Cloud { #(#variants),* }

            impl Cloud {
                /// Every cloud, in the documents' order.
                pub const ALL: &[Cloud] = &[#(Cloud::#all),*];

                /// The base URL that operation paths are appended to.
                pub const fn base_url(self) -> &'static str { #base_urls }

                /// The name the documents give this version of Partner Center.
                pub const fn name(self) -> &'static str { #names }

                /// The spec's identifier of this cloud.
                pub const fn id(self) -> &'static str { #ids }
            }

            impl crate::Client {
                /// A builder for a client of `cloud`, using its documented base URL.
                pub fn builder(cloud: Cloud) -> crate::ClientBuilder {
                    crate::ClientBuilder::new(cloud.base_url(), &crate::headers::PROTOCOL)
                }
            }

            impl fmt::Display for Cloud {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str(self.name())
                }
            }
        },
        exports: vec!["Cloud".into()],
        feature: None,
        table: None,
    }
}
