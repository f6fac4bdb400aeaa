use chrono::{Duration, Utc};
use newsdesk_core::Role;
use newsdesk_store::StoreError;

store_test!(accounts_have_unique_normalized_emails, |store| {
    let ann = store
        .create_account(" Ann@Example.COM ", "Ann", Role::Editor, "hash-1")
        .await?;
    assert_eq!(ann.email, "ann@example.com");
    let dup = store
        .create_account("ann@example.com", "Ann 2", Role::Author, "h")
        .await;
    assert!(matches!(dup, Err(StoreError::Conflict { constraint }) if constraint == "email"));
    assert!(matches!(
        store
            .create_account("not-an-email", "X", Role::Reader, "h")
            .await,
        Err(StoreError::Invalid(_))
    ));
    let (found, hash) = store.account_by_email("ANN@example.com").await?;
    assert_eq!((found, hash.as_str()), (ann.clone(), "hash-1"));
    store.set_password_hash(ann.id, "hash-2").await?;
    assert_eq!(store.account_by_email("ann@example.com").await?.1, "hash-2");
    let ann = store.set_account_role(ann.id, Role::Admin).await?;
    assert_eq!(store.get_account(ann.id).await?.role, Role::Admin);
    assert_eq!(store.list_accounts().await?, vec![ann.clone()]);
    assert!(matches!(
        store.set_password_hash(9999, "h").await,
        Err(StoreError::NotFound)
    ));
    Ok(())
});

store_test!(sessions_expire_and_end_with_the_account, |store| {
    let bob = store
        .create_account("bob@example.com", "Bob", Role::Author, "h")
        .await?;
    let later = Utc::now() + Duration::hours(1);
    store
        .create_session("staff", "live", bob.id, "csrf-1", later)
        .await?;
    store
        .create_session(
            "staff",
            "expired",
            bob.id,
            "csrf-2",
            Utc::now() - Duration::seconds(1),
        )
        .await?;
    let (session, account) = store.session("staff", "live").await?;
    assert_eq!(session.account_id, bob.id);
    assert_eq!(session.csrf_token, "csrf-1");
    assert_eq!(account, bob);
    assert!(
        matches!(
            store.session("reader", "live").await,
            Err(StoreError::NotFound)
        ),
        "a staff session is not a reader session"
    );
    assert!(matches!(
        store.session("staff", "expired").await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.session("staff", "unknown").await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(store.delete_expired_sessions().await?, 1);

    store
        .create_session("staff", "second", bob.id, "csrf-3", later)
        .await?;
    store.delete_session("second").await?;
    assert!(store.session("staff", "second").await.is_err());

    let disabled = store.set_account_disabled(bob.id, true).await?;
    assert!(disabled.disabled);
    assert!(matches!(
        store.session("staff", "live").await,
        Err(StoreError::NotFound)
    ));
    store.set_account_disabled(bob.id, false).await?;
    assert!(
        store.session("staff", "live").await.is_err(),
        "its sessions were deleted, not hidden"
    );
    Ok(())
});

store_test!(api_tokens_stop_working_when_revoked, |store| {
    let admin = store
        .create_account("root@example.com", "Root", Role::Admin, "h")
        .await?;
    let token = store
        .create_api_token("CMS sync", Role::Editor, "token-hash", Some(admin.id))
        .await?;
    assert_eq!(store.api_token("token-hash").await?, token);
    store.revoke_api_token(token.id).await?;
    assert!(matches!(
        store.api_token("token-hash").await,
        Err(StoreError::NotFound)
    ));
    let listed = store.list_api_tokens().await?;
    assert_eq!(listed.len(), 1);
    assert!(listed[0].revoked);
    assert!(matches!(
        store.revoke_api_token(9999).await,
        Err(StoreError::NotFound)
    ));
    Ok(())
});

store_test!(audit_log_lists_newest_first_with_names, |store| {
    let ann = store
        .create_account("ann@example.com", "Ann", Role::Admin, "h")
        .await?;
    store
        .audit(
            Some(ann.id),
            "user.create",
            "account:2",
            &serde_json::json!({"role": "editor"}),
        )
        .await?;
    store
        .audit(None, "system.start", "-", &serde_json::json!({}))
        .await?;
    let log = store.list_audit(10, 0).await?;
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].action, "system.start");
    assert_eq!(log[1].actor_name.as_deref(), Some("Ann"));
    assert_eq!(log[1].details["role"], "editor");
    assert_eq!(store.list_audit(10, 1).await?.len(), 1);
    Ok(())
});

store_test!(
    audit_since_previous_counts_from_the_second_newest_login,
    |store| {
        let ann = store
            .create_account("ann3@example.com", "Ann", Role::Editor, "h")
            .await?;
        let me = format!("account:{}", ann.id);
        let client = |ip: &str| serde_json::json!({ "client": ip });
        // Before any login, every lock-out counts.
        store
            .audit(None, "login.locked", &me, &client("203.0.113.1"))
            .await?;
        store
            .audit(Some(ann.id), "login", &me, &client("198.51.100.7"))
            .await?;
        let first = store
            .audit_since_previous(&me, "login.locked", ann.id, "login", 20)
            .await?;
        assert_eq!(first.len(), 1);
        // A lock-out on someone else's account is not this owner's business.
        store
            .audit(None, "login.locked", "account:999", &client("203.0.113.2"))
            .await?;
        store
            .audit(None, "login.locked", &me, &client("203.0.113.3"))
            .await?;
        store
            .audit(Some(ann.id), "login", &me, &client("198.51.100.7"))
            .await?;
        let second = store
            .audit_since_previous(&me, "login.locked", ann.id, "login", 20)
            .await?;
        assert_eq!(second.len(), 1);
        assert_eq!(second[0].1["client"], "203.0.113.3");
        store
            .audit(Some(ann.id), "login", &me, &client("198.51.100.7"))
            .await?;
        assert!(
            store
                .audit_since_previous(&me, "login.locked", ann.id, "login", 20)
                .await?
                .is_empty()
        );
        Ok(())
    }
);

store_test!(a_new_password_ends_every_session_of_the_account, |store| {
    let bob = store
        .create_account("bob2@example.com", "Bob", Role::Author, "h")
        .await?;
    let later = Utc::now() + Duration::hours(1);
    store
        .create_session("staff", "laptop", bob.id, "c1", later)
        .await?;
    store
        .create_session("staff", "phone", bob.id, "c2", later)
        .await?;
    store.set_password_hash(bob.id, "new-hash").await?;
    for token in ["laptop", "phone"] {
        assert!(
            matches!(
                store.session("staff", token).await,
                Err(StoreError::NotFound)
            ),
            "{token} still open after the password changed"
        );
    }
    Ok(())
});

store_test!(a_token_comes_with_its_creators_current_role, |store| {
    let ann = store
        .create_account("ann-t@example.com", "Ann", Role::Editor, "h")
        .await?;
    store
        .create_api_token("script", Role::Admin, "hash-a", Some(ann.id))
        .await?;
    store
        .create_api_token("cli", Role::Author, "hash-c", None)
        .await?;
    let (_, creator) = store.api_token_with_creator("hash-a").await?;
    assert_eq!(creator, Some((Role::Editor, false)));
    store.set_account_disabled(ann.id, true).await?;
    let (_, creator) = store.api_token_with_creator("hash-a").await?;
    assert_eq!(creator, Some((Role::Editor, true)));
    let (token, creator) = store.api_token_with_creator("hash-c").await?;
    assert_eq!((token.role, creator), (Role::Author, None));
    Ok(())
});
