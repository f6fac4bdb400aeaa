//! The OpenAPI document: what it declares, and that the running API keeps to it — every
//! documented request example is accepted, every answer matches its documented schema.

use http::{Method, StatusCode};
use newsdesk_core::Role;
use newsdesk_newsroom::api::ENDPOINTS;

use crate::api_support::{
    assert_documented, bearer, call, call_raw, example_body, fill, operation, required_query,
    served_document, small_jpeg,
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
