//! The TLS provider of the `rustls-ring` feature, for every HTTP client the
//! crate builds (the Partner Center client's, Entra ID's token endpoint's).

/// Makes ring the process's rustls crypto provider, unless one is already
/// installed (by the user, or by an earlier client): reqwest's rustls
/// without a provider of its own uses the process's, and would panic
/// without one.
#[cfg(feature = "rustls-ring")]
pub(crate) fn install_ring() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Another thread may install one between the two calls: then that
        // one is used, as it would be had it come first.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

/// Nothing to install: aws-lc-rs (`rustls`) is reqwest's own, and without
/// TLS there is no provider.
#[cfg(not(feature = "rustls-ring"))]
pub(crate) fn install_ring() {}
