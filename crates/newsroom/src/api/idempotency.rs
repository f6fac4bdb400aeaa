//! `Idempotency-Key` on the Admin API's POST requests (draft-ietf-httpapi-idempotency-key-header):
//! a client that retries after a timeout gets the first answer again instead of a second
//! article, photo or token.
//!
//! The key is taken (a row in `idempotency_keys`, whose primary key is the lock) before the
//! request runs, and the answer recorded after. A request that ends in an error changed
//! nothing (the action's transaction rolled back), so its key is freed and a retry runs
//! again. A request whose answer was never recorded (the process died in between) keeps its
//! key: the retry is refused with 409 rather than risking a second creation.
//!
//! Keys belong to the credential (an API token, or one staff session), and the recorded
//! answer is sealed with a key derived from that credential's secret, which the database
//! never holds: another caller cannot read it, and neither can a leaked database (some
//! answers carry secrets: a new API token, a set-password link).

use std::time::Duration;

use axum::Json;
use axum::body::Body;
use axum::extract::{FromRequestParts, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use http::header::{AUTHORIZATION, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use http::request::Parts;
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::{IdempotentRequest, Reservation, Store};
use ring::aead::{Aad, CHACHA20_POLY1305, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::digest::{Context, SHA256};
use ring::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Serialize};

use crate::api::error::{ApiError, ApiErrorBody, ApiErrorDetail};
use crate::auth::cookies::{SESSION_COOKIE, read};
use crate::auth::extract::ApiActor;
use crate::auth::token::hash_secret;

/// The request header.
pub const HEADER: &str = "idempotency-key";
/// Set on an answer replayed from an earlier request with the same key.
pub const REPLAYED: &str = "idempotent-replayed";
/// The longest key accepted.
pub const MAX_KEY_LEN: usize = 255;
/// An unfinished key older than this belongs to a request that was interrupted (its
/// handler runs to the end even when the client leaves, so only a dead process leaves one).
const INTERRUPTED_AFTER: Duration = Duration::from_secs(300);
/// Room for a multipart form's framing around an upload of the largest size.
const MULTIPART_SLACK: usize = 64 * 1024;
/// The largest answer recorded; the Admin API's answers are far smaller.
const MAX_RECORDED: usize = 16 * 1024 * 1024;

pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST {
        return next.run(req).await;
    }
    let key = match parse_key(req.headers()) {
        Ok(Some(key)) => key,
        Ok(None) => return next.run(req).await,
        Err(err) => return err.into_response(),
    };
    let (mut parts, body) = req.into_parts();
    let Some(caller) = caller(&mut parts, &state).await else {
        // The handler refuses a request without valid credentials; nothing to remember.
        return next.run(Request::from_parts(parts, body)).await;
    };
    let limit = state.config().max_upload_bytes.max(super::JSON_BODY_LIMIT) + MULTIPART_SLACK;
    let bytes = match Limited::new(body, limit).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(err) if err.downcast_ref::<LengthLimitError>().is_some() => {
            return ApiError(HttpError::PayloadTooLarge(format!(
                "the request body is larger than {limit} bytes"
            )))
            .into_response();
        }
        Err(err) => {
            return ApiError(HttpError::BadRequest(format!(
                "could not read the request body: {err}"
            )))
            .into_response();
        }
    };
    let seal = Seal::derive(&caller.secret, &key);
    let record = Record {
        scope: caller.scope,
        fingerprint: seal.fingerprint(&parts, &bytes),
        request: format!("POST {}", parts.uri.path()),
        key,
    };
    match state
        .store()
        .reserve_idempotency_key(record.as_request())
        .await
    {
        Err(err) => return ApiError::from(err).into_response(),
        Ok(Reservation::Reserved) => {}
        Ok(Reservation::Mismatch) => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                "this Idempotency-Key was used with a different request; use a new key",
            );
        }
        Ok(Reservation::InProgress { since }) => return in_progress(since),
        Ok(Reservation::Done(sealed)) => {
            return match seal.open(&sealed) {
                Some(recorded) => recorded.replay(),
                None => ApiError(HttpError::internal(anyhow::anyhow!(
                    "a recorded idempotent answer does not open with its caller's key"
                )))
                .into_response(),
            };
        }
    }
    let req = Request::from_parts(parts, Body::from(bytes));
    let store = state.store().clone();
    // Spawned: a client that gives up (or the server's request timeout) must not cancel the
    // request between its write and the recording of its answer, or a retry could not be
    // answered.
    let task = tokio::spawn(async move {
        let response = next.run(req).await;
        finish(&store, &record, &seal, response).await
    });
    match task.await {
        Ok(response) => response,
        // The key stays taken: whether the request changed anything is unknown.
        Err(err) if err.is_panic() => std::panic::resume_unwind(err.into_panic()),
        Err(err) => ApiError(HttpError::internal(anyhow::anyhow!(
            "idempotent request did not finish: {err}"
        )))
        .into_response(),
    }
}

/// The key, None without the header, 400 when it is malformed. The draft sends it as a
/// structured-field string (`"…"`); a bare token is accepted too.
pub fn parse_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let mut values = headers.get_all(HEADER).iter();
    let Some(value) = values.next() else {
        return Ok(None);
    };
    let bad = |message: &str| Err(ApiError(HttpError::BadRequest(message.to_owned())));
    if values.next().is_some() {
        return bad("send one Idempotency-Key header");
    }
    let raw = value.as_bytes();
    let raw = match raw {
        [b'"', inner @ .., b'"'] if !inner.is_empty() => inner,
        _ => raw,
    };
    if raw.is_empty() || raw.len() > MAX_KEY_LEN || !raw.iter().all(|b| (0x20..=0x7e).contains(b)) {
        return bad("Idempotency-Key must be 1 to 255 printable ASCII characters");
    }
    Ok(Some(String::from_utf8_lossy(raw).into_owned()))
}

/// Whose keys these are, and the secret their answers are sealed with.
struct Caller {
    scope: String,
    secret: String,
}

async fn caller(parts: &mut Parts, state: &AppState) -> Option<Caller> {
    let ApiActor(actor) = ApiActor::from_request_parts(parts, state).await.ok()?;
    if let Some(id) = actor.token_id {
        let value = parts.headers.get(AUTHORIZATION)?.to_str().ok()?;
        let secret = value.strip_prefix("Bearer ")?.trim().to_owned();
        return Some(Caller {
            scope: format!("t:{id}"),
            secret,
        });
    }
    let cookie = read(&parts.headers, SESSION_COOKIE)?;
    Some(Caller {
        scope: format!("s:{}", hash_secret(&cookie)),
        secret: cookie,
    })
}

/// The owned form of a key's row, for the spawned request.
struct Record {
    scope: String,
    key: String,
    request: String,
    fingerprint: String,
}

impl Record {
    fn as_request(&self) -> IdempotentRequest<'_> {
        IdempotentRequest {
            scope: &self.scope,
            key: &self.key,
            request: &self.request,
            fingerprint: &self.fingerprint,
        }
    }
}

/// Records a success to replay; frees the key after an error (nothing was written).
async fn finish(store: &Store, record: &Record, seal: &Seal, response: Response) -> Response {
    if !response.status().is_success() {
        if let Err(err) = store.release_idempotency_key(record.as_request()).await {
            tracing::warn!(%err, request = record.request, "could not free an Idempotency-Key after an error; a retry with it will be refused");
        }
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = match Limited::new(body, MAX_RECORDED).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(err) => {
            return ApiError(HttpError::internal(anyhow::anyhow!(
                "reading an answer to record it: {err}"
            )))
            .into_response();
        }
    };
    let recorded = Recorded {
        status: parts.status.as_u16(),
        headers: [CONTENT_TYPE, LOCATION]
            .iter()
            .filter_map(|name| {
                let value = parts.headers.get(name)?.to_str().ok()?;
                Some((name.as_str().to_owned(), value.to_owned()))
            })
            .collect(),
        body: STANDARD.encode(&bytes),
    };
    match seal.seal(&recorded) {
        Some(sealed) => match store
            .complete_idempotency_key(record.as_request(), &sealed)
            .await
        {
            Ok(true) => {}
            Ok(false) => {
                tracing::warn!(
                    request = record.request,
                    "an Idempotency-Key was freed before its answer was recorded"
                );
            }
            Err(err) => {
                tracing::warn!(%err, request = record.request, "could not record an idempotent answer; a retry with its key will be refused");
            }
        },
        None => tracing::warn!("could not seal an idempotent answer"),
    }
    Response::from_parts(parts, Body::from(bytes))
}

fn in_progress(since: chrono::DateTime<chrono::Utc>) -> Response {
    let age = (chrono::Utc::now() - since).to_std().unwrap_or_default();
    if age > INTERRUPTED_AFTER {
        return refuse(
            StatusCode::CONFLICT,
            "idempotency_key_interrupted",
            "the request first sent with this Idempotency-Key was interrupted before its \
             answer was recorded, so whether it took effect is unknown: look for its result, \
             then use a new key",
        );
    }
    let mut response = refuse(
        StatusCode::CONFLICT,
        "idempotency_key_in_progress",
        "a request with this Idempotency-Key is still running; retry in a moment",
    );
    response
        .headers_mut()
        .insert(RETRY_AFTER, HeaderValue::from_static("1"));
    response
}

fn refuse(status: StatusCode, code: &str, message: &str) -> Response {
    let body = ApiErrorBody {
        error: ApiErrorDetail {
            code: code.to_owned(),
            message: message.to_owned(),
            fields: Vec::new(),
            current_version: None,
            used_by: Vec::new(),
        },
    };
    (status, Json(body)).into_response()
}

/// A recorded answer.
#[derive(Serialize, Deserialize)]
struct Recorded {
    status: u16,
    headers: Vec<(String, String)>,
    /// Base64.
    body: String,
}

impl Recorded {
    fn replay(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::OK);
        let body = STANDARD.decode(self.body.as_bytes()).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.remove(CONTENT_TYPE);
        for (name, value) in self.headers {
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_str(&value),
            ) {
                headers.insert(name, value);
            }
        }
        headers.insert(REPLAYED, HeaderValue::from_static("true"));
        response
    }
}

/// A key derived from the caller's secret and the idempotency key: seals the recorded
/// answer and keys the request's fingerprint.
struct Seal([u8; 32]);

impl Seal {
    fn derive(secret: &str, key: &str) -> Seal {
        let mut ctx = Context::new(&SHA256);
        ctx.update(b"newsdesk idempotency v1\0");
        ctx.update(secret.as_bytes());
        ctx.update(b"\0");
        ctx.update(key.as_bytes());
        let mut out = [0u8; 32];
        out.copy_from_slice(ctx.finish().as_ref());
        Seal(out)
    }

    /// Method, path and query, content type and body. A multipart form's boundary is left
    /// out: clients draw a new one when they rebuild the form for a retry.
    fn fingerprint(&self, parts: &Parts, body: &[u8]) -> String {
        let mut ctx = Context::new(&SHA256);
        ctx.update(b"fingerprint\0");
        ctx.update(&self.0);
        ctx.update(parts.method.as_str().as_bytes());
        ctx.update(b"\0");
        let target = parts.uri.path_and_query().map_or("", |p| p.as_str());
        ctx.update(target.as_bytes());
        ctx.update(b"\0");
        let content_type = parts
            .headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        match multipart_boundary(content_type) {
            Some(boundary) => {
                ctx.update(b"multipart/form-data\0");
                let mut from = 0;
                for at in memchr::memmem::find_iter(body, boundary.as_bytes()) {
                    ctx.update(body.get(from..at).unwrap_or_default());
                    from = at + boundary.len();
                }
                ctx.update(body.get(from..).unwrap_or_default());
            }
            None => {
                ctx.update(content_type.as_bytes());
                ctx.update(b"\0");
                ctx.update(body);
            }
        }
        URL_SAFE_NO_PAD.encode(ctx.finish().as_ref())
    }

    fn cipher(&self) -> Option<LessSafeKey> {
        UnboundKey::new(&CHACHA20_POLY1305, &self.0)
            .ok()
            .map(LessSafeKey::new)
    }

    /// The nonce, then the ciphertext and its tag.
    fn seal(&self, recorded: &Recorded) -> Option<Vec<u8>> {
        let mut nonce = [0u8; NONCE_LEN];
        SystemRandom::new().fill(&mut nonce).ok()?;
        let mut data = serde_json::to_vec(recorded).ok()?;
        self.cipher()?
            .seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::empty(), &mut data)
            .ok()?;
        let mut out = nonce.to_vec();
        out.append(&mut data);
        Some(out)
    }

    fn open(&self, sealed: &[u8]) -> Option<Recorded> {
        let (nonce, data) = sealed.split_at_checked(NONCE_LEN)?;
        let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
        let mut data = data.to_vec();
        let plain = self
            .cipher()?
            .open_in_place(nonce, Aad::empty(), &mut data)
            .ok()?;
        serde_json::from_slice(plain).ok()
    }
}

/// Documents the header on every POST operation of `doc`, with the answers it adds.
pub fn document(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
    use utoipa::openapi::{
        ContentBuilder, ObjectBuilder, Ref, RefOr, Required, ResponseBuilder, Type,
    };
    let parameter = ParameterBuilder::new()
        .name("Idempotency-Key")
        .parameter_in(ParameterIn::Header)
        .required(Required::False)
        .description(Some(
            "Makes a retry safe: a repeat of this request with the same key (within 24 hours, \
             by the same token or session) answers the first answer again, marked \
             `Idempotent-Replayed: true`, instead of creating a second resource. The same \
             key with a different request is refused (422 `idempotency_key_reused`); while \
             the first is running, 409 `idempotency_key_in_progress`. A request that failed \
             frees its key. 1 to 255 printable ASCII characters, bare or quoted.",
        ))
        .schema(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(1))
                .max_length(Some(MAX_KEY_LEN))
                .pattern(Some("^[!-~]([ -~]*[!-~])?$")),
        ))
        .build();
    let response = |text: &str| -> RefOr<utoipa::openapi::Response> {
        ResponseBuilder::new()
            .description(text)
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ApiErrorBody")))
                    .build(),
            )
            .build()
            .into()
    };
    let added = [
        ("400", "A malformed `Idempotency-Key`"),
        (
            "409",
            "`idempotency_key_in_progress`: a request with this `Idempotency-Key` is still \
             running (see `Retry-After`); `idempotency_key_interrupted`: it was interrupted \
             and its outcome is unknown",
        ),
        (
            "422",
            "`idempotency_key_reused`: this `Idempotency-Key` was used with a different request",
        ),
    ];
    for (path, item) in doc.paths.paths.iter_mut() {
        let Some(op) = item.post.as_mut() else {
            continue;
        };
        if !path.starts_with("/api/v1/admin/") {
            continue;
        }
        op.parameters
            .get_or_insert_with(Vec::new)
            .push(parameter.clone());
        for (status, text) in added {
            match op.responses.responses.get_mut(status) {
                Some(RefOr::T(existing)) => {
                    existing.description = format!("{}; or {text}", existing.description);
                }
                Some(RefOr::Ref(_)) => {}
                None => {
                    op.responses
                        .responses
                        .insert(status.to_owned(), response(text));
                }
            }
        }
    }
}

fn multipart_boundary(content_type: &str) -> Option<&str> {
    let (essence, params) = content_type.split_once(';')?;
    if !essence.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (name, value) = p.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"'))
            .filter(|b| !b.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(value: &'static str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(HEADER, HeaderValue::from_static(value));
        h
    }

    #[test]
    fn keys_are_one_to_255_printable_ascii_quoted_or_not() {
        assert_eq!(parse_key(&HeaderMap::new()).unwrap(), None);
        assert_eq!(
            parse_key(&headers("abc-1")).unwrap().as_deref(),
            Some("abc-1")
        );
        assert_eq!(
            parse_key(&headers("\"abc 1\"")).unwrap().as_deref(),
            Some("abc 1")
        );
        assert_eq!(
            parse_key(&headers("\"\"")).unwrap().as_deref(),
            Some("\"\"")
        );
        let long = HeaderValue::from_str(&"k".repeat(256)).unwrap();
        let mut h = HeaderMap::new();
        h.insert(HEADER, long);
        assert!(parse_key(&h).is_err());
        let mut h = HeaderMap::new();
        h.insert(HEADER, HeaderValue::from_bytes(b"caf\xc3\xa9").unwrap());
        assert!(parse_key(&h).is_err());
        let mut h = headers("a");
        h.append(HEADER, HeaderValue::from_static("b"));
        assert!(parse_key(&h).is_err());
    }

    #[test]
    fn answers_open_only_with_the_same_secret_and_key() {
        let recorded = Recorded {
            status: 201,
            headers: vec![("location".to_owned(), "/x".to_owned())],
            body: STANDARD.encode(b"{\"token\":\"nd_secret\"}"),
        };
        let sealed = Seal::derive("nd_a", "k").seal(&recorded).unwrap();
        assert!(!String::from_utf8_lossy(&sealed).contains("nd_secret"));
        assert!(Seal::derive("nd_a", "k").open(&sealed).is_some());
        assert!(Seal::derive("nd_b", "k").open(&sealed).is_none());
        assert!(Seal::derive("nd_a", "j").open(&sealed).is_none());
        assert!(Seal::derive("nd_a", "k").open(&sealed[..5]).is_none());
    }

    #[test]
    fn a_multipart_boundary_does_not_change_the_fingerprint() {
        let part = |boundary: &str| {
            let req = Request::builder()
                .method(Method::POST)
                .uri("/api/v1/admin/photos")
                .header(
                    CONTENT_TYPE,
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .body(())
                .unwrap();
            let body = format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nDATA\r\n--{boundary}--\r\n"
            );
            (req.into_parts().0, body)
        };
        let seal = Seal::derive("nd_a", "k");
        let (a, body_a) = part("aaaa1111");
        let (b, body_b) = part("\"bbbb2222\"".trim_matches('"'));
        assert_eq!(
            seal.fingerprint(&a, body_a.as_bytes()),
            seal.fingerprint(&b, body_b.as_bytes())
        );
        assert_ne!(
            seal.fingerprint(&a, body_a.as_bytes()),
            seal.fingerprint(&a, body_a.replace("DATA", "DATB").as_bytes())
        );
    }
}
