//! `clouds.rs`: the versions of Partner Center, their base URLs, and the
//! token authority and resource of each where the documents state them.

use proc_macro2::TokenStream;
use quote::quote;

use super::text::{doc, doc2};
use super::{Module, ident};
use crate::model::{Api, Cloud, CloudFact};

pub fn emit(api: &Api) -> Module {
    let variants = api.clouds.iter().map(|c| {
        let v = ident(&c.variant);
        let stated = |what: &str, fact: &Option<CloudFact>| match fact {
            Some(f) => format!("{what}: `{}` ({}).", f.url, f.doc),
            None => format!("{what}: not stated by the documents."),
        };
        let facts = [
            format!("Base URL: `{}`.", c.base_url),
            stated("Entra ID authority", &c.authority),
            stated("Token resource", &c.token_resource),
        ];
        let text = doc2(&c.name, &facts.join("\n\n"));
        quote! { #text #v }
    });
    let all = api.clouds.iter().map(|c| ident(&c.variant));
    let arm = |f: fn(&Cloud) -> &str| {
        let arms = api.clouds.iter().map(move |c| {
            let v = ident(&c.variant);
            let value = f(c);
            quote! { Cloud::#v => #value }
        });
        quote! { match self { #(#arms),* } }
    };
    let stated = |f: fn(&Cloud) -> &Option<CloudFact>| {
        let arms = api.clouds.iter().map(move |c| {
            let v = ident(&c.variant);
            match f(c) {
                Some(fact) => {
                    let url = &fact.url;
                    quote! { Cloud::#v => Some(#url) }
                }
                None => quote! { Cloud::#v => None },
            }
        });
        quote! { match self { #(#arms),* } }
    };
    let authorities = stated(|c| &c.authority);
    let resources = stated(|c| &c.token_resource);
    let base_urls = arm(|c| &c.base_url);
    let providers = token_providers(api);
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

                /// The Microsoft Entra ID authority that issues this cloud's
                /// tokens (its token endpoint is `{authority}/{tenant}/oauth2/token`);
                /// `None` where the documents do not state it.
                pub const fn authority(self) -> Option<&'static str> { #authorities }

                /// The resource (audience) a Partner Center access token of this
                /// cloud is requested for; `None` where the documents do not
                /// state it.
                pub const fn token_resource(self) -> Option<&'static str> { #resources }
            }

            impl crate::Client {
                /// A builder for a client of `cloud`, using its documented base URL.
                pub fn builder(cloud: Cloud) -> crate::ClientBuilder {
                    crate::ClientBuilder::new(cloud.base_url(), &crate::headers::PROTOCOL)
                }
            }

            #providers

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

/// What the token providers take from a cloud: its `TokenCloud` (the first
/// cloud's by default, so that the runtime names none), and the `cloud(..)`
/// setter of each provider's builder, compiled with the provider's feature.
fn token_providers(api: &Api) -> TokenStream {
    let Some(first) = api.clouds.first() else {
        return TokenStream::new();
    };
    let (first, first_name) = (ident(&first.variant), first.variant.as_str());
    let entra_doc = doc(&format!(
        "The cloud whose Entra ID authority ([`Cloud::authority`]) and token resource \
         ([`Cloud::token_resource`]) the tokens are for (default: `Cloud::{first_name}`). \
         `.authority(..)` and `.resource(..)` override them; a cloud whose documents state \
         none needs them, or `build()` says so."
    ));
    let entra = ["RefreshTokenBuilder", "ClientSecretBuilder"].map(|name| {
        let builder = ident(name);
        quote! {
            #[cfg(feature = "entra")]
            impl crate::entra::#builder {
                #entra_doc
                pub fn cloud(self, cloud: Cloud) -> Self {
                    self.for_cloud(cloud.tokens())
                }
            }
        }
    });
    let azure_doc = doc(&format!(
        "The cloud whose token resource ([`Cloud::token_resource`]) the token is asked for, \
         as the scope `{{resource}}/.default` (default: `Cloud::{first_name}`). `.scope(..)` \
         overrides it; for a cloud whose documents state none, without it, the provider \
         answers an error that says so."
    ));
    quote! {
        #[cfg(any(feature = "entra", feature = "azure-core"))]
        impl Cloud {
            /// What the spec states of this cloud's tokens, as the token
            /// providers take it.
            const fn tokens(self) -> crate::token::TokenCloud {
                crate::token::TokenCloud {
                    name: self.name(),
                    authority: self.authority(),
                    resource: self.token_resource(),
                }
            }
        }

        /// The token providers' cloud until one is chosen: the spec's first.
        #[cfg(any(feature = "entra", feature = "azure-core"))]
        impl Default for crate::token::TokenCloud {
            fn default() -> Self {
                Cloud::#first.tokens()
            }
        }

        #(#entra)*

        #[cfg(feature = "azure-core")]
        impl crate::azure::AzureCredential {
            #azure_doc
            pub fn cloud(self, cloud: Cloud) -> Self {
                self.for_cloud(cloud.tokens())
            }
        }
    }
}
