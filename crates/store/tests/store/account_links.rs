use chrono::{Duration, Utc};
use newsdesk_core::Role;
use newsdesk_store::{LinkPurpose, StoreError};

store_test!(a_link_is_taken_once_and_only_for_its_purpose, |store| {
    let ann = store
        .create_account("ann@example.com", "Ann", Role::Reader, "h")
        .await?;
    assert_eq!(ann.email_confirmed_at, None, "a new reader is unconfirmed");
    let later = Utc::now() + Duration::hours(1);
    store
        .create_account_link("hash-1", ann.id, LinkPurpose::Confirm, "", later)
        .await?;
    store
        .create_account_link("hash-2", ann.id, LinkPurpose::Confirm, "", later)
        .await?;
    store
        .create_account_link("hash-3", ann.id, LinkPurpose::Reset, "", later)
        .await?;
    assert!(
        matches!(
            store.take_account_link("hash-1", LinkPurpose::Reset).await,
            Err(StoreError::NotFound)
        ),
        "a confirmation link is not a reset link"
    );
    let taken = store
        .take_account_link("hash-1", LinkPurpose::Confirm)
        .await?;
    assert_eq!(taken.account_id, ann.id);
    for (hash, why) in [
        ("hash-1", "a link works once"),
        ("hash-2", "taking one link ends the others of its purpose"),
    ] {
        assert!(
            matches!(
                store.take_account_link(hash, LinkPurpose::Confirm).await,
                Err(StoreError::NotFound)
            ),
            "{why}"
        );
    }
    assert_eq!(
        store
            .take_account_link("hash-3", LinkPurpose::Reset)
            .await?
            .account_id,
        ann.id,
        "links of another purpose stay"
    );
    Ok(())
});

store_test!(expired_links_open_nothing_and_are_swept, |store| {
    let bob = store
        .create_account("bob@example.com", "Bob", Role::Reader, "h")
        .await?;
    store
        .create_account_link(
            "old",
            bob.id,
            LinkPurpose::Confirm,
            "",
            Utc::now() - Duration::seconds(1),
        )
        .await?;
    assert!(matches!(
        store.take_account_link("old", LinkPurpose::Confirm).await,
        Err(StoreError::NotFound)
    ));
    store
        .create_account_link(
            "old-2",
            bob.id,
            LinkPurpose::Magic,
            "",
            Utc::now() - Duration::seconds(1),
        )
        .await?;
    assert_eq!(store.delete_expired_account_links().await?, 2);
    Ok(())
});

store_test!(confirming_an_address_keeps_the_first_time, |store| {
    let cy = store
        .create_account("cy@example.com", "Cy", Role::Reader, "h")
        .await?;
    let first = store.confirm_email(cy.id).await?;
    let at = first.email_confirmed_at.expect("confirmed");
    let again = store.confirm_email(cy.id).await?;
    assert_eq!(again.email_confirmed_at, Some(at));
    assert_eq!(store.get_account(cy.id).await?.email_confirmed_at, Some(at));
    assert!(matches!(
        store.confirm_email(9999).await,
        Err(StoreError::NotFound)
    ));
    Ok(())
});

store_test!(
    an_address_moves_unless_taken_and_an_account_can_go,
    |store| {
        let dee = store
            .create_account("dee@example.com", "Dee", Role::Reader, "h")
            .await?;
        store
            .create_account("taken@example.com", "T", Role::Reader, "h")
            .await?;
        let moved = store.set_account_email(dee.id, " New@Example.com ").await?;
        assert_eq!(moved.email, "new@example.com");
        assert!(
            moved.email_confirmed_at.is_some(),
            "a moved address was confirmed"
        );
        assert!(matches!(
            store.set_account_email(dee.id, "taken@example.com").await,
            Err(StoreError::Conflict { constraint }) if constraint == "email"
        ));
        let later = Utc::now() + Duration::hours(1);
        store
            .create_session("reader", "dee-session", dee.id, "c", later)
            .await?;
        store
            .create_account_link("dee-link", dee.id, LinkPurpose::Reset, "", later)
            .await?;
        store.delete_account(dee.id).await?;
        assert!(matches!(
            store.get_account(dee.id).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store.session("reader", "dee-session").await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store
                .take_account_link("dee-link", LinkPurpose::Reset)
                .await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store.delete_account(dee.id).await,
            Err(StoreError::NotFound)
        ));
        Ok(())
    }
);
