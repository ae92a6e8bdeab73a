//! The client's decoding of response bodies: the first byte of the input
//! picks a type the client decodes (every success body of the spec's
//! operations, and the error body), the rest is the body. Whatever the
//! bytes, decoding gives a value or an error, never a panic; and a value
//! decoded writes JSON that reads back as the same value.
#![no_main]

use std::fmt::Debug;

use libfuzzer_sys::fuzz_target;
use partner_center::{
    AgreementStatus, Customer, CustomerBillingProfile, CustomerUser, DirectoryRole, ErrorBody,
    License, LicenseUpdate, ResourceCollection, SubscribedSku, UserMember,
};
use partner_center_fuzz::RESPONSE_TYPES;
use serde::Serialize;
use serde::de::DeserializeOwned;

fuzz_target!(|data: &[u8]| {
    let Some((&which, body)) = data.split_first() else {
        return;
    };
    // In the order of RESPONSE_TYPES.
    match usize::from(which) % RESPONSE_TYPES.len() {
        0 => round_trip::<AgreementStatus>(body),
        1 => round_trip::<Customer>(body),
        2 => round_trip::<ResourceCollection<Customer>>(body),
        3 => round_trip::<CustomerBillingProfile>(body),
        4 => round_trip::<CustomerUser>(body),
        5 => round_trip::<ResourceCollection<CustomerUser>>(body),
        6 => round_trip::<ResourceCollection<License>>(body),
        7 => round_trip::<ResourceCollection<SubscribedSku>>(body),
        8 => round_trip::<LicenseUpdate>(body),
        9 => round_trip::<ResourceCollection<DirectoryRole>>(body),
        10 => round_trip::<ResourceCollection<UserMember>>(body),
        11 => round_trip::<UserMember>(body),
        _ => round_trip::<ErrorBody>(body),
    }
});

/// Decodes `body` as `T`; a value must write JSON that reads back as itself.
fn round_trip<T: DeserializeOwned + Serialize + PartialEq + Debug>(body: &[u8]) {
    let Ok(value) = serde_json::from_slice::<T>(body) else {
        return;
    };
    let written = match serde_json::to_vec(&value) {
        Ok(written) => written,
        Err(e) => panic!("a decoded value cannot be written ({e}): {value:?}"),
    };
    match serde_json::from_slice::<T>(&written) {
        Ok(again) => assert_eq!(again, value, "{}", String::from_utf8_lossy(&written)),
        Err(e) => panic!(
            "what a decoded value wrote does not read back ({e}): {}",
            String::from_utf8_lossy(&written)
        ),
    }
}
