//! The OpenAPI document: what it declares, and that the running API keeps to it — every
//! documented request example is accepted, every answer matches its documented schema.

use http::{Method, StatusCode};
use newsdesk_core::Role;
use newsdesk_newsroom::api::ENDPOINTS;

use serde_json::{Value, json};

use crate::api_support::{
    assert_documented, bearer, call, call_raw, check, example_body, fill, operation,
    required_query, resolve, served_document, small_jpeg,
};
use crate::support::TestApp;

#[tokio::test]
async fn the_document_is_openapi_3_1_with_both_ways_to_authenticate() {
    let app = TestApp::new().await;
    let doc = served_document(&app).await;
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["bearer"]["scheme"], "bearer");
    assert_eq!(schemes["session"]["in"], "cookie");
    assert_eq!(schemes["session"]["name"], "nd_session");
    assert_eq!(schemes["csrf"]["in"], "header");
    let global = doc["security"].as_array().unwrap();
    assert_eq!(global.len(), 2, "bearer, or session with CSRF: {global:?}");

    for e in ENDPOINTS {
        let op = operation(&doc, e);
        let name = format!("{} {}", e.method, e.path);
        assert!(
            !op["responses"].as_object().unwrap().is_empty(),
            "{name}: no responses"
        );
        if e.path == "/api/v1/openapi.json" {
            assert_eq!(
                op["security"],
                serde_json::json!([{}]),
                "the document itself is public"
            );
            continue;
        }
        for status in ["401", "403", "429"] {
            let body = &op["responses"][status]["content"]["application/json"]["schema"]["$ref"];
            assert_eq!(
                body, "#/components/schemas/ApiErrorBody",
                "{name}: {status} not documented as an error body"
            );
        }
        if e.path.contains("{id}") {
            assert!(
                !op["responses"]["404"].is_null(),
                "{name}: 404 not documented"
            );
        }
        if !op["requestBody"]["content"]["application/json"].is_null() {
            assert!(
                example_body(&doc, op).is_some(),
                "{name}: its JSON request body has no example"
            );
            for status in ["400", "415", "422"] {
                assert!(
                    !op["responses"][status].is_null(),
                    "{name}: {status} not documented"
                );
            }
        }
    }
    let upload = &doc["paths"]["/api/v1/admin/photos"]["post"]["requestBody"]["content"];
    assert_eq!(
        upload["multipart/form-data"]["schema"]["$ref"],
        "#/components/schemas/UploadForm"
    );
    assert!(!upload["image/jpeg"].is_null());
    for status in ["413", "415", "422"] {
        assert!(!doc["paths"]["/api/v1/admin/photos"]["post"]["responses"][status].is_null());
    }
}

/// Every endpoint, called as an admin with its documented example (and a small JPEG for the
/// upload), is not refused for the request's shape, and answers with a documented status
/// and a body matching the schema documented for it.
#[tokio::test]
async fn examples_are_accepted_and_answers_match_their_schemas() {
    let app = TestApp::new().await;
    let doc = served_document(&app).await;
    let (_, admin) = bearer(&app, Role::Admin).await;
    let mut checked = 0;
    for (i, e) in ENDPOINTS.iter().enumerate() {
        if e.path == "/api/v1/openapi.json" {
            continue;
        }
        let op = operation(&doc, e);
        let path = fill(&app, e.path, e.fixture, 5000 + i).await + &required_query(op);
        let method = e.method.as_str().to_ascii_lowercase();
        let r = if e.path == "/api/v1/admin/photos" && e.method == Method::POST {
            call_raw(
                &app,
                Method::POST,
                &path,
                &admin,
                "image/jpeg",
                small_jpeg(),
            )
            .await
        } else {
            call(
                &app,
                e.method.clone(),
                &path,
                &admin,
                example_body(&doc, op).as_ref(),
            )
            .await
        };
        let name = format!("{} {path}", e.method);
        assert!(
            r.status != StatusCode::BAD_REQUEST && r.status != StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{name}: refused its own example: {}",
            r.body
        );
        assert!(!r.status.is_server_error(), "{name}: {}", r.body);
        if r.status == StatusCode::UNPROCESSABLE_ENTITY {
            // Allowed only for the business rules (e.g. scheduling a published article),
            // never because the example does not fit the request type.
            assert!(
                !r.body.contains("\"field\":\"body\""),
                "{name}: example does not deserialize: {}",
                r.body
            );
        }
        if r.status == StatusCode::NO_CONTENT {
            assert!(
                !op["responses"]["204"].is_null(),
                "{name}: 204 not documented"
            );
        } else {
            assert_documented(&doc, &method, e.path, &r);
        }
        checked += 1;
    }
    assert!(checked >= 50, "{checked}");
}

/// A value of the wrong JSON type for `schema` (after `$ref`), or outside its enum or
/// bounds: what a schema-driven fuzzer sends. `None` when every JSON value would fit.
fn violations(doc: &Value, schema: &Value) -> Vec<Value> {
    let schema = resolve(doc, schema);
    let mut out = Vec::new();
    if let Some(options) = schema["oneOf"].as_array().or(schema["anyOf"].as_array()) {
        // Something none of the alternatives takes.
        let all_types: Vec<&str> = options
            .iter()
            .flat_map(|o| types(resolve(doc, o)))
            .collect();
        if !all_types.is_empty() && !all_types.contains(&"object") {
            out.push(json!({ "not": "this" }));
        }
        return out;
    }
    let ts = types(schema);
    if !ts.is_empty() {
        let wrong = [
            ("string", json!(12345)),
            ("integer", json!("twelve")),
            ("boolean", json!("yes")),
            ("array", json!({ "a": 1 })),
            ("object", json!(["a"])),
        ];
        if let Some((_, v)) = wrong.iter().find(|(t, _)| ts.contains(t)) {
            out.push(v.clone());
        }
    }
    if schema["enum"].is_array() {
        out.push(json!("no-such-value"));
    }
    if let Some(min) = schema["minimum"].as_i64() {
        out.push(json!(min - 1));
    }
    if let Some(max) = schema["maximum"].as_i64() {
        out.push(json!(max + 1));
    }
    out
}

fn types(schema: &Value) -> Vec<&str> {
    match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Every operation, as an admin, with requests that break its documented constraints: JSON
/// bodies that are not objects, properties of the wrong type, unknown enum values and
/// integers out of bounds, query parameters likewise. Each is refused with 400 or 422, and
/// each answer — status and body — is documented for the operation.
#[tokio::test]
async fn requests_that_break_the_document_are_refused_as_documented() {
    let app = TestApp::new().await;
    let doc = served_document(&app).await;
    let (_, admin) = bearer(&app, Role::Admin).await;
    let mut failures = Vec::new();
    let mut checked = 0;
    for (i, e) in ENDPOINTS.iter().enumerate() {
        if e.path == "/api/v1/openapi.json" {
            continue;
        }
        let op = operation(&doc, e);
        let base = fill(&app, e.path, e.fixture, 7000 + i).await;
        let required = required_query(op);
        let mut cases: Vec<(String, Option<Value>, String)> = Vec::new();
        // Query parameters.
        for p in op["parameters"].as_array().into_iter().flatten() {
            if p["in"] != "query" {
                continue;
            }
            let name = p["name"].as_str().unwrap();
            for bad in violations(&doc, &p["schema"]) {
                let text = match &bad {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    // A query string carries text: a number where text belongs fits.
                    _ => continue,
                };
                if types(resolve(&doc, &p["schema"])).contains(&"string")
                    && !resolve(&doc, &p["schema"])["enum"].is_array()
                {
                    continue;
                }
                let mut query: Vec<String> = required
                    .trim_start_matches('?')
                    .split('&')
                    .filter(|kv| !kv.is_empty() && !kv.starts_with(&format!("{name}=")))
                    .map(str::to_owned)
                    .collect();
                let encoded: String =
                    url::form_urlencoded::byte_serialize(text.as_bytes()).collect();
                query.push(format!("{name}={encoded}"));
                let uri = format!("{base}?{}", query.join("&"));
                cases.push((uri, example_body(&doc, op), format!("?{name}={text}")));
            }
        }
        // JSON request bodies.
        let body_schema = &op["requestBody"]["content"]["application/json"]["schema"];
        if !body_schema.is_null() {
            let uri = base.clone() + &required;
            let example = example_body(&doc, op).unwrap();
            for not_object in [
                json!([]),
                json!([example.clone()]),
                json!("text"),
                json!(7),
                json!(null),
            ] {
                cases.push((
                    uri.clone(),
                    Some(not_object.clone()),
                    format!("body {not_object}"),
                ));
            }
            let schema = resolve(&doc, body_schema);
            for (prop, prop_schema) in schema["properties"].as_object().into_iter().flatten() {
                for bad in violations(&doc, prop_schema) {
                    let mut body = example.clone();
                    body[prop] = bad.clone();
                    cases.push((uri.clone(), Some(body), format!("{prop} = {bad}")));
                }
            }
        }
        // And the other way round: every value an enum of the body lists is taken (a schema
        // must not offer what the API refuses).
        if !body_schema.is_null() {
            let uri = base.clone() + &required;
            let example = example_body(&doc, op).unwrap();
            let schema = resolve(&doc, body_schema);
            for (prop, prop_schema) in schema["properties"].as_object().into_iter().flatten() {
                for value in resolve(&doc, prop_schema)["enum"]
                    .as_array()
                    .into_iter()
                    .flatten()
                {
                    let mut body = example.clone();
                    body[prop] = value.clone();
                    let r = call(&app, e.method.clone(), &uri, &admin, Some(&body)).await;
                    checked += 1;
                    let refused_for_it = r.status == StatusCode::BAD_REQUEST
                        || (r.status == StatusCode::UNPROCESSABLE_ENTITY
                            && r.json()["error"]["fields"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .any(|f| f["field"] == prop.as_str() || f["field"] == "body"));
                    if refused_for_it {
                        failures.push(format!(
                            "{} {} refuses {prop} = {value}, which its schema lists: {}",
                            e.method, e.path, r.body
                        ));
                    }
                }
            }
        }
        for (uri, body, what) in cases {
            let r = call(&app, e.method.clone(), &uri, &admin, body.as_ref()).await;
            checked += 1;
            let name = format!("{} {} with {what}", e.method, e.path);
            if r.status != StatusCode::BAD_REQUEST && r.status != StatusCode::UNPROCESSABLE_ENTITY {
                failures.push(format!(
                    "{name}: accepted or misjudged ({}): {}",
                    r.status, r.body
                ));
                continue;
            }
            let documented = &op["responses"][r.status.as_str()];
            if documented.is_null() {
                failures.push(format!("{name}: {} is not documented", r.status));
                continue;
            }
            let schema = &documented["content"]["application/json"]["schema"];
            let problems = check(&doc, schema, &r.json(), "$");
            if !problems.is_empty() {
                failures.push(format!("{name}: body off its schema: {problems:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked >= 100, "{checked}");
}
