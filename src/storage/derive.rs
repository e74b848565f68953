//! The lock's browser half (wasm32 only, issue 18, not yet used by the app): the key
//! that unwraps the data key, derived from the passphrase with WebCrypto's PBKDF2-SHA256
//! (native speed; once at unlock, so its being asynchronous costs nothing), and random
//! bytes from `crypto.getRandomValues` for salts, data keys, recovery keys and nonces.
//!
//! The only code that touches `crypto.subtle`. Every call is caught: where WebCrypto is
//! missing (an insecure context), the answer is an error in words, never a panic. Must
//! never keep the passphrase or a derived key beyond the call.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// PBKDF2 iterations for a new lock: OWASP's figure for PBKDF2-HMAC-SHA256.
pub const ITERATIONS: u32 = 600_000;

/// Why a key could not be derived or random bytes drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoUnavailable {
    /// No WebCrypto here (an insecure context) or it refused.
    Missing(String),
}

impl std::fmt::Display for CryptoUnavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let CryptoUnavailable::Missing(why) = self;
        f.write_str(&crate::i18n::tr_with(crate::i18n::T::store_no_crypto, &[("why", why)]))
    }
}

impl std::error::Error for CryptoUnavailable {}

fn crypto() -> Result<web_sys::Crypto, CryptoUnavailable> {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &JsValue::from_str("crypto"))
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::Crypto>().ok())
        .ok_or_else(|| CryptoUnavailable::Missing("no crypto".into()))
}

fn missing(e: JsValue) -> CryptoUnavailable {
    CryptoUnavailable::Missing(e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

/// `N` random bytes from the browser's cryptographic generator.
pub fn random<const N: usize>() -> Result<[u8; N], CryptoUnavailable> {
    let mut bytes = [0u8; N];
    crypto()?.get_random_values_with_u8_array(&mut bytes).map_err(missing)?;
    Ok(bytes)
}

/// The 256-bit key PBKDF2-HMAC-SHA256 derives from `passphrase` and `salt`.
pub async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<[u8; 32], CryptoUnavailable> {
    let subtle = crypto()?.subtle();
    let usages = js_sys::Array::of1(&JsValue::from_str("deriveBits"));
    let raw = js_sys::Uint8Array::from(passphrase.as_bytes());
    let base =
        JsFuture::from(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages).map_err(missing)?)
            .await
            .map_err(missing)?;
    let base: web_sys::CryptoKey = base.dyn_into().map_err(missing)?;
    let params = web_sys::Pbkdf2Params::new(
        "PBKDF2",
        &JsValue::from_str("SHA-256"),
        iterations,
        &js_sys::Uint8Array::from(salt),
    );
    let bits = JsFuture::from(subtle.derive_bits_with_object(&params, &base, 256).map_err(missing)?)
        .await
        .map_err(missing)?;
    let bytes = js_sys::Uint8Array::new(&bits).to_vec();
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| CryptoUnavailable::Missing("a short key".into()))
}
