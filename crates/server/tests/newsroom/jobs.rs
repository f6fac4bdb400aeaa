//! Background jobs that used up their attempts: shown on `/admin/jobs` and in the Admin API
//! with their error, retried (a worker then runs them) or dropped; admins only.

use chrono::Duration;
use http::{Method, StatusCode};
use newsdesk_core::Role;
use newsdesk_store::{JobFilter, JobId, RetryPolicy, StoreError};
use serde_json::{Value, json};

use crate::api_support::{Auth, assert_documented, bearer, call, served_document};
use crate::support::{TestApp, run_pending_now, unescape};

const API: &str = "/api/v1/admin/jobs";
const ERROR: &str = "decoder gave up: unexpected end of image data";

/// A job of `kind` that used up its only attempt, failing with `error`; made through the
/// store (queued, claimed, failed). `kind` must have no other due job in the queue: the
/// matrix harnesses pass one per fixture.
pub async fn failed_job(app: &TestApp, kind: &str, payload: &Value, error: &str) -> JobId {
    let store = app.store();
    let id = store
        .enqueue_job_with(kind, payload, chrono::Utc::now(), 1)
        .await
        .unwrap();
    let claimed = store
        .claim_job(&[kind], Duration::minutes(5))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(claimed.id, id, "another due job of kind {kind} was claimed");
    store
        .fail_job(id, error, &RetryPolicy::default())
        .await
        .unwrap();
    id
}

/// A failed `renditions` job for a photo that does not exist: once retried, the worker finds
/// nothing to do and completes it.
async fn failed_renditions(app: &TestApp) -> JobId {
    failed_job(app, "renditions", &json!({ "photo_id": 987_654 }), ERROR).await
}

async fn last_audit(app: &TestApp) -> newsdesk_store::AuditEntry {
    app.store()
        .list_audit(1, 0)
        .await
        .unwrap()
        .into_iter()
        .next()
        .unwrap()
}

#[tokio::test]
async fn an_exhausted_job_is_listed_with_its_error_for_admins_only() {
    let app = TestApp::new().await;
    let id = failed_renditions(&app).await;
    let job = app.store().get_job(id).await.unwrap();
    assert!(job.failed_at.is_some(), "{job:?}");

    let mut admin = app.client_as(Role::Admin).await;
    let page = admin.get("/admin/jobs").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let body = unescape(&page.body);
    assert!(body.contains(ERROR), "{body}");
    assert!(body.contains("renditions"));
    assert!(body.contains("1/1"), "attempts of max");
    assert!(
        body.contains("\"photo_id\": 987654"),
        "pretty payload: {body}"
    );
    assert!(body.contains(&format!("action=\"/admin/jobs/{id}/retry\"")));
    assert!(body.contains(&format!("action=\"/admin/jobs/{id}/drop\"")));
    assert!(body.contains(&format!("name=\"csrf\" value=\"{}\"", admin.csrf)));
    assert!(body.contains("0 jobs are waiting"), "pending count: {body}");
    assert!(
        body.contains("href=\"/admin/jobs\" aria-current=\"page\""),
        "nav"
    );

    // The dashboard tells admins, and only them.
    let dashboard = unescape(&admin.get("/admin").await.body);
    assert!(dashboard.contains("Failed background jobs"), "{dashboard}");
    assert!(dashboard.contains("<span class=\"badge warn\">1</span>"));

    let mut editor = app.client_as(Role::Editor).await;
    assert_eq!(
        editor.get("/admin/jobs").await.status,
        StatusCode::FORBIDDEN
    );
    let r = editor.post(&format!("/admin/jobs/{id}/retry"), &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = editor.post(&format!("/admin/jobs/{id}/drop"), &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let dashboard = editor.get("/admin").await;
    assert_eq!(dashboard.status, StatusCode::OK);
    assert!(!dashboard.body.contains("Failed background jobs"));
    assert!(
        !dashboard.body.contains("href=\"/admin/jobs\""),
        "no nav link"
    );
    // Still there, untouched.
    assert!(app.store().get_job(id).await.unwrap().failed_at.is_some());
}

#[tokio::test]
async fn retry_queues_the_job_again_and_a_worker_runs_it() {
    let app = TestApp::new().await;
    let id = failed_renditions(&app).await;
    let mut admin = app.client_as(Role::Admin).await;

    let r = admin.post(&format!("/admin/jobs/{id}/retry"), &[]).await;
    assert!(r.status.is_redirection(), "{} {}", r.status, r.body);
    assert_eq!(r.location(), "/admin/jobs?done=retried");
    let job = app.store().get_job(id).await.unwrap();
    assert_eq!((job.failed_at, job.attempts), (None, 0), "{job:?}");
    assert!(
        app.store()
            .list_jobs(JobFilter::Failed, 10)
            .await
            .unwrap()
            .is_empty()
    );
    let page = unescape(&admin.get(r.location()).await.body);
    assert!(page.contains("Job queued again"), "{page}");
    assert!(page.contains("No failed jobs."));
    assert!(page.contains("1 job is waiting"), "{page}");

    let entry = last_audit(&app).await;
    assert_eq!(entry.action, "job.retry");
    assert_eq!(entry.target, format!("job:{id}"));
    assert_eq!(entry.details["kind"], "renditions");
    assert_eq!(entry.details["last_error"], ERROR);

    // The photo is gone, so the renditions job has nothing to do and completes.
    assert_eq!(run_pending_now(&app.state).await.unwrap(), 1);
    assert!(matches!(
        app.store().get_job(id).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn drop_removes_the_job() {
    let app = TestApp::new().await;
    let id = failed_renditions(&app).await;
    let mut admin = app.client_as(Role::Admin).await;

    let r = admin.post(&format!("/admin/jobs/{id}/drop"), &[]).await;
    assert!(r.status.is_redirection(), "{} {}", r.status, r.body);
    assert_eq!(r.location(), "/admin/jobs?done=dropped");
    assert!(matches!(
        app.store().get_job(id).await,
        Err(StoreError::NotFound)
    ));
    let page = unescape(&admin.get(r.location()).await.body);
    assert!(page.contains("Job dropped."), "{page}");
    assert!(!page.contains(ERROR));

    let entry = last_audit(&app).await;
    assert_eq!(entry.action, "job.drop");
    assert_eq!(entry.details["kind"], "renditions");
    assert_eq!(entry.details["last_error"], ERROR);

    // Gone: a second drop or a retry is a 404 page.
    let r = admin.post(&format!("/admin/jobs/{id}/drop"), &[]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = admin.post(&format!("/admin/jobs/{id}/retry"), &[]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // Nothing left for a worker.
    assert_eq!(run_pending_now(&app.state).await.unwrap(), 0);
}

#[tokio::test]
async fn the_api_lists_retries_and_drops_jobs() {
    let app = TestApp::new().await;
    let doc = served_document(&app).await;
    let id = failed_renditions(&app).await;
    let other = failed_job(&app, "other.kind", &json!({ "n": 1 }), "boom").await;
    let (_, admin) = bearer(&app, Role::Admin).await;

    // Failed jobs by default, newest failure first, with their error.
    let r = call(&app, Method::GET, API, &admin, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_documented(&doc, "get", API, &r);
    let list = r.json();
    let ids: Vec<i64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![other.0, id.0]);
    let job = &list[1];
    assert_eq!(job["state"], "failed");
    assert_eq!(job["kind"], "renditions");
    assert_eq!(job["last_error"], ERROR);
    assert_eq!(job["payload"], json!({ "photo_id": 987_654 }));
    assert_eq!(
        (job["attempts"].as_i64(), job["max_attempts"].as_i64()),
        (Some(1), Some(1))
    );

    let r = call(
        &app,
        Method::GET,
        &format!("{API}?state=failed&limit=1"),
        &admin,
        None,
    )
    .await;
    assert_eq!(r.json().as_array().unwrap().len(), 1, "{}", r.body);
    // An oversized limit is cut, not refused.
    let r = call(
        &app,
        Method::GET,
        &format!("{API}?limit=100000"),
        &admin,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = call(
        &app,
        Method::GET,
        &format!("{API}?state=pending"),
        &admin,
        None,
    )
    .await;
    assert_eq!(r.json(), json!([]));

    // A state that does not exist: a JSON error naming the ones that do.
    let r = call(
        &app,
        Method::GET,
        &format!("{API}?state=stuck"),
        &admin,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert_documented(&doc, "get", API, &r);
    let message = r.json()["error"]["message"].as_str().unwrap().to_owned();
    for word in ["state", "stuck", "failed", "pending", "all"] {
        assert!(message.contains(word), "{message}");
    }

    // Retry: 200 with the job, pending again with a fresh set of attempts.
    let retry = format!("{API}/{id}/retry");
    let r = call(&app, Method::POST, &retry, &admin, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_documented(&doc, "post", "/api/v1/admin/jobs/{id}/retry", &r);
    let job = r.json();
    assert_eq!(job["id"], id.0);
    assert_eq!(job["state"], "pending");
    assert_eq!(job["attempts"], 0);
    assert_eq!(job["failed_at"], Value::Null);
    let r = call(
        &app,
        Method::GET,
        &format!("{API}?state=pending"),
        &admin,
        None,
    )
    .await;
    assert_eq!(r.json()[0]["id"], id.0, "{}", r.body);
    let r = call(&app, Method::GET, &format!("{API}?state=all"), &admin, None).await;
    assert_eq!(r.json().as_array().unwrap().len(), 2, "{}", r.body);
    assert_eq!(last_audit(&app).await.action, "job.retry");

    // Drop: 204, then it is gone.
    let r = call(
        &app,
        Method::DELETE,
        &format!("{API}/{other}"),
        &admin,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    assert!(r.body.is_empty());
    assert!(matches!(
        app.store().get_job(other).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(last_audit(&app).await.action, "job.drop");

    // Unknown ids: 404 as JSON.
    for (method, path) in [
        (Method::POST, format!("{API}/{other}/retry")),
        (Method::DELETE, format!("{API}/{other}")),
        (Method::POST, format!("{API}/999999/retry")),
    ] {
        let r = call(&app, method.clone(), &path, &admin, None).await;
        assert_eq!(
            r.status,
            StatusCode::NOT_FOUND,
            "{method} {path}: {}",
            r.body
        );
        assert_eq!(r.json()["error"]["code"], "not_found", "{}", r.body);
    }
    let r = call(
        &app,
        Method::DELETE,
        &format!("{API}/{other}"),
        &admin,
        None,
    )
    .await;
    assert_documented(&doc, "delete", "/api/v1/admin/jobs/{id}", &r);
}

#[tokio::test]
async fn the_api_refuses_non_admins() {
    let app = TestApp::new().await;
    let id = failed_renditions(&app).await;
    let (_, editor) = bearer(&app, Role::Editor).await;
    for (method, path) in [
        (Method::GET, API.to_owned()),
        (Method::POST, format!("{API}/{id}/retry")),
        (Method::DELETE, format!("{API}/{id}")),
    ] {
        let r = call(&app, method.clone(), &path, &editor, None).await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "{method} {path}: {}",
            r.body
        );
        assert_eq!(r.json()["error"]["code"], "forbidden");
        let r = call(&app, method.clone(), &path, &Auth::None, None).await;
        assert_eq!(
            r.status,
            StatusCode::UNAUTHORIZED,
            "{method} {path}: {}",
            r.body
        );
    }
    assert!(app.store().get_job(id).await.unwrap().failed_at.is_some());
}
