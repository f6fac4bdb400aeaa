//! Small helpers for SQL assembled at run time and for the values every write stores.

use chrono::{DateTime, SubsecRound, Utc};

/// A value bound to SQL assembled at run time (filters, `IN` lists).
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    Int(i64),
    Text(String),
    Time(DateTime<Utc>),
}

/// Collects `WHERE` conditions and their arguments, numbering `$N` placeholders.
#[derive(Debug, Default)]
pub(crate) struct Filter {
    pub conditions: Vec<String>,
    pub args: Vec<Arg>,
    /// Placeholders already taken by the statement this filter is part of.
    pub base: usize,
}

impl Filter {
    /// A filter whose first placeholder is `$base+1` (for statements of several parts).
    pub fn numbered_after(base: usize) -> Self {
        Filter {
            base,
            ..Filter::default()
        }
    }

    /// Adds a condition; `{}` in it is replaced by the placeholder of `arg`.
    pub fn push(&mut self, condition: &str, arg: Arg) {
        self.args.push(arg);
        let placeholder = format!("${}", self.base + self.args.len());
        self.conditions.push(condition.replace("{}", &placeholder));
    }

    /// Adds a condition without an argument; only for SQL text built from constants.
    pub fn push_literal(&mut self, condition: &str) {
        self.conditions.push(condition.to_owned());
    }

    pub fn where_clause(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.conditions.join(" AND "))
        }
    }
}

/// `$start, $start+1, …` for `n` values.
pub(crate) fn placeholders(start: usize, n: usize) -> String {
    (start..start + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `INSERT INTO table (a, b, …) VALUES ($1, $2, …)`, with ` RETURNING …` when given: one
/// placeholder per column, numbered in the order of `columns` (the order to bind in).
pub(crate) fn insert_sql(table: &str, columns: &[&str], returning: Option<&str>) -> String {
    let mut sql = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        columns.join(", "),
        placeholders(1, columns.len())
    );
    if let Some(returning) = returning {
        sql.push_str(" RETURNING ");
        sql.push_str(returning);
    }
    sql
}

/// `UPDATE table SET a = $k+1, b = $k+2, … WHERE key1 = $1 AND … key_k = $k`, with
/// ` RETURNING …` when given: bind the `keys`' values first, then the `columns`' in order.
pub(crate) fn update_sql(
    table: &str,
    keys: &[&str],
    columns: &[&str],
    returning: Option<&str>,
) -> String {
    let numbered = |names: &[&str], first: usize, sep: &str| {
        (first..)
            .zip(names)
            .map(|(i, name)| format!("{name} = ${i}"))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let mut sql = format!(
        "UPDATE {table} SET {} WHERE {}",
        numbered(columns, keys.len() + 1, ", "),
        numbered(keys, 1, " AND ")
    );
    if let Some(returning) = returning {
        sql.push_str(" RETURNING ");
        sql.push_str(returning);
    }
    sql
}

/// The current time at the precision both backends store (microseconds), so a value read
/// back equals the value written.
pub(crate) fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

pub(crate) fn micros(t: DateTime<Utc>) -> DateTime<Utc> {
    t.trunc_subsecs(6)
}

/// Text folded for case-insensitive matching in any script (stored beside the original).
pub(crate) fn fold(text: &str) -> String {
    text.to_lowercase()
}

/// A `LIKE` pattern matching `text` anywhere, with the wildcards in it escaped (`ESCAPE '\'`).
/// The longest search text accepted. Longer ones are refused up front: a LIKE pattern of
/// tens of thousands of characters makes SQLite answer "pattern too complex" (a 500).
pub const MAX_SEARCH_CHARS: usize = 200;

/// Refuses search text longer than [`MAX_SEARCH_CHARS`], with a message for the person.
pub(crate) fn check_search(text: Option<&str>) -> crate::error::Result<()> {
    match text {
        Some(t) if t.trim().chars().count() > MAX_SEARCH_CHARS => Err(
            crate::error::StoreError::invalid("q", "a search is at most 200 characters"),
        ),
        _ => Ok(()),
    }
}

pub(crate) fn contains_pattern(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('%');
    for c in fold(text.trim()).chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// Ids in the order given, without repeats.
pub(crate) fn dedup(ids: &[i64]) -> Vec<i64> {
    let mut seen = std::collections::HashSet::new();
    ids.iter().copied().filter(|id| seen.insert(*id)).collect()
}

/// `ids` lengthened to the next power of two by repeating the last one (an `IN` list
/// answers the same): lists of 1 to 500 ids then take ten statement texts, not 500, so
/// the per-connection cache of prepared statements keeps them all and a read never pays
/// PostgreSQL's extra round trip to prepare a statement it saw before with another length.
pub(crate) fn padded(ids: &[i64]) -> Vec<i64> {
    let mut out = ids.to_vec();
    if let Some(&last) = ids.last() {
        out.resize(ids.len().next_power_of_two(), last);
    }
    out
}

/// The largest `IN` list sent at once, well under both backends' parameter limits.
pub(crate) const CHUNK: usize = 500;

/// `LIMIT n OFFSET m` as literals, not parameters: SQLite's planner reads a bound LIMIT's
/// value and marks the statement to be compiled again whenever it is bound anew, so a
/// bound LIMIT cost a full re-prepare on every run of a cached statement (the newsfeed
/// column's query on every page; `perf`: 6.5% of a cache miss). Both numbers are checked
/// integers, and few distinct ones occur, so the statement cache still holds them.
pub(crate) fn limit_clause(limit: i64, offset: i64) -> String {
    format!("LIMIT {limit} OFFSET {}", offset.max(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards_and_fold_case() {
        assert_eq!(contains_pattern("50%_Off"), "%50\\%\\_off%");
        assert_eq!(contains_pattern("ПУТИН"), "%путин%");
    }

    #[test]
    fn padded_lists_repeat_the_last_id_up_to_a_power_of_two() {
        assert_eq!(padded(&[]), Vec::<i64>::new());
        assert_eq!(padded(&[7]), vec![7]);
        assert_eq!(padded(&[1, 2, 3]), vec![1, 2, 3, 3]);
        assert_eq!(padded(&[1, 2, 3, 4]).len(), 4);
    }

    #[test]
    fn filter_numbers_placeholders() {
        let mut f = Filter::default();
        f.push("a = {}", Arg::Int(1));
        f.push("c < {}", Arg::Int(2));
        assert_eq!(f.where_clause(), " WHERE a = $1 AND c < $2");
        assert_eq!(placeholders(3, 2), "$3, $4");
    }

    #[test]
    fn insert_sql_numbers_columns_in_order() {
        assert_eq!(
            insert_sql("t", &["a", "b", "c"], Some("id")),
            "INSERT INTO t (a, b, c) VALUES ($1, $2, $3) RETURNING id"
        );
        assert_eq!(
            insert_sql("t", &["a"], None),
            "INSERT INTO t (a) VALUES ($1)"
        );
    }

    #[test]
    fn update_sql_binds_keys_first() {
        assert_eq!(
            update_sql("t", &["id"], &["a", "b"], None),
            "UPDATE t SET a = $2, b = $3 WHERE id = $1"
        );
        assert_eq!(
            update_sql("t", &["id", "version"], &["a", "version"], Some("x, y")),
            "UPDATE t SET a = $3, version = $4 WHERE id = $1 AND version = $2 RETURNING x, y"
        );
    }
}
