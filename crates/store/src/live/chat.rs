//! Chat rooms and their messages. A message is stored (and committed) before anyone is
//! sent it: the bus only carries it faster, and every client reconciles from here by id.

use chrono::{DateTime, Utc};
use newsdesk_core::{ChatMessage, ChatRoom};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::now;

const ROOM_COLS: &str = "id, edition, article_id, title, description, open, slow_mode_seconds, \
     created_at, last_message_at";
const MESSAGE_COLS: &str = "id, room_id, account_id, author_name, staff, body, flagged, \
     created_at, deleted_at";

type RoomRow = (
    i64,
    String,
    Option<i64>,
    String,
    String,
    bool,
    i64,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
);
type MessageRow = (
    i64,
    i64,
    Option<i64>,
    String,
    bool,
    String,
    bool,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
);

fn room(
    (
        id,
        edition,
        article_id,
        title,
        description,
        open,
        slow_mode_seconds,
        created_at,
        last_message_at,
    ): RoomRow,
) -> ChatRoom {
    ChatRoom {
        id,
        edition,
        article_id,
        title,
        description,
        open,
        slow_mode_seconds,
        created_at,
        last_message_at,
    }
}

fn message(
    (id, room_id, account_id, author_name, staff, body, flagged, created_at, deleted_at): MessageRow,
) -> ChatMessage {
    ChatMessage {
        id,
        room_id,
        account_id,
        author_name,
        staff,
        body,
        flagged,
        created_at,
        deleted_at,
    }
}

/// A line to store.
#[derive(Debug, Clone)]
pub struct NewChatMessage<'a> {
    pub room_id: i64,
    pub account_id: Option<i64>,
    pub author_name: &'a str,
    pub staff: bool,
    pub body: &'a str,
    pub flagged: bool,
}

/// A reader muted in one room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatMute {
    pub room_id: i64,
    pub account_id: i64,
    pub until: DateTime<Utc>,
    pub reason: String,
}

/// A reader kept out of every chat (`until` None: for good).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatBan {
    pub account_id: i64,
    pub until: Option<DateTime<Utc>>,
    pub reason: String,
}

/// A room with how much was said in it lately (the newsroom's list of rooms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomActivity {
    pub room: ChatRoom,
    /// The article's headline for an article's room.
    pub headline: Option<String>,
    pub messages: i64,
}

impl Store {
    pub async fn chat_room(&self, id: i64) -> Result<ChatRoom> {
        let sql = format!("SELECT {ROOM_COLS} FROM chat_rooms WHERE id = $1");
        let row: RoomRow = read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(id)
            .fetch_one(db)
            .await)?;
        Ok(room(row))
    }

    /// The article's room, made on first use. The caller checks that the article is public.
    pub async fn article_chat_room(&self, article_id: i64, edition: &str) -> Result<ChatRoom> {
        let sql = format!("SELECT {ROOM_COLS} FROM chat_rooms WHERE article_id = $1");
        let found: Option<RoomRow> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(article_id)
                .fetch_optional(db)
                .await)?;
        if let Some(row) = found {
            return Ok(room(row));
        }
        // Two first readers at once: the second insert does nothing, and both read the one row.
        exec!(self, |db| sqlx::query(
            "INSERT INTO chat_rooms (edition, article_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (article_id) DO NOTHING"
        )
        .bind(edition)
        .bind(article_id)
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        let row: RoomRow = exec!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(article_id)
            .fetch_one(db)
            .await)?;
        Ok(room(row))
    }

    /// A room an editor opens (a topic, a live event).
    pub async fn create_chat_room(
        &self,
        edition: &str,
        title: &str,
        description: &str,
        by: Option<i64>,
    ) -> Result<ChatRoom> {
        newsdesk_core::live::validate_room(title, description)?;
        self.edition_exists(edition).await?;
        let id: i64 = exec!(self, |db| sqlx::query_scalar(
            "INSERT INTO chat_rooms (edition, title, description, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id"
        )
        .bind(edition)
        .bind(title.trim())
        .bind(description.trim())
        .bind(by)
        .bind(now())
        .fetch_one(db)
        .await)?;
        self.chat_room(id).await
    }

    /// Changes an extra room's title and description (an article's room shows the
    /// article's headline and has none of its own).
    pub async fn rename_chat_room(
        &self,
        id: i64,
        title: &str,
        description: &str,
    ) -> Result<ChatRoom> {
        newsdesk_core::live::validate_room(title, description)?;
        let done = exec!(self, |db| sqlx::query(
            "UPDATE chat_rooms SET title = $2, description = $3 WHERE id = $1"
        )
        .bind(id)
        .bind(title.trim())
        .bind(description.trim())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        self.chat_room(id).await
    }

    /// Opens or closes a room and sets its slow mode.
    pub async fn set_chat_room_state(
        &self,
        id: i64,
        open: bool,
        slow_mode_seconds: i64,
    ) -> Result<ChatRoom> {
        if !(0..=newsdesk_core::live::MAX_SLOW_MODE_SECONDS).contains(&slow_mode_seconds) {
            return Err(StoreError::invalid(
                "slow_mode_seconds",
                format!(
                    "must be 0 (off) to {} seconds",
                    newsdesk_core::live::MAX_SLOW_MODE_SECONDS
                ),
            ));
        }
        let done = exec!(self, |db| sqlx::query(
            "UPDATE chat_rooms SET open = $2, slow_mode_seconds = $3 WHERE id = $1"
        )
        .bind(id)
        .bind(open)
        .bind(slow_mode_seconds)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        self.chat_room(id).await
    }

    /// Rooms of an edition (all when `None`), the most recently active first, with the
    /// article's headline and the number of messages.
    pub async fn chat_rooms(
        &self,
        edition: Option<&str>,
        only_open: bool,
        limit: i64,
    ) -> Result<Vec<RoomActivity>> {
        let sql = format!(
            "SELECT r.id, r.edition, r.article_id, r.title, r.description, r.open, \
             r.slow_mode_seconds, r.created_at, r.last_message_at, a.headline, \
             (SELECT COUNT(*) FROM chat_messages m WHERE m.room_id = r.id AND m.deleted_at IS NULL) \
             FROM chat_rooms r LEFT JOIN articles a ON a.id = r.article_id \
             WHERE ($1 IS NULL OR r.edition = $1) AND ($2 = FALSE OR r.open = TRUE) \
             AND (r.article_id IS NULL OR a.status = 'published') \
             ORDER BY COALESCE(r.last_message_at, r.created_at) DESC, r.id DESC {}",
            crate::sql::limit_clause(limit.clamp(1, crate::MAX_LIST_LIMIT), 0)
        );
        type Row = (
            i64,
            String,
            Option<i64>,
            String,
            String,
            bool,
            i64,
            DateTime<Utc>,
            Option<DateTime<Utc>>,
            Option<String>,
            i64,
        );
        let rows: Vec<Row> = read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(edition)
            .bind(only_open)
            .fetch_all(db)
            .await)?;
        Ok(rows
            .into_iter()
            .map(
                |(
                    id,
                    edition,
                    article_id,
                    title,
                    description,
                    open,
                    slow,
                    created_at,
                    last,
                    headline,
                    messages,
                )| RoomActivity {
                    room: room((
                        id,
                        edition,
                        article_id,
                        title,
                        description,
                        open,
                        slow,
                        created_at,
                        last,
                    )),
                    headline,
                    messages,
                },
            )
            .collect())
    }

    /// Stores a line; the answer carries its id and time, which everyone then receives.
    pub async fn add_chat_message(&self, new: &NewChatMessage<'_>) -> Result<ChatMessage> {
        let at = now();
        let sql = format!(
            "INSERT INTO chat_messages (room_id, account_id, author_name, staff, body, flagged, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {MESSAGE_COLS}"
        );
        let row: MessageRow = transaction!(self, |conn| {
            let row: MessageRow = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(new.room_id)
                .bind(new.account_id)
                .bind(new.author_name)
                .bind(new.staff)
                .bind(new.body)
                .bind(new.flagged)
                .bind(at)
                .fetch_one(&mut *conn)
                .await?;
            sqlx::query("UPDATE chat_rooms SET last_message_at = $2 WHERE id = $1")
                .bind(new.room_id)
                .bind(at)
                .execute(&mut *conn)
                .await?;
            row
        });
        Ok(message(row))
    }

    pub async fn chat_message(&self, id: i64) -> Result<ChatMessage> {
        let sql = format!("SELECT {MESSAGE_COLS} FROM chat_messages WHERE id = $1");
        let row: MessageRow = read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(id)
            .fetch_one(db)
            .await)?;
        Ok(message(row))
    }

    /// The room's messages after `after`, oldest first, at most `limit` (deleted ones
    /// left out).
    pub async fn chat_messages_after(
        &self,
        room_id: i64,
        after: i64,
        limit: i64,
    ) -> Result<Vec<ChatMessage>> {
        let sql = format!(
            "SELECT {MESSAGE_COLS} FROM chat_messages WHERE room_id = $1 AND id > $2 \
             AND deleted_at IS NULL ORDER BY id {}",
            crate::sql::limit_clause(limit.clamp(1, crate::MAX_LIST_LIMIT), 0)
        );
        let rows: Vec<MessageRow> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(room_id)
                .bind(after)
                .fetch_all(db)
                .await)?;
        Ok(rows.into_iter().map(message).collect())
    }

    /// The `limit` messages before `before` (the newest when `None`), oldest first.
    pub async fn chat_messages_before(
        &self,
        room_id: i64,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<ChatMessage>> {
        let sql = format!(
            "SELECT {MESSAGE_COLS} FROM chat_messages WHERE room_id = $1 AND id < $2 \
             AND deleted_at IS NULL ORDER BY id DESC {}",
            crate::sql::limit_clause(limit.clamp(1, crate::MAX_LIST_LIMIT), 0)
        );
        let mut rows: Vec<MessageRow> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(room_id)
                .bind(before.unwrap_or(i64::MAX))
                .fetch_all(db)
                .await)?;
        rows.reverse();
        Ok(rows.into_iter().map(message).collect())
    }

    /// The `limit` messages before `before`, deleted ones included, newest first (the
    /// newsroom's view of a room).
    pub async fn chat_messages_for_moderation(
        &self,
        room_id: i64,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<ChatMessage>> {
        let sql = format!(
            "SELECT {MESSAGE_COLS} FROM chat_messages WHERE room_id = $1 AND id < $2 \
             ORDER BY id DESC {}",
            crate::sql::limit_clause(limit.clamp(1, crate::MAX_LIST_LIMIT), 0)
        );
        let rows: Vec<MessageRow> =
            read!(self, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(room_id)
                .bind(before.unwrap_or(i64::MAX))
                .fetch_all(db)
                .await)?;
        Ok(rows.into_iter().map(message).collect())
    }

    /// Messages of the room deleted since `since` (reconnecting clients drop them).
    pub async fn chat_deleted_since(&self, room_id: i64, since: DateTime<Utc>) -> Result<Vec<i64>> {
        Ok(read!(self, |db| sqlx::query_scalar(
            "SELECT id FROM chat_messages WHERE room_id = $1 AND deleted_at IS NOT NULL \
             AND deleted_at >= $2 ORDER BY id"
        )
        .bind(room_id)
        .bind(since)
        .fetch_all(db)
        .await)?)
    }

    /// Deletes a message for everyone (kept, marked, for the record). `false` when it was
    /// already deleted.
    pub async fn delete_chat_message(&self, id: i64, by: Option<i64>) -> Result<bool> {
        let done = exec!(self, |db| sqlx::query(
            "UPDATE chat_messages SET deleted_at = $2, deleted_by = $3 \
             WHERE id = $1 AND deleted_at IS NULL"
        )
        .bind(id)
        .bind(now())
        .bind(by)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(done > 0)
    }

    /// When the reader last wrote in the room (slow mode).
    pub async fn last_chat_message_at(
        &self,
        room_id: i64,
        account_id: i64,
    ) -> Result<Option<DateTime<Utc>>> {
        Ok(read!(self, |db| sqlx::query_scalar(
            "SELECT MAX(created_at) FROM chat_messages WHERE account_id = $1 AND room_id = $2"
        )
        .bind(account_id)
        .bind(room_id)
        .fetch_one(db)
        .await)?)
    }

    pub async fn mute_in_chat(
        &self,
        room_id: i64,
        account_id: i64,
        until: DateTime<Utc>,
        reason: &str,
        by: Option<i64>,
    ) -> Result<()> {
        exec!(self, |db| sqlx::query(
            "INSERT INTO chat_mutes (room_id, account_id, until, reason, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (room_id, account_id) DO UPDATE SET \
             until = excluded.until, reason = excluded.reason, created_by = excluded.created_by, \
             created_at = excluded.created_at"
        )
        .bind(room_id)
        .bind(account_id)
        .bind(until)
        .bind(reason)
        .bind(by)
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))
        .map_err(absent)?;
        Ok(())
    }

    pub async fn unmute_in_chat(&self, room_id: i64, account_id: i64) -> Result<bool> {
        let done = exec!(self, |db| sqlx::query(
            "DELETE FROM chat_mutes WHERE room_id = $1 AND account_id = $2"
        )
        .bind(room_id)
        .bind(account_id)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(done > 0)
    }

    /// The reader's mute in the room in force now.
    pub async fn active_chat_mute(
        &self,
        room_id: i64,
        account_id: i64,
    ) -> Result<Option<ChatMute>> {
        let row: Option<(DateTime<Utc>, String)> = read!(self, |db| sqlx::query_as(
            "SELECT until, reason FROM chat_mutes WHERE room_id = $1 AND account_id = $2 \
             AND until > $3"
        )
        .bind(room_id)
        .bind(account_id)
        .bind(now())
        .fetch_optional(db)
        .await)?;
        Ok(row.map(|(until, reason)| ChatMute {
            room_id,
            account_id,
            until,
            reason,
        }))
    }

    pub async fn ban_from_chats(
        &self,
        account_id: i64,
        until: Option<DateTime<Utc>>,
        reason: &str,
        by: Option<i64>,
    ) -> Result<()> {
        exec!(self, |db| sqlx::query(
            "INSERT INTO chat_bans (account_id, until, reason, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account_id) DO UPDATE SET \
             until = excluded.until, reason = excluded.reason, created_by = excluded.created_by, \
             created_at = excluded.created_at"
        )
        .bind(account_id)
        .bind(until)
        .bind(reason)
        .bind(by)
        .bind(now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))
        .map_err(absent)?;
        Ok(())
    }

    pub async fn lift_chat_ban(&self, account_id: i64) -> Result<bool> {
        let done = exec!(self, |db| sqlx::query(
            "DELETE FROM chat_bans WHERE account_id = $1"
        )
        .bind(account_id)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(done > 0)
    }

    /// The reader's ban from chats in force now.
    pub async fn active_chat_ban(&self, account_id: i64) -> Result<Option<ChatBan>> {
        let row: Option<(Option<DateTime<Utc>>, String)> = read!(self, |db| sqlx::query_as(
            "SELECT until, reason FROM chat_bans WHERE account_id = $1 \
             AND (until IS NULL OR until > $2)"
        )
        .bind(account_id)
        .bind(now())
        .fetch_optional(db)
        .await)?;
        Ok(row.map(|(until, reason)| ChatBan {
            account_id,
            until,
            reason,
        }))
    }
}

/// A foreign key that failed: the room or the account is gone.
fn absent(err: sqlx::Error) -> StoreError {
    match &err {
        sqlx::Error::Database(db) if db.is_foreign_key_violation() => StoreError::NotFound,
        _ => err.into(),
    }
}
