//! Typed ids for the values that are easy to pass in the wrong order: an article id next to
//! a version number, a photo id next to another integer, a job id. Each is a plain `i64`
//! underneath and serializes as one (`#[serde(transparent)]`), so stored payloads and API
//! JSON are unchanged. Core stays free of database types: the store binds `id.0`.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl From<i64> for $name {
            fn from(id: i64) -> Self {
                $name(id)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> Self {
                id.0
            }
        }
    };
}

typed_id!(
    /// The id of an article (one edition's version of a story).
    ArticleId
);
typed_id!(
    /// The id of a photo in the media library.
    PhotoId
);
typed_id!(
    /// The id of a job in the background queue.
    JobId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_serialize_as_bare_integers() {
        assert_eq!(serde_json::to_string(&ArticleId(5)).unwrap(), "5");
        assert_eq!(
            serde_json::from_str::<ArticleId>("5").unwrap(),
            ArticleId(5)
        );
        assert_eq!(serde_json::to_string(&PhotoId(7)).unwrap(), "7");
        assert_eq!(serde_json::to_string(&JobId(9)).unwrap(), "9");
    }

    #[test]
    fn ids_display_and_convert_as_their_integer() {
        assert_eq!(ArticleId(42).to_string(), "42");
        assert_eq!(i64::from(PhotoId(3)), 3);
        assert_eq!(JobId::from(8), JobId(8));
    }
}
