//! Syndication and SEO: structured data, social tags and hreflang for page heads; RSS,
//! Atom and JSON Feed per edition, section, tag and author; `robots.txt`, sitemaps and
//! Google News sitemaps; the publisher logo; WebSub discovery and hub pings.
//!
//! Builders are pure functions over the content model ([`story::Story`] gathers an
//! article with what its ids point at); [`routes`] loads rows and serves documents
//! through the page cache. Pages call [`page_head::article_head`] and
//! [`page_head::listing_head`], and link feeds with [`crate::head::feed_links`], whose
//! `{page}/feed.{rss,atom,json}` naming the routes here serve.

pub mod feeds;
pub mod hreflang;
pub mod images;
pub mod jsonld;
pub mod load;
pub mod logo;
pub mod page_head;
pub mod routes;
pub mod site;
pub mod sitemap;
#[cfg(test)]
mod snapshots;
pub mod social;
pub mod story;
pub mod time;
pub mod websub;
pub mod xml;

pub use page_head::{article_head, article_head_with_default, listing_head};
pub use routes::routes;
pub use site::Site;
