//! Tracing events of the call loop, compiled only with the `tracing`
//! feature: without it the macro expands to nothing.

#[cfg(feature = "tracing")]
macro_rules! event {
    ($($t:tt)*) => { tracing::debug!($($t)*) };
}
#[cfg(not(feature = "tracing"))]
macro_rules! event {
    ($($t:tt)*) => {};
}
pub(crate) use event;
