//! A stand-in for the crates.io `wasm-streams` 0.5, put in its place by the root
//! `Cargo.toml` (`[patch.crates-io]`).
//!
//! Why: leptos depends on `server_fn` with its `browser` feature whatever features we
//! choose, and that pulls in `wasm-streams`, whose `IntoUnderlyingSource`,
//! `IntoUnderlyingByteSource` and `IntoUnderlyingSink` are `#[wasm_bindgen]` exports.
//! Exports are roots: their code (and what it formats, down to the text of every
//! `std::io::ErrorKind`) stays in the wasm and their classes in the JavaScript glue,
//! although this site calls no server function. Measured on the release build: the wasm
//! is 6.7 kB smaller after gzip with this crate (210.7 → 203.9 kB).
//!
//! What is here is what `server_fn` 0.8 names, nothing more: [`ReadableStream::from_raw`]
//! and [`ReadableStream::into_stream`] (a response body as a stream of chunks), and
//! [`ReadableStream::from_stream`] with [`ReadableStream::into_raw`] (a streaming request
//! body), which throws: it needs the exported classes. If a leptos upgrade names more of
//! the crate, the build fails here; add the item, or drop the patch and accept the size.

use futures_util::stream::{self, Stream};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A JavaScript `ReadableStream`.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        ReadableStream { raw }
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// Not supported: a stream made from Rust needs the exported underlying-source class.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        wasm_bindgen::throw_str("wasm-streams stand-in: streams from Rust are not supported")
    }

    /// The stream's chunks, read with a default reader until it is done or fails.
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> + Unpin + 'static {
        let reader: web_sys::ReadableStreamDefaultReader = self.raw.get_reader().unchecked_into();
        Box::pin(stream::unfold(Some(reader), |reader| async move {
            let reader = reader?;
            match JsFuture::from(reader.read()).await {
                Err(e) => Some((Err(e), None)),
                Ok(result) => {
                    let result: web_sys::ReadableStreamReadResult = result.unchecked_into();
                    if result.get_done().unwrap_or(true) {
                        None
                    } else {
                        Some((Ok(result.get_value()), Some(reader)))
                    }
                }
            }
        }))
    }
}
