//! A body kept in every encoding a reader may ask for, compressed once when stored, so a
//! cache hit costs no compression.

use std::io::Write;

use axum::http::HeaderValue;
use bytes::Bytes;

/// Bodies smaller than this are not worth compressing (headers dwarf the saving).
const MIN_COMPRESS: usize = 512;
/// Brotli quality 5: on an 11 KB article page it costs 0.34 ms against 9.0 ms at quality
/// 9 for 0.6% more bytes (2,790 vs 2,773; Python's brotli, the same C encoder family). It
/// runs on every cache miss, and a miss must cost less than the render, not 25 times it.
const BROTLI_QUALITY: u32 = 5;
const BROTLI_WINDOW: u32 = 22;

#[derive(Debug, Clone)]
pub struct Encoded {
    pub identity: Bytes,
    pub br: Option<Bytes>,
    pub gzip: Option<Bytes>,
    /// Which encodings were made (a made one may still be `None`: not smaller than the
    /// plain body). Each is made when first asked for, so a miss compresses once, for the
    /// encoding its reader accepts, and a reader who accepts none costs no compression.
    made: (bool, bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Identity,
    Br,
    Gzip,
}

impl Encoded {
    /// The body in every encoding.
    pub fn new(identity: Bytes) -> Self {
        Self::plain(identity).make(true, true)
    }

    /// The body with no encoding made yet.
    pub fn plain(identity: Bytes) -> Self {
        let small = identity.len() < MIN_COMPRESS;
        Self {
            identity,
            br: None,
            gzip: None,
            made: (small, small),
        }
    }

    /// Whether a reader sending this `Accept-Encoding` wants an encoding not made yet.
    pub fn lacks(&self, accept: Option<&HeaderValue>) -> bool {
        let (br, gzip) = self.wanted(accept);
        (br && !self.made.0) || (gzip && !self.made.1)
    }

    /// A copy with the encoding a reader sending `accept` prefers made: brotli if they
    /// take it, else gzip.
    pub fn made_for(&self, accept: Option<&HeaderValue>) -> Self {
        let (br, gzip) = self.wanted(accept);
        let out = self.make(br, false);
        // Gzip only for a reader brotli does not serve.
        let gzip = gzip && !(br && out.br.is_some());
        out.make(false, gzip)
    }

    /// The encodings a reader sending `accept` would be served, were they made.
    fn wanted(&self, accept: Option<&HeaderValue>) -> (bool, bool) {
        let Some(accept) = accept else {
            return (false, false);
        };
        let (br, gzip) = accepted(accept.as_bytes());
        let br_serves = br && (!self.made.0 || self.br.is_some());
        (br, gzip && !br_serves)
    }

    fn make(&self, br: bool, gzip: bool) -> Self {
        let mut out = self.clone();
        if br && !out.made.0 {
            out.br = brotli(&out.identity)
                .filter(|b| b.len() < out.identity.len())
                .map(exact);
            out.made.0 = true;
        }
        if gzip && !out.made.1 {
            out.gzip = gzip_of(&out.identity)
                .filter(|b| b.len() < out.identity.len())
                .map(exact);
            out.made.1 = true;
        }
        out
    }

    /// Total bytes held (for the cache's size bound).
    pub fn weight(&self) -> usize {
        self.identity.len()
            + self.br.as_ref().map_or(0, Bytes::len)
            + self.gzip.as_ref().map_or(0, Bytes::len)
    }

    /// The variant to send for this `Accept-Encoding`, and its `Content-Encoding`.
    pub fn pick(&self, accept: Option<&HeaderValue>) -> (Bytes, Option<HeaderValue>) {
        match self.choose(accept) {
            Coding::Br => (
                self.br.clone().unwrap_or_default(),
                Some(HeaderValue::from_static("br")),
            ),
            Coding::Gzip => (
                self.gzip.clone().unwrap_or_default(),
                Some(HeaderValue::from_static("gzip")),
            ),
            Coding::Identity => (self.identity.clone(), None),
        }
    }

    pub fn choose(&self, accept: Option<&HeaderValue>) -> Coding {
        let Some(accept) = accept else {
            return Coding::Identity;
        };
        let (br, gzip) = accepted(accept.as_bytes());
        if br && self.br.is_some() {
            Coding::Br
        } else if gzip && self.gzip.is_some() {
            Coding::Gzip
        } else {
            Coding::Identity
        }
    }
}

/// `bytes` in an allocation of its own length. A `Vec` grown by doubling keeps up to twice
/// its length, and `Bytes::from` keeps the whole allocation: held in the cache, that spare
/// room is memory the byte budget (which counts lengths) would not see.
pub(super) fn exact(bytes: impl Into<Vec<u8>>) -> Bytes {
    Bytes::from(bytes.into().into_boxed_slice())
}

/// Whether `br` and `gzip` are acceptable (present without `q=0`; `*` counts for both).
fn accepted(header: &[u8]) -> (bool, bool) {
    let Ok(header) = std::str::from_utf8(header) else {
        return (false, false);
    };
    let (mut br, mut gzip, mut star) = (None, None, None);
    for item in header.split(',') {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or("").trim();
        let refused = parts.any(|p| {
            let p = p.trim();
            p.strip_prefix("q=")
                .is_some_and(|q| q.trim().parse::<f32>().is_ok_and(|q| q <= 0.0))
        });
        let slot = if coding.eq_ignore_ascii_case("br") {
            &mut br
        } else if coding.eq_ignore_ascii_case("gzip") || coding.eq_ignore_ascii_case("x-gzip") {
            &mut gzip
        } else if coding == "*" {
            &mut star
        } else {
            continue;
        };
        *slot = Some(!refused);
    }
    let star = star.unwrap_or(false);
    (br.unwrap_or(star), gzip.unwrap_or(star))
}

fn brotli(input: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() / 4);
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY as i32,
        lgwin: BROTLI_WINDOW as i32,
        size_hint: input.len(),
        ..Default::default()
    };
    let mut reader = input;
    brotli::BrotliCompress(&mut reader, &mut out, &params).ok()?;
    Some(out)
}

fn gzip_of(input: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(input.len() / 3),
        flate2::Compression::new(6),
    );
    encoder.write_all(input).ok()?;
    encoder.finish().ok()
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn header(s: &'static str) -> HeaderValue {
        HeaderValue::from_static(s)
    }

    #[test]
    fn negotiates_like_browsers_and_tools_ask() {
        let body = Encoded::new(Bytes::from("<p>news</p>".repeat(200)));
        assert_eq!(
            body.choose(Some(&header("gzip, deflate, br, zstd"))),
            Coding::Br
        );
        assert_eq!(body.choose(Some(&header("gzip"))), Coding::Gzip);
        assert_eq!(
            body.choose(Some(&header("br;q=0, gzip;q=0.5"))),
            Coding::Gzip
        );
        assert_eq!(body.choose(Some(&header("identity"))), Coding::Identity);
        assert_eq!(body.choose(Some(&header("*"))), Coding::Br);
        assert_eq!(body.choose(None), Coding::Identity);
    }

    #[test]
    fn compressed_variants_decode_to_the_page() {
        let page = "<p>Parliament passed the budget.</p>".repeat(100);
        let body = Encoded::new(Bytes::from(page.clone()));
        let mut gunzipped = String::new();
        flate2::read::GzDecoder::new(body.gzip.as_deref().unwrap())
            .read_to_string(&mut gunzipped)
            .unwrap();
        assert_eq!(gunzipped, page);
        let mut unbrotli = Vec::new();
        brotli::BrotliDecompress(&mut body.br.as_deref().unwrap(), &mut unbrotli).unwrap();
        assert_eq!(unbrotli, page.as_bytes());
    }

    #[test]
    fn each_encoding_is_made_when_first_asked_for() {
        let page = Bytes::from("<p>news of the day</p>".repeat(200));
        let plain = Encoded::plain(page.clone());
        assert!(!plain.lacks(None), "a reader taking no encoding needs none");
        assert!(!plain.lacks(Some(&header("identity"))));
        assert!(plain.lacks(Some(&header("gzip, deflate, br"))));
        let for_browser = plain.made_for(Some(&header("gzip, deflate, br")));
        assert!(for_browser.br.is_some() && for_browser.gzip.is_none());
        assert_eq!(
            for_browser.choose(Some(&header("gzip, br"))),
            Coding::Br,
            "brotli serves browsers; gzip was not needed"
        );
        assert!(
            for_browser.lacks(Some(&header("gzip"))),
            "a gzip-only crawler"
        );
        let both = for_browser.made_for(Some(&header("gzip")));
        assert!(!both.lacks(Some(&header("gzip"))) && !both.lacks(Some(&header("br"))));
        assert_eq!(both.choose(Some(&header("gzip"))), Coding::Gzip);
        assert!(both.weight() > for_browser.weight());
    }

    #[test]
    fn tiny_bodies_stay_plain() {
        let body = Encoded::new(Bytes::from_static(b"ok"));
        assert_eq!(body.choose(Some(&header("br, gzip"))), Coding::Identity);
    }
}
