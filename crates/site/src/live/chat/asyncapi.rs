//! `GET /api/v1/asyncapi.json`: the chat protocol as an AsyncAPI 3.0 document. The
//! message schemas are generated from the protocol's types (`protocol`), one message per
//! frame type, so the document cannot drift from what the server sends and accepts.

use std::sync::LazyLock;

use axum::response::{IntoResponse, Response};
use http::HeaderValue;
use http::header::{CACHE_CONTROL, CONTENT_TYPE};
use serde_json::{Map, Value, json};
use utoipa::OpenApi;

use super::protocol::{ClientFrame, MAX_FRAME, SUBPROTOCOL, ServerFrame};

#[derive(OpenApi)]
#[openapi(components(schemas(ClientFrame, ServerFrame)))]
struct Schemas;

/// The `type` a branch of a tagged frame schema carries.
fn frame_type(branch: &Value) -> Option<String> {
    // A variant wrapping a struct (`Message(MessageView)`) comes as `allOf: [$ref, {type}]`.
    let Some(ty) = branch.pointer("/properties/type") else {
        return branch.get("allOf")?.as_array()?.iter().find_map(frame_type);
    };
    ty.get("enum")
        .and_then(|e| e.get(0))
        .or_else(|| ty.get("const"))
        .and_then(Value::as_str)
        .map(str::to_owned)
}

/// The branches of a `oneOf` frame schema, by the frame's `type`.
fn branches(schema: &Value) -> Vec<(String, Value)> {
    schema
        .get("oneOf")
        .and_then(Value::as_array)
        .map(|all| {
            all.iter()
                .filter_map(|b| frame_type(b).map(|t| (t, b.clone())))
                .collect()
        })
        .unwrap_or_default()
}

fn build() -> Value {
    let schemas = serde_json::to_value(
        Schemas::openapi()
            .components
            .map(|c| c.schemas)
            .unwrap_or_default(),
    )
    .unwrap_or_else(|_| json!({}));
    let mut messages = Map::new();
    let mut channel_messages = Map::new();
    let mut sent = Vec::new();
    let mut received = Vec::new();
    for (side, frame) in [("client", "ClientFrame"), ("server", "ServerFrame")] {
        let Some(schema) = schemas.get(frame) else {
            continue;
        };
        for (ty, mut payload) in branches(schema) {
            if side == "client" {
                // The server refuses unknown fields (`deny_unknown_fields`): say so.
                if let Some(object) = payload.as_object_mut() {
                    object.insert("additionalProperties".to_owned(), Value::Bool(false));
                }
            }
            let name = format!("{side}.{ty}");
            messages.insert(
                name.clone(),
                json!({
                    "name": ty,
                    "title": format!("{} `{ty}`", if side == "client" { "Client frame" } else { "Server frame" }),
                    "contentType": "application/json",
                    "payload": payload,
                }),
            );
            channel_messages.insert(
                name.clone(),
                json!({ "$ref": format!("#/components/messages/{name}") }),
            );
            let reference = json!({ "$ref": format!("#/channels/room/messages/{name}") });
            if side == "client" {
                received.push(reference);
            } else {
                sent.push(reference);
            }
        }
    }
    json!({
        "asyncapi": "3.0.0",
        "info": {
            "title": "Newsdesk chat",
            "version": "1",
            "description": format!(
                "One WebSocket per reader and room. Offer the subprotocol `{SUBPROTOCOL}`. \
                 Every frame is a text frame holding one JSON object with a `type`; frames \
                 over {MAX_FRAME} bytes close the socket (1009). Reading is open to all; \
                 writing needs a reader's session (`nd_reader` cookie) with a confirmed \
                 address, a staff session, or an Admin API token (`Authorization: Bearer`), \
                 and the page's own origin. A client that falls behind is closed with code \
                 4008 and reconnects with `?after=<last message id>`. The newsfeed's \
                 Server-Sent Events are in the OpenAPI document (`/api/v1/openapi.json`, tag \
                 `live`)."
            ),
        },
        "defaultContentType": "application/json",
        "servers": {
            "site": {
                "host": "localhost:8080",
                "protocol": "ws",
                "description": "The site itself (`wss` behind TLS); use the host the pages are served from."
            }
        },
        "channels": {
            "room": {
                "address": "/api/v1/chat/rooms/{room}/socket",
                "title": "A chat room",
                "parameters": {
                    "room": { "description": "The room's id (`GET /api/v1/chat/articles/{article}/room` finds an article's)." }
                },
                "messages": channel_messages,
                "bindings": {
                    "ws": {
                        "method": "GET",
                        "query": {
                            "type": "object",
                            "properties": {
                                "after": {
                                    "type": "integer",
                                    "description": "The last message id the client holds: the welcome's history is then every message after it (a reconnect)."
                                }
                            }
                        },
                        "bindingVersion": "0.1.0"
                    }
                }
            }
        },
        "operations": {
            "sendToReader": {
                "action": "send",
                "channel": { "$ref": "#/channels/room" },
                "summary": "What the server sends: welcome first, then messages, acks, deletions, presence, room changes, history answers, errors, pongs.",
                "messages": sent,
            },
            "receiveFromReader": {
                "action": "receive",
                "channel": { "$ref": "#/channels/room" },
                "summary": "What the server accepts: send, history, ping.",
                "messages": received,
            }
        },
        "components": {
            "messages": messages,
            "schemas": schemas,
        }
    })
}

/// The document, built once.
pub fn document() -> &'static Value {
    static DOC: LazyLock<Value> = LazyLock::new(build);
    &DOC
}

pub async fn serve() -> Response {
    let body = serde_json::to_vec_pretty(document()).unwrap_or_default();
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    response
}
